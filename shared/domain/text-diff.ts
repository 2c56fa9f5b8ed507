/**
 * A word-level diff of two texts, for showing what changed in a claim's evidence or arguments
 * between two assessments. Longest common subsequence over words, spaces and line breaks, so
 * the pieces joined back give each side exactly.
 */
export type DiffKind = 'same' | 'added' | 'removed';

export interface DiffSegment {
  readonly kind: DiffKind;
  readonly text: string;
}

export interface TextDiff {
  readonly segments: readonly DiffSegment[];
  /** Words (not spaces) added and removed: a size for the change. */
  readonly wordsAdded: number;
  readonly wordsRemoved: number;
}

/** Beyond this many cells the LCS table costs too much; the changed middle is then shown replaced whole. */
const MAX_TABLE_CELLS = 4_000_000;

export function diffText(from: string, to: string): TextDiff {
  const a = tokenize(from);
  const b = tokenize(to);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middle = lcsDiff(a.slice(start, endA), b.slice(start, endB));
  const raw: DiffSegment[] = [
    ...a.slice(0, start).map((text) => ({ kind: 'same' as const, text })),
    ...middle,
    ...a.slice(endA).map((text) => ({ kind: 'same' as const, text })),
  ];
  const segments = merge(raw);
  const count = (kind: DiffKind): number => raw.filter((s) => s.kind === kind && /\S/.test(s.text)).length;
  return { segments, wordsAdded: count('added'), wordsRemoved: count('removed') };
}

/** Words, runs of spaces and tabs, and single line breaks. */
export function tokenize(text: string): string[] {
  return text.match(/\n|[^\S\n]+|[^\s]+/g) ?? [];
}

/** The text as it was (`from`) or as it is (`to`), rebuilt from the segments. */
export function sideOf(diff: TextDiff, side: 'from' | 'to'): string {
  const skip: DiffKind = side === 'from' ? 'added' : 'removed';
  return diff.segments
    .filter((s) => s.kind !== skip)
    .map((s) => s.text)
    .join('');
}

function lcsDiff(a: readonly string[], b: readonly string[]): DiffSegment[] {
  if (a.length === 0) return b.map((text) => ({ kind: 'added', text }));
  if (b.length === 0) return a.map((text) => ({ kind: 'removed', text }));
  if (a.length * b.length > MAX_TABLE_CELLS) {
    return [...a.map((text) => ({ kind: 'removed' as const, text })), ...b.map((text) => ({ kind: 'added' as const, text }))];
  }
  // lengths[i][j]: LCS length of a[i..] and b[j..], in one flat array.
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  const out: DiffSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i] as string });
      i++;
      j++;
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
      out.push({ kind: 'removed', text: a[i] as string });
      i++;
    } else {
      out.push({ kind: 'added', text: b[j] as string });
      j++;
    }
  }
  for (; i < a.length; i++) out.push({ kind: 'removed', text: a[i] as string });
  for (; j < b.length; j++) out.push({ kind: 'added', text: b[j] as string });
  return out;
}

/** Joins neighbouring pieces of the same kind. */
function merge(segments: readonly DiffSegment[]): DiffSegment[] {
  const out: { kind: DiffKind; text: string }[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && last.kind === s.kind) last.text += s.text;
    else out.push({ kind: s.kind, text: s.text });
  }
  return out;
}

/** One line a person can read in a terminal: `[-removed-]{+added+}` around the changes. */
export function renderInline(diff: TextDiff): string {
  return diff.segments.map((s) => (s.kind === 'same' ? s.text : s.kind === 'added' ? `{+${s.text}+}` : `[-${s.text}-]`)).join('');
}
