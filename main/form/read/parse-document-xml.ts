import { DOMParser, onErrorStopParsing, type Element, type Node } from '@xmldom/xmldom';
import type { DocBlock, DocCell, DocParagraph, DocRow, DocTable } from './docx-model';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** Thrown when document.xml is not well-formed XML; the caller words it for the person. */
export class DocumentXmlError extends Error {
  override readonly name = 'DocumentXmlError';
}

/**
 * How deeply elements may nest. Word's own documents stay far below this (a table inside a
 * table inside a content control is a few dozen levels); the walks below recurse once per
 * level or so, and this keeps them far from the stack limit whatever the file holds.
 */
export const MAX_XML_DEPTH = 256;

/**
 * The deepest element nesting in `xml`, or MAX_XML_DEPTH + 1 as soon as it goes deeper: a
 * cheap scan of the text, without recursion, run before anything builds a tree from it.
 * Comments, CDATA sections, processing instructions and quoted attribute values are skipped,
 * so a `>` or `/` inside them is not taken for markup. Malformed XML is the parser's to refuse.
 */
export function xmlNestingDepth(xml: string): number {
  let depth = 0;
  let deepest = 0;
  let i = xml.indexOf('<');
  while (i >= 0 && i < xml.length) {
    const next = xml.charCodeAt(i + 1);
    if (xml.startsWith('<!--', i)) i = skipPast(xml, '-->', i + 4);
    else if (xml.startsWith('<![CDATA[', i)) i = skipPast(xml, ']]>', i + 9);
    else if (next === 0x3f /* ? */ || next === 0x21 /* ! */) i = skipPast(xml, '>', i + 2);
    else if (next === 0x2f /* / */) {
      depth = Math.max(0, depth - 1);
      i = skipPast(xml, '>', i + 2);
    } else {
      // A start tag: find its end outside quoted attribute values.
      let j = i + 1;
      let quote = 0;
      for (; j < xml.length; j += 1) {
        const c = xml.charCodeAt(j);
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === 0x22 || c === 0x27) quote = c;
        else if (c === 0x3e /* > */) break;
      }
      if (xml.charCodeAt(j - 1) !== 0x2f /* / */) {
        depth += 1;
        if (depth > deepest) deepest = depth;
        if (deepest > MAX_XML_DEPTH) return deepest;
      }
      i = j + 1;
    }
    i = xml.indexOf('<', i);
  }
  return deepest;
}

function skipPast(xml: string, end: string, from: number): number {
  const at = xml.indexOf(end, from);
  return at < 0 ? xml.length : at + end.length;
}

/** Parses `word/document.xml` into the body's paragraphs and tables, in order. */
export function parseDocumentXml(xml: string): readonly DocBlock[] {
  // Word never writes a DTD; refusing one rules out entity-expansion tricks.
  if (/<!DOCTYPE/i.test(xml)) throw new DocumentXmlError('it declares a DTD');
  // Refused before any tree is built: nothing below, here or in what reads the blocks, meets a
  // nesting deep enough to exhaust the stack ("Maximum call stack size exceeded").
  if (xmlNestingDepth(xml) > MAX_XML_DEPTH) {
    throw new DocumentXmlError(`its elements are nested more than ${MAX_XML_DEPTH} levels deep, far deeper than Word ever writes`);
  }
  let root: Element | null;
  try {
    const doc = new DOMParser({ onError: onErrorStopParsing }).parseFromString(xml, 'text/xml');
    root = doc.documentElement;
  } catch (e) {
    throw new DocumentXmlError(e instanceof Error ? e.message : String(e));
  }
  if (!root || root.namespaceURI !== W_NS || root.localName !== 'document') {
    throw new DocumentXmlError('its main part is not a WordprocessingML document');
  }
  const body = childElements(root).find((e) => isW(e, 'body'));
  if (!body) return [];
  sourceIndex = indexElements(root);
  try {
    return readBlocks(body);
  } finally {
    sourceIndex = new Map();
  }
}

/**
 * Each paragraph, table, row and cell's place among the elements of its kind in document
 * order, so a writer can find the same element in the text (see main/form/fill). Set for the
 * length of one synchronous parse.
 */
let sourceIndex = new Map<Element, number>();

function indexElements(root: Element): Map<Element, number> {
  const index = new Map<Element, number>();
  for (const name of ['p', 'tbl', 'tr', 'tc']) {
    const list = root.getElementsByTagNameNS(W_NS, name);
    for (let i = 0; i < list.length; i++) index.set(list.item(i) as Element, i);
  }
  return index;
}

function withSource<T extends { readonly sourceIndex?: number }>(value: T, el: Element): T {
  const at = sourceIndex.get(el);
  return at === undefined ? value : { ...value, sourceIndex: at };
}

/** Block-level content: paragraphs and tables, looking through content controls and wrappers. */
function readBlocks(container: Element | undefined): DocBlock[] {
  const blocks: DocBlock[] = [];
  for (const el of childElements(container)) {
    if (isW(el, 'p')) blocks.push(readParagraph(el));
    else if (isW(el, 'tbl')) blocks.push(readTable(el));
    else if (isW(el, 'sdt')) blocks.push(...readBlocks(sdtContent(el)));
    else if (isW(el, 'customXml') || isW(el, 'ins') || isW(el, 'moveTo')) blocks.push(...readBlocks(el));
    else if (isAlternateContent(el)) blocks.push(...readBlocks(alternateChoice(el)));
  }
  return blocks;
}

function readTable(tbl: Element): DocTable {
  return withSource<DocTable>({ kind: 'table', rows: tableRows(tbl).map(readRow) }, tbl);
}

/** Rows may sit inside row-level content controls or custom XML; deleted rows are left out. */
function tableRows(container: Element | undefined): Element[] {
  const rows: Element[] = [];
  for (const el of childElements(container)) {
    if (isW(el, 'tr')) {
      if (!rowIsDeleted(el)) rows.push(el);
    } else if (isW(el, 'sdt')) rows.push(...tableRows(sdtContent(el)));
    else if (isW(el, 'customXml')) rows.push(...tableRows(el));
  }
  return rows;
}

function rowIsDeleted(tr: Element): boolean {
  const trPr = childElements(tr).find((e) => isW(e, 'trPr'));
  return trPr !== undefined && childElements(trPr).some((e) => isW(e, 'del'));
}

function readRow(tr: Element): DocRow {
  const trPr = childElements(tr).find((e) => isW(e, 'trPr'));
  const repeatsAsHeader = trPr !== undefined && childElements(trPr).some((e) => isW(e, 'tblHeader') && onOff(e));
  // Cells skipped at the start of a row by `w:gridBefore` still take grid columns.
  const gridBefore = trPr ? Number(wVal(childElements(trPr).find((e) => isW(e, 'gridBefore'))) ?? 0) : 0;
  let column = Number.isFinite(gridBefore) ? gridBefore : 0;
  const cells: DocCell[] = [];
  for (const tc of rowCells(tr)) {
    const tcPr = childElements(tc).find((e) => isW(e, 'tcPr'));
    const spanValue = Number(wVal(tcPr && childElements(tcPr).find((e) => isW(e, 'gridSpan'))) ?? 1);
    const gridSpan = Number.isInteger(spanValue) && spanValue > 0 ? spanValue : 1;
    const vMerge = tcPr && childElements(tcPr).find((e) => isW(e, 'vMerge'));
    const verticalMerge = vMerge ? (wVal(vMerge) === 'restart' ? 'restart' : 'continue') : null;
    cells.push(withSource<DocCell>({ gridStart: column, gridSpan, verticalMerge, blocks: readBlocks(tc) }, tc));
    column += gridSpan;
  }
  return withSource<DocRow>({ repeatsAsHeader, cells }, tr);
}

/** Cells may sit inside cell-level content controls or custom XML. */
function rowCells(container: Element | undefined): Element[] {
  const cells: Element[] = [];
  for (const el of childElements(container)) {
    if (isW(el, 'tc')) cells.push(el);
    else if (isW(el, 'sdt')) cells.push(...rowCells(sdtContent(el)));
    else if (isW(el, 'customXml')) cells.push(...rowCells(el));
  }
  return cells;
}

function readParagraph(p: Element): DocParagraph {
  const pPr = childElements(p).find((e) => isW(e, 'pPr'));
  const markRPr = pPr && childElements(pPr).find((e) => isW(e, 'rPr'));
  const markDeleted = markRPr !== undefined && childElements(markRPr).some((e) => isW(e, 'del') || isW(e, 'moveFrom'));
  const out = { text: '', fields: [] as FieldPhase[] };
  readInline(p, out);
  return withSource<DocParagraph>({ kind: 'paragraph', text: out.text, markDeleted }, p);
}

/** A complex field shows only its result: its instructions sit between `begin` and `separate`. */
type FieldPhase = 'instructions' | 'result';

interface InlineState {
  text: string;
  readonly fields: FieldPhase[];
}

function readInline(container: Element | undefined, out: InlineState): void {
  for (const el of childElements(container)) {
    if (isW(el, 'r')) readRun(el, out);
    else if (isW(el, 'del') || isW(el, 'moveFrom')) continue;
    else if (isW(el, 'sdt')) readInline(sdtContent(el), out);
    else if (isAlternateContent(el)) readInline(alternateChoice(el), out);
    else if (
      isW(el, 'ins') ||
      isW(el, 'moveTo') ||
      isW(el, 'hyperlink') ||
      isW(el, 'smartTag') ||
      isW(el, 'customXml') ||
      isW(el, 'fldSimple') ||
      isW(el, 'dir') ||
      isW(el, 'bdo')
    ) {
      readInline(el, out);
    }
  }
}

function readRun(r: Element | undefined, out: InlineState): void {
  for (const el of childElements(r)) {
    if (el.namespaceURI !== W_NS) {
      if (isAlternateContent(el)) readRun(alternateChoice(el), out);
      continue;
    }
    if (el.localName === 'fldChar') {
      const type = el.getAttributeNS(W_NS, 'fldCharType');
      if (type === 'begin') out.fields.push('instructions');
      else if (type === 'separate' && out.fields.length > 0) out.fields[out.fields.length - 1] = 'result';
      else if (type === 'end') out.fields.pop();
      continue;
    }
    if (out.fields.includes('instructions')) continue;
    switch (el.localName) {
      case 't':
        out.text += el.textContent ?? '';
        break;
      case 'tab':
      case 'ptab':
        out.text += '\t';
        break;
      case 'br':
      case 'cr':
        out.text += '\n';
        break;
      case 'noBreakHyphen':
        out.text += '\u2011';
        break;
      case 'sym': {
        const code = Number.parseInt(el.getAttributeNS(W_NS, 'char') ?? '', 16);
        // Symbol-font code points (F000–F0FF) stand for the font's own glyph; keep only real characters.
        if (Number.isFinite(code) && (code < 0xf000 || code > 0xf0ff)) out.text += String.fromCodePoint(code);
        break;
      }
      default:
        // delText, instrText, rPr, drawings and the like carry no visible text.
        break;
    }
  }
}

function sdtContent(sdt: Element): Element | undefined {
  return childElements(sdt).find((e) => isW(e, 'sdtContent'));
}

function isAlternateContent(el: Element): boolean {
  return el.namespaceURI === MC_NS && el.localName === 'AlternateContent';
}

/** Word writes a Fallback for readers that do not know the Choice; the Fallback is plain WordprocessingML. */
function alternateChoice(el: Element): Element | undefined {
  return childElements(el).find((e) => e.namespaceURI === MC_NS && e.localName === 'Fallback');
}

/** Child elements in order; none for a missing element, so optional parts read as empty. */
function childElements(el: Element | undefined): Element[] {
  const out: Element[] = [];
  if (!el) return out;
  for (let n: Node | null = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) out.push(n as Element);
  }
  return out;
}

function isW(el: Element, localName: string): boolean {
  return el.namespaceURI === W_NS && el.localName === localName;
}

function wVal(el: Element | undefined): string | undefined {
  if (!el) return undefined;
  return el.hasAttributeNS(W_NS, 'val') ? (el.getAttributeNS(W_NS, 'val') ?? undefined) : undefined;
}

/** An on/off property is on unless its value says otherwise. */
function onOff(el: Element): boolean {
  const v = wVal(el);
  return v === undefined || !['0', 'false', 'off'].includes(v);
}
