import { TEXT_HINTS, TEXT_MESSAGES, type TextReason } from '../error-reasons/domain';
import { SscpError } from '../errors';

/**
 * The one set of rules for text a person types or a file carries: how long each field may
 * be, and which characters it may not hold. The CLI (through the workspace services), the
 * IPC schemas, the pack exporter and both importers use these, so whatever `sscp new`/`set`
 * or the app accept, `export` signs and `import` takes back.
 *
 * Lengths count characters as a person sees them (Unicode code points), not UTF-16 units.
 * The limits are far above anything legitimate (the longest registered company names are
 * about 160 characters) but keep the pack, the Word form and the screens sane.
 */

/** `line`: one line, no tabs or line breaks. `text`: free text that may hold line breaks and tabs. */
export type TextShape = 'line' | 'text';

export interface TextField {
  /** How a message names it: "The organisation name holds…". */
  readonly label: string;
  readonly max: number;
  readonly shape: TextShape;
}

function field(label: string, max: number, shape: TextShape): TextField {
  return Object.freeze({ label, max, shape });
}

export const TEXT_FIELDS = Object.freeze({
  organisation: field('organisation name', 200, 'line'),
  product: field('product name', 200, 'line'),
  sroName: field('SRO name', 200, 'line'),
  sroRole: field('SRO role', 200, 'line'),
  evidenceText: field('evidence text', 100_000, 'text'),
  arguments: field('arguments text', 100_000, 'text'),
  actionDescription: field('action description', 5_000, 'text'),
  actionOwner: field('action owner', 200, 'line'),
  evidenceName: field('evidence name', 255, 'line'),
  evidenceDescription: field('evidence description', 10_000, 'text'),
  /** A reference's web address or location in words: kept in the evidence name's place, so no longer. */
  referenceLocation: field('reference location', 255, 'line'),
  evidenceOwner: field('evidence owner', 200, 'line'),
  identityLabel: field('identity label', 64, 'line'),
  /** X.520's upper bound for a certificate's common name, organisation and title. */
  certificateName: field('certificate name', 64, 'line'),
  /** Free text signing adds to a pack: an accepted sign-off exception. */
  exception: field('accepted exception', 2_000, 'text'),
});

export type TextFieldName = keyof typeof TEXT_FIELDS;

/** Products one assessment may list. */
export const MAX_PRODUCTS = 100;

/**
 * Characters that must never reach a terminal raw or sit unseen in a name: C0 controls,
 * DEL, C1 controls, bidirectional controls (they reorder what is shown, so
 * `invoice\u202Efdp.exe` reads as `invoiceexe.pdf`), line and paragraph separators, and
 * invisible format characters that can disguise text (soft hyphen, zero-width space, word
 * joiner and invisible operators, byte-order mark, interlinear annotation, tag characters,
 * Mongolian vowel separator, Hangul fillers) and lone surrogates. Zero-width joiner and
 * non-joiner (U+200C, U+200D) are allowed: Persian, Indic scripts and emoji need them.
 */
const UNSAFE_SOURCE =
  '[\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u061c\\u115f\\u1160\\u180e\\u200b\\u200e\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\u3164\\ufeff\\uffa0\\ufff9-\\ufffb\\u{e0000}-\\u{e007f}\\p{Cs}]';

/** Matches one unsafe character (global: use with replace). */
export function unsafeCharacters(): RegExp {
  return new RegExp(UNSAFE_SOURCE, 'gu');
}

const UNSAFE_ONE = new RegExp(UNSAFE_SOURCE, 'u');

/** True if the text holds any character `unsafeCharacters` matches (line breaks and tabs included). */
export function hasUnsafeCharacter(text: string): boolean {
  return UNSAFE_ONE.test(text);
}

/** Allowed in free text: tab, line feed and carriage return (Windows line ends). */
function allowedIn(shape: TextShape, ch: string): boolean {
  return shape === 'text' && (ch === '\t' || ch === '\n' || ch === '\r');
}

/** `U+001B`: how a message names a character. */
export function codePointName(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What kind of character it is, in words. */
export function describeUnsafe(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (ch === '\n' || ch === '\r' || cp === 0x2028 || cp === 0x2029 || cp === 0x85) return `a line break (${codePointName(ch)})`;
  if (ch === '\t') return `a tab (${codePointName(ch)})`;
  if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) return `a control character (${codePointName(ch)})`;
  if (cp === 0x061c || cp === 0x200e || cp === 0x200f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) {
    return `a bidirectional control character (${codePointName(ch)}), which changes the order text is shown in`;
  }
  if (cp >= 0xd800 && cp <= 0xdfff) return `a broken character (${codePointName(ch)})`;
  return `an invisible formatting character (${codePointName(ch)})`;
}

export interface UnsafeFound {
  readonly char: string;
  /** 1-based, in characters as a person counts them. */
  readonly position: number;
}

/** The first character the field may not hold, or null. */
export function findUnsafe(text: string, shape: TextShape): UnsafeFound | null {
  if (!hasUnsafeCharacter(text)) return null;
  let position = 0;
  for (const ch of text) {
    position += 1;
    if (UNSAFE_ONE.test(ch) && !allowedIn(shape, ch)) return { char: ch, position };
  }
  return null;
}

export function characterCount(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/** What is wrong with a value for a field, as a reason and its facts; null if nothing is. */
export function textReason(text: string, f: TextField): TextReason | null {
  const count = characterCount(text);
  if (count > f.max) return { code: 'text-too-long', label: f.label, count, max: f.max };
  const bad = findUnsafe(text, f.shape);
  if (bad) {
    const character = describeUnsafe(bad.char);
    const lineBreak = character.startsWith('a line break') || bad.char === '\t';
    return { code: 'text-unsafe-character', label: f.label, character, position: bad.position, lineBreak };
  }
  return null;
}

/**
 * The same as a message and a hint, for a form that shows them beside the field as it is
 * typed; a field's rule reads the same in the app and the CLI, so one set of words serves.
 */
export function textProblem(text: string, f: TextField): { message: string; hint: string } | null {
  const reason = textReason(text, f);
  if (!reason) return null;
  return {
    message: (TEXT_MESSAGES[reason.code] as (r: TextReason) => string)(reason),
    hint: (TEXT_HINTS[reason.code] as (r: TextReason) => string)(reason),
  };
}

/**
 * The value if the field may hold it; otherwise an `invalid-input` SscpError naming the field
 * and the limit or the character and its position. Does not trim: callers decide that.
 */
export function checkText(text: string, f: TextField): string {
  const problem = textReason(text, f);
  if (problem) throw SscpError.because(problem);
  return text;
}

export interface CleanedText {
  readonly text: string;
  /** Each character taken out, in order (empty if the text was already clean). */
  readonly removed: readonly string[];
}

/**
 * For importers: the text with every character the field may not hold taken out (a line
 * break or tab in a one-line field becomes a space), so a name from a pack or a form is
 * kept but can no longer disguise itself. The caller reports `removed` as a warning.
 */
export function cleanText(text: string, shape: TextShape): CleanedText {
  if (!hasUnsafeCharacter(text)) return { text, removed: [] };
  const removed: string[] = [];
  const cleaned = text.replace(unsafeCharacters(), (ch) => {
    if (allowedIn(shape, ch)) return ch;
    removed.push(ch);
    return ch === '\n' || ch === '\r' || ch === '\t' || ch === '\u2028' || ch === '\u2029' || ch === '\u0085' ? ' ' : '';
  });
  return { text: shape === 'line' ? cleaned.replace(/ {2,}/g, ' ').trim() : cleaned, removed };
}

/** "U+001B, U+202E": the distinct characters a cleaning took out. */
export function listRemoved(removed: readonly string[]): string {
  return [...new Set(removed)].map(codePointName).join(', ');
}

/**
 * The text with every unsafe character shown as a visible escape, `\u{1b}`, so it can be
 * printed to a terminal or shown on screen without acting on it. With `keepLines`, line
 * feeds and tabs stay as they are (for whole reports); without, a line break in a field
 * becomes `\n`, so outside text can never start a line of its own.
 */
export function escapeUnsafe(text: string, keepLines: boolean): string {
  if (!hasUnsafeCharacter(text)) return text;
  return text.replace(unsafeCharacters(), (ch) => {
    if (keepLines && (ch === '\n' || ch === '\t')) return ch;
    if (ch === '\n') return '\\n';
    if (ch === '\t') return '\\t';
    if (ch === '\r') return '\\r';
    return `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`;
  });
}
