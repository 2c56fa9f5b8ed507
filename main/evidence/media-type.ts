/**
 * Media types by file name ending. Longest endings first, so `sbom.cdx.json` is a CycloneDX
 * SBOM rather than plain JSON and `logs.tar.gz` a gzipped tarball.
 */
const BY_ENDING: readonly (readonly [string, string])[] = [
  ['.cdx.json', 'application/vnd.cyclonedx+json'],
  ['.cdx.xml', 'application/vnd.cyclonedx+xml'],
  ['.spdx.json', 'application/spdx+json'],
  ['.tar.gz', 'application/gzip'],
  ['.tgz', 'application/gzip'],
  ['.spdx', 'text/spdx'],
  ['.pdf', 'application/pdf'],
  ['.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  ['.odt', 'application/vnd.oasis.opendocument.text'],
  ['.ods', 'application/vnd.oasis.opendocument.spreadsheet'],
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.jpeg', 'image/jpeg'],
  ['.gif', 'image/gif'],
  ['.svg', 'image/svg+xml'],
  ['.txt', 'text/plain'],
  ['.log', 'text/plain'],
  ['.md', 'text/markdown'],
  ['.csv', 'text/csv'],
  ['.json', 'application/json'],
  ['.xml', 'application/xml'],
  ['.html', 'text/html'],
  ['.htm', 'text/html'],
  ['.yaml', 'application/yaml'],
  ['.yml', 'application/yaml'],
  ['.zip', 'application/zip'],
  ['.gz', 'application/gzip'],
  ['.tar', 'application/x-tar'],
  ['.eml', 'message/rfc822'],
];

export const UNKNOWN_MEDIA_TYPE = 'application/octet-stream';

/** The media type a file's name suggests; `application/octet-stream` when it suggests none. */
export function mediaTypeFor(fileName: string): string {
  const lower = fileName.toLowerCase();
  for (const [ending, type] of BY_ENDING) if (lower.endsWith(ending) && lower.length > ending.length) return type;
  return UNKNOWN_MEDIA_TYPE;
}
