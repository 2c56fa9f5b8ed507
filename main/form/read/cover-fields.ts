import { parseUkDate } from '../../../shared/domain/dates';
import { blockParagraphs } from './block-text';
import type { DocBlock } from './docx-model';
import type { FormCover } from './types';

export type CoverKey = 'organisation' | 'assessorName' | 'assessorRole' | 'dateCompleted';

const LABELS: readonly (readonly [RegExp, CoverKey])[] = [
  [/^(organisation|organization)( name)?$/, 'organisation'],
  [/^(assessor('s)? )?name$/, 'assessorName'],
  [/^(assessor('s)? )?role$/, 'assessorRole'],
  [/^date( completed)?$/, 'dateCompleted'],
];

export interface CoverReading {
  readonly cover: FormCover;
  readonly warnings: readonly string[];
}

/**
 * Reads Organisation and the "Assessed by" Name, Role and Date Completed, written either as a
 * table (label cell, value cell) or as "Label: value" paragraphs. The first filled-in value of
 * each wins; an unreadable date is reported, not fatal.
 */
export function readCoverFields(blocks: readonly DocBlock[]): CoverReading {
  const found = new Map<CoverKey, string>();
  const offer = (key: CoverKey | null, value: string): void => {
    const v = value.replace(/\s+/g, ' ').trim();
    if (key && v !== '' && !found.has(key)) found.set(key, v);
  };
  const visit = (items: readonly DocBlock[]): void => {
    for (const block of items) {
      if (block.kind === 'paragraph') {
        for (const line of block.text.split('\n')) offerLabelled(line, offer);
        continue;
      }
      for (const row of block.rows) {
        const texts = row.cells.map((cell) => blockParagraphs(cell.blocks).join('\n'));
        texts.forEach((text, i) => {
          const key = labelKey(text);
          if (key) {
            const value = texts.slice(i + 1).find((t) => t.trim() !== '');
            if (value !== undefined && labelKey(value) === null) offer(key, value);
          } else {
            // "Organisation: Acme Ltd" typed into a single cell.
            for (const line of text.split('\n')) offerLabelled(line, offer);
          }
        });
        for (const cell of row.cells) visit(cell.blocks.filter((b) => b.kind === 'table'));
      }
    }
  };
  visit(blocks);

  const warnings: string[] = [];
  const dateAsWritten = found.get('dateCompleted') ?? null;
  let dateCompleted: string | null = null;
  if (dateAsWritten !== null) {
    try {
      dateCompleted = parseUkDate(dateAsWritten, 'The Date Completed');
    } catch {
      warnings.push(`The Date Completed "${dateAsWritten}" is not a date in the form dd/mm/yyyy; it was left out.`);
    }
  }
  return {
    cover: {
      organisation: found.get('organisation') ?? null,
      assessorName: found.get('assessorName') ?? null,
      assessorRole: found.get('assessorRole') ?? null,
      dateCompleted,
      dateCompletedAsWritten: dateAsWritten,
    },
    warnings,
  };
}

export function labelKey(text: string): CoverKey | null {
  const t = text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s:]+$/, '')
    .replace(/^assessed by:?\s*/, '')
    .trim();
  return LABELS.find(([pattern]) => pattern.test(t))?.[1] ?? null;
}

function offerLabelled(line: string, offer: (key: CoverKey | null, value: string) => void): void {
  const m = /^\s*([^:]{2,40}):\s*(.*)$/.exec(line);
  if (!m) return;
  const label = m[1] ?? '';
  const value = m[2] ?? '';
  if (/^\s*assessed by\s*$/i.test(label)) {
    // "Assessed by: Name: Jane Doe" or, more loosely, "Assessed by: Jane Doe".
    if (/^\s*[^:]{2,40}:/.test(value)) offerLabelled(value, offer);
    else offer('assessorName', value);
    return;
  }
  offer(labelKey(label), value);
}
