/**
 * Where pdfkit's own output falls short of what the pack declares (PDF/A-3b, PDF 1.7), the
 * pieces are replaced here, on the one document instance, before `doc.end()` writes them:
 *
 * - the XMP packet: pdfkit pastes Title, Author, Subject, Keywords and Producer into XML
 *   unescaped, so an organisation called "Zoë & Søn" made the packet malformed XML and the
 *   PDF/A claim false. Every text is escaped here, and the packet also carries the
 *   xmp:ModifyDate that PDF/A needs to match the Info dictionary's ModDate;
 * - the metadata stream dictionary: pdfkit adds a stray lowercase `/length` beside `/Length`;
 * - the outline: pdfkit writes no `/Count` on the root nor on closed items that have
 *   children, both of which PDF 32000-1 Table 152/153 require.
 */

/** XML 1.0 forbids C0 controls other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF. */
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text that may go both into the Info dictionary and the XMP packet: characters XML cannot
 * carry at all become U+FFFD, so the two copies stay equal (PDF/A requires that).
 */
export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD');
}

/** Escapes text for an XML element or attribute value. */
export function escapeXml(text: string): string {
  return xmlSafeText(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** XMP dates: ISO 8601 to the second, UTC, as pdfkit writes CreateDate. */
function xmpDate(d: Date): string {
  return `${d.toISOString().split('.')[0]}Z`;
}

interface InfoFields {
  Title?: string;
  Author?: string;
  Subject?: string;
  Keywords?: string;
  Creator?: string;
  Producer?: string;
  CreationDate?: Date;
  ModDate?: Date;
}

interface PdfRef {
  data: Record<string, unknown>;
  compress: boolean;
  write(chunk: Uint8Array): void;
  end(): void;
}

interface OutlineNode {
  outlineData: Record<string, unknown>;
  options: { expanded?: boolean };
  children: OutlineNode[];
}

/** The pdfkit internals this module replaces; pdfkit's typings do not declare them. */
interface PdfKitInternals {
  info: InfoFields;
  version: number;
  metadata: { end(): void; getXML(): string };
  metadataRef?: PdfRef;
  _root: { data: Record<string, unknown> };
  outline: OutlineNode;
  appendXML(xml: string, newline?: boolean): void;
  ref(data: Record<string, unknown>): PdfRef;
  _addInfo(): void;
  endMetadata(): void;
  endOutline(): void;
}

/** The XMP descriptions pdfkit's `_addInfo` writes, with every text escaped. */
export function infoXmp(info: InfoFields): string {
  const parts: string[] = [];
  const created = info.CreationDate ?? new Date();
  parts.push(`<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreateDate>${xmpDate(created)}</xmp:CreateDate>
<xmp:ModifyDate>${xmpDate(info.ModDate ?? created)}</xmp:ModifyDate>
<xmp:MetadataDate>${xmpDate(info.ModDate ?? created)}</xmp:MetadataDate>${
    info.Creator ? `\n<xmp:CreatorTool>${escapeXml(info.Creator)}</xmp:CreatorTool>` : ''
  }
</rdf:Description>`);
  const dc: string[] = [];
  if (info.Title) dc.push(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(info.Title)}</rdf:li></rdf:Alt></dc:title>`);
  if (info.Author) dc.push(`<dc:creator><rdf:Seq><rdf:li>${escapeXml(info.Author)}</rdf:li></rdf:Seq></dc:creator>`);
  if (info.Subject)
    dc.push(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(info.Subject)}</rdf:li></rdf:Alt></dc:description>`);
  if (dc.length > 0)
    parts.push(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">\n${dc.join('\n')}\n</rdf:Description>`);
  const pdf: string[] = [];
  if (info.Producer) pdf.push(`<pdf:Producer>${escapeXml(info.Producer)}</pdf:Producer>`);
  if (info.Keywords) pdf.push(`<pdf:Keywords>${escapeXml(info.Keywords)}</pdf:Keywords>`);
  if (pdf.length > 0)
    parts.push(`<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">\n${pdf.join('\n')}\n</rdf:Description>`);
  return parts.join('\n');
}

/**
 * Sets `/Count` on every outline node with children: on the root, the number of items a
 * reader shows at first; on an open item, the same for its subtree; on a closed item, minus
 * the number of its descendants. Returns how many items `node` makes visible.
 */
function countOutline(node: OutlineNode, isRoot: boolean): number {
  let visible = 0;
  let descendants = 0;
  for (const child of node.children) {
    const childVisible = countOutline(child, false);
    visible += 1 + (child.options.expanded ? childVisible : 0);
    descendants += 1 + countDescendants(child);
  }
  if (node.children.length > 0) {
    node.outlineData.Count = isRoot || node.options.expanded ? visible : -descendants;
  } else {
    delete node.outlineData.Count;
  }
  return visible;
}

function countDescendants(node: OutlineNode): number {
  return node.children.reduce((n, c) => n + 1 + countDescendants(c), 0);
}

/** Installs the replacements on one pdfkit document; call right after constructing it. */
export function makeConformant(document: PDFKit.PDFDocument): void {
  const doc = document as unknown as PdfKitInternals;
  doc._addInfo = function addEscapedInfo(this: PdfKitInternals): void {
    this.appendXML(infoXmp(this.info));
  };
  doc.endMetadata = function endMetadataWithoutStrayKey(this: PdfKitInternals): void {
    this._addInfo();
    this.metadata.end();
    if (this.version === 1.3) return;
    const bytes = new TextEncoder().encode(this.metadata.getXML());
    // `Length` is set by pdfkit from the bytes written; only the two keys PDF/A names here.
    const ref = this.ref({ Type: 'Metadata', Subtype: 'XML' });
    ref.compress = false;
    ref.write(bytes);
    ref.end();
    this.metadataRef = ref;
    this._root.data.Metadata = ref;
  };
  const endOutline = doc.endOutline.bind(doc);
  doc.endOutline = function endOutlineWithCounts(this: PdfKitInternals): void {
    // Counts are set before pdfkit writes the objects; pdfkit's own Count (children.length,
    // only on `expanded` items) would overwrite them with a wrong total, so it is turned off.
    countOutline(this.outline, true);
    const quiet = (n: OutlineNode): void => {
      n.options = { ...n.options, expanded: false };
      n.children.forEach(quiet);
    };
    quiet(this.outline);
    endOutline();
  };
}
