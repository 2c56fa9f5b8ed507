import { strToU8, zipSync, type Zippable } from 'fflate';

/** Hand-written WordprocessingML for tests: what Word writes, cut down to the parts that matter. */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function documentXml(body: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
    `<w:body>${body}<w:sectPr/></w:body></w:document>`
  );
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

/** A minimal .docx holding the given body (and any extra parts). */
export function docxBytes(body: string, extra: Zippable = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    word: { 'document.xml': strToU8(documentXml(body)) },
    ...extra,
  });
}

export const p = (...runs: string[]): string => `<w:p>${runs.join('')}</w:p>`;
export const r = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
export const tc = (...paragraphs: string[]): string => `<w:tc>${paragraphs.length ? paragraphs.join('') : '<w:p/>'}</w:tc>`;
export const tr = (...cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;
export const tbl = (...rows: string[]): string => `<w:tbl><w:tblPr/>${rows.join('')}</w:tbl>`;

export const headerRow = (repeat = true): string =>
  `<w:tr>${repeat ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}` +
  ['Reference', 'Principles/Claims', 'Evidence', 'Arguments / Assumptions'].map((h) => tc(p(r(h)))).join('') +
  '</w:tr>';

export const principleRow = (id: string, title: string): string =>
  tr(tc(p(r(`Principle ${id}`))), `<w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr>${p(r(title))}</w:tc>`);

/** A claim row whose cells hold the given paragraphs (already-built XML). */
export const claimRow = (ref: string, text: string, evidence: string[], args: string[]): string =>
  tr(tc(p(r(ref))), tc(p(r(text))), tc(...evidence), tc(...args));

export const simpleClaimRow = (ref: string, text: string, evidence: string, args = ''): string =>
  claimRow(ref, text, [p(r(evidence))], [p(r(args))]);

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
