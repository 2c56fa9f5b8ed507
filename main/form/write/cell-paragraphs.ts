import { Paragraph, Tab, TextRun } from 'docx';

export interface RunStyle {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly color?: string;
}

/** Characters XML 1.0 cannot carry at all; Word could not open a file holding them. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe to put in a Word document: line endings unified, impossible characters removed. */
export function wordSafe(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(NOT_XML, '');
}

/** One paragraph per line, as a person typing in a Word cell would have made them. */
export function textParagraphs(text: string, style: RunStyle = {}): Paragraph[] {
  return wordSafe(text)
    .split('\n')
    .map((line) => new Paragraph({ children: [lineRun(line, style)] }));
}

/** One paragraph whose lines are joined by line breaks (`w:br`), not split into paragraphs. */
export function brokenParagraph(text: string, style: RunStyle = {}): Paragraph {
  const lines = wordSafe(text).split('\n');
  return new Paragraph({ children: lines.map((line, i) => lineRun(line, style, i > 0)) });
}

/** A run with tabs written as Word tabs so they read back as tabs. */
function lineRun(line: string, style: RunStyle, breakBefore = false): TextRun {
  const parts = line.split('\t');
  const children: (string | Tab)[] = [];
  parts.forEach((part, i) => {
    if (i > 0) children.push(new Tab());
    if (part !== '') children.push(part);
  });
  return new TextRun({ children, ...style, ...(breakBefore ? { break: 1 } : {}) });
}
