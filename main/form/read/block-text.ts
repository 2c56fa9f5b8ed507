import type { DocBlock, DocCell, DocTable } from './docx-model';

/**
 * The paragraphs of a run of blocks as a reader sees them. A paragraph whose mark was deleted
 * under tracked changes runs on into the next one; a nested table becomes one line per row,
 * its cells separated by tabs.
 */
export function blockParagraphs(blocks: readonly DocBlock[]): string[] {
  const paragraphs: string[] = [];
  let carry: string | null = null;
  for (const block of blocks) {
    if (block.kind === 'table') {
      if (carry !== null) {
        paragraphs.push(carry);
        carry = null;
      }
      paragraphs.push(...nestedTableLines(block));
      continue;
    }
    const text: string = (carry ?? '') + block.text;
    if (block.markDeleted) carry = text;
    else {
      paragraphs.push(text);
      carry = null;
    }
  }
  if (carry !== null) paragraphs.push(carry);
  return paragraphs;
}

/** A cell's text: its paragraphs joined by newlines. */
export function cellText(cell: DocCell): string {
  return blockParagraphs(cell.blocks).join('\n');
}

function nestedTableLines(table: DocTable): string[] {
  return table.rows
    .map((row) => row.cells.map((cell) => blockParagraphs(cell.blocks).join(' ')).join('\t'))
    .filter((line) => line.trim() !== '');
}
