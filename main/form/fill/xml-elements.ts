/**
 * Where each element of an XML text starts and ends, so a writer can replace exactly one
 * element's content and leave every other byte as it was. The text must already have been
 * parsed (and its nesting depth checked) by parseDocumentXml: this scanner trusts that it is
 * well-formed and only skips what can hide a `<` (comments, CDATA, processing instructions,
 * quoted attribute values).
 */
export interface XmlElement {
  /** The tag name as written, prefix included ("w:tc"). */
  readonly qname: string;
  readonly prefix: string;
  readonly namespace: string | null;
  readonly localName: string;
  /** Offset of the `<` of the start tag. */
  readonly start: number;
  /** Offset just after the start tag's `>`. */
  readonly contentStart: number;
  /** Offset of the `<` of the end tag (equal to contentStart for an empty element). */
  contentEnd: number;
  /** Offset just after the end tag's `>`. */
  end: number;
  readonly children: XmlElement[];
}

const XMLNS = /\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Every element of `xml` in document (start-tag) order. */
export function scanElements(xml: string): XmlElement[] {
  const all: XmlElement[] = [];
  const stack: { element: XmlElement; parentNamespaces: ReadonlyMap<string, string> }[] = [];
  let namespaces: ReadonlyMap<string, string> = new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]);
  let i = xml.indexOf('<');
  while (i >= 0 && i < xml.length) {
    const next = xml.charCodeAt(i + 1);
    if (xml.startsWith('<!--', i)) i = skipPast(xml, '-->', i + 4);
    else if (xml.startsWith('<![CDATA[', i)) i = skipPast(xml, ']]>', i + 9);
    else if (next === 0x3f /* ? */ || next === 0x21 /* ! */) i = skipPast(xml, '>', i + 2);
    else if (next === 0x2f /* / */) {
      const close = skipPast(xml, '>', i + 2);
      const open = stack.pop();
      if (open) {
        open.element.contentEnd = i;
        open.element.end = close;
        namespaces = open.parentNamespaces;
      }
      i = close;
    } else {
      let j = i + 1;
      let quote = 0;
      for (; j < xml.length; j += 1) {
        const c = xml.charCodeAt(j);
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === 0x22 || c === 0x27) quote = c;
        else if (c === 0x3e /* > */) break;
      }
      const tag = xml.slice(i + 1, j);
      const selfClosing = tag.endsWith('/');
      const qname = /^[^\s/>]+/.exec(tag)?.[0] ?? '';
      const declared = new Map(namespaces);
      for (const m of tag.matchAll(XMLNS)) declared.set(m[1] ?? '', m[2] ?? m[3] ?? '');
      const colon = qname.indexOf(':');
      const prefix = colon >= 0 ? qname.slice(0, colon) : '';
      const element: XmlElement = {
        qname,
        prefix,
        namespace: declared.get(prefix) ?? null,
        localName: colon >= 0 ? qname.slice(colon + 1) : qname,
        start: i,
        contentStart: j + 1,
        contentEnd: j + 1,
        end: j + 1,
        children: [],
      };
      all.push(element);
      const parent = stack[stack.length - 1];
      if (parent) parent.element.children.push(element);
      if (!selfClosing) {
        stack.push({ element, parentNamespaces: namespaces });
        namespaces = declared;
      }
      i = j + 1;
    }
    i = xml.indexOf('<', i);
  }
  return all;
}

function skipPast(xml: string, end: string, from: number): number {
  const at = xml.indexOf(end, from);
  return at < 0 ? xml.length : at + end.length;
}
