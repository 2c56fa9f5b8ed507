import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SscpError } from '../../../shared/errors';

/** Font names as registered with pdfkit. */
export const FONTS = {
  body: 'Body',
  bold: 'Bold',
  mono: 'Mono',
  fallback: 'Fallback',
} as const;
export type FontName = (typeof FONTS)[keyof typeof FONTS];

const FONT_FILES: Readonly<Record<FontName, string>> = {
  Body: 'DejaVuSans.ttf',
  Bold: 'DejaVuSans-Bold.ttf',
  Mono: 'DejaVuSansMono.ttf',
  // Covers CJK and other scripts DejaVu lacks; Apache-2.0, licence beside it.
  Fallback: 'DroidSansFallback.ttf',
};

/**
 * The folder holding the fonts shipped with the app. `SSCP_ASSETS_DIR` lets a packaged app
 * (whose code is bundled away from the source tree) point at its resources folder.
 */
export function fontsDir(): string {
  const fromEnv = process.env.SSCP_ASSETS_DIR;
  const dir = fromEnv ? join(fromEnv, 'fonts') : fileURLToPath(new URL('../../../assets/fonts/', import.meta.url));
  if (!existsSync(join(dir, FONT_FILES.Body))) {
    throw SscpError.because({ code: 'pack-fonts-missing', dir });
  }
  return dir;
}

export function fontFile(font: FontName): string {
  return join(fontsDir(), FONT_FILES[font]);
}

interface GlyphCoverage {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** What pdfkit exposes of the current font: the fontkit font behind an embedded TrueType. */
interface DocWithFont {
  font(name: string): unknown;
  _font?: { font?: GlyphCoverage };
}

export interface TextRun {
  readonly font: FontName;
  readonly text: string;
}

/**
 * Splits user text into runs the fonts can draw: pdfkit has no font fallback, so a
 * character the base font lacks (株式会社) goes to the fallback font when that has it.
 */
export class FontCoverage {
  private readonly cache = new Map<string, boolean>();
  private readonly fonts = new Map<FontName, GlyphCoverage>();

  constructor(doc: DocWithFont) {
    for (const font of Object.values(FONTS)) {
      doc.font(font);
      const coverage = doc._font?.font;
      if (!coverage) throw new Error(`pdfkit did not load ${font} as an embedded font`);
      this.fonts.set(font, coverage);
    }
    doc.font(FONTS.body);
  }

  has(font: FontName, codePoint: number): boolean {
    const key = `${font}:${codePoint}`;
    let known = this.cache.get(key);
    if (known === undefined) {
      known = this.fonts.get(font)!.hasGlyphForCodePoint(codePoint);
      this.cache.set(key, known);
    }
    return known;
  }

  runs(text: string, base: FontName): TextRun[] {
    const runs: TextRun[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const font = this.has(base, cp) || cp < 0x20 || !this.has(FONTS.fallback, cp) ? base : FONTS.fallback;
      const last = runs[runs.length - 1];
      if (last && last.font === font) runs[runs.length - 1] = { font, text: last.text + ch };
      else runs.push({ font, text: ch });
    }
    return runs;
  }
}
