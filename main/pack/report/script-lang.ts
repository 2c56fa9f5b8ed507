/**
 * The language tag to mark text in another script than the document's English with, so a
 * screen reader switches voice (PDF /Lang on a marked-content span). Only the script is
 * known from the text, not the language, so a tag names the language only where the script
 * all but implies it (Greek, Hebrew, Thai, kana, Hangul) and is otherwise BCP 47
 * "undetermined language in this script" (und-Cyrl, und-Hani, …): a reader still knows
 * the text is not English and in which script it is written.
 */
const SCRIPTS: readonly { readonly re: RegExp; readonly script: string; readonly lang: string }[] = [
  { re: /\p{Script=Greek}/u, script: 'Greek', lang: 'el' },
  { re: /\p{Script=Cyrillic}/u, script: 'Cyrillic', lang: 'und-Cyrl' },
  { re: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, script: 'CJK', lang: 'ja' },
  { re: /\p{Script=Hangul}/u, script: 'CJK', lang: 'ko' },
  { re: /\p{Script=Han}/u, script: 'CJK', lang: 'und-Hani' },
  { re: /\p{Script=Arabic}/u, script: 'Arabic', lang: 'und-Arab' },
  { re: /\p{Script=Hebrew}/u, script: 'Hebrew', lang: 'he' },
  { re: /\p{Script=Thai}/u, script: 'Thai', lang: 'th' },
  { re: /\p{Script=Devanagari}/u, script: 'Devanagari', lang: 'und-Deva' },
  { re: /\p{Script=Armenian}/u, script: 'Armenian', lang: 'hy' },
  { re: /\p{Script=Georgian}/u, script: 'Georgian', lang: 'ka' },
];

/** Letters of the document's own script, and characters every script shares (spaces, digits, punctuation). */
const NEUTRAL = /[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

export interface ScriptSegment {
  readonly text: string;
  /** The language tag to mark it with; null for the document's own language. */
  readonly lang: string | null;
}

function scriptOf(ch: string): (typeof SCRIPTS)[number] | null {
  if (NEUTRAL.test(ch)) return null;
  return SCRIPTS.find((s) => s.re.test(ch)) ?? null;
}

/**
 * Splits a line into runs of the document's language and runs of another script. Spaces and
 * punctuation between two words of one script stay in that script's run; a CJK run is
 * Japanese if it holds kana, Korean if it holds Hangul, otherwise undetermined Han.
 */
export function scriptSegments(text: string): ScriptSegment[] {
  const out: { text: string; script: string | null; langs: Set<string> }[] = [];
  let pendingNeutral = '';
  for (const ch of text) {
    const s = scriptOf(ch);
    const last = out[out.length - 1];
    if (s === null) {
      if (/[\p{Script=Latin}]/u.test(ch) || !last || last.script === null) {
        if (last && last.script === null) last.text += pendingNeutral + ch;
        else out.push({ text: pendingNeutral + ch, script: null, langs: new Set() });
        pendingNeutral = '';
      } else pendingNeutral += ch;
      continue;
    }
    if (last && last.script === s.script) {
      last.text += pendingNeutral + ch;
      last.langs.add(s.lang);
    } else {
      if (pendingNeutral) {
        if (last && last.script === null) last.text += pendingNeutral;
        else out.push({ text: pendingNeutral, script: null, langs: new Set() });
      }
      out.push({ text: ch, script: s.script, langs: new Set([s.lang]) });
    }
    pendingNeutral = '';
  }
  if (pendingNeutral) {
    const last = out[out.length - 1];
    if (last && last.script === null) last.text += pendingNeutral;
    else out.push({ text: pendingNeutral, script: null, langs: new Set() });
  }
  return out.map((seg) => ({ text: seg.text, lang: seg.script === null ? null : pickLang(seg.langs) }));
}

function pickLang(langs: ReadonlySet<string>): string {
  for (const preferred of ['ja', 'ko']) if (langs.has(preferred)) return preferred;
  return [...langs][0]!;
}
