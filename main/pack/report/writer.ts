import PDFDocument from 'pdfkit';
import { FontCoverage, FONTS, fontFile, type FontName } from './fonts';
import { makeConformant, xmlSafeText } from './pdf-conformance';
import { scriptSegments } from './script-lang';
import { COLORS, PAGE, TYPE } from './style';

export interface DocumentMeta {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly producer: string;
  readonly keywords: string;
  readonly createdAt: Date;
}

export interface TextStyle {
  readonly font?: FontName;
  readonly size?: number;
  readonly color?: string;
  readonly align?: 'left' | 'right' | 'center' | 'justify';
  readonly width?: number;
  /** Space after, in points. */
  readonly gap?: number;
  readonly lineGap?: number;
}

export interface Column {
  readonly header: string;
  /** Fraction of the content width. */
  readonly width: number;
  readonly font?: FontName;
  readonly size?: number;
  readonly align?: 'left' | 'right' | 'center';
  /** Cells of this column head their row (tagged TH), as labels in a facts table do. */
  readonly rowHeader?: boolean;
}

export interface CellStyle {
  readonly text: string;
  readonly color?: string;
  readonly font?: FontName;
  readonly fill?: string;
}
export type Cell = string | CellStyle;

type Struct = PDFKit.PDFStructureElement;

/** pdfkit writes /A << /O /Table /Scope … >> for a `scope` option its type definitions leave out. */
function headerScope(scope: 'Column' | 'Row' | null): PDFKit.Mixins.StructureElementOptions {
  return (scope ? { scope } : {}) as PDFKit.Mixins.StructureElementOptions;
}

/**
 * The report's typesetting: pdfkit with the shipped fonts, font fallback for user text,
 * a tagged structure (Sect / H1 / H2 / P / Table), an outline, and tables whose header
 * repeats after a page break. Sections are written top to bottom through this class only.
 */
export class ReportWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly coverage: FontCoverage;
  private section: Struct | null = null;
  /** The one Document element the structure tree root holds; sections hang below it. */
  private readonly documentStruct: Struct;
  /** The level of the last heading written (0 before the first): a heading may go at most one level deeper. */
  private headingLevel = 0;
  /** Inside decoration: text there is outside the structure, so it gets no language spans. */
  private artifactDepth = 0;

  constructor(meta: DocumentMeta) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginX, right: PAGE.marginX },
      pdfVersion: '1.7',
      subset: 'PDF/A-3b',
      tagged: true,
      displayTitle: true,
      lang: 'en-GB',
      bufferPages: true,
      autoFirstPage: false,
      info: {
        Title: xmlSafeText(meta.title),
        Author: xmlSafeText(meta.author),
        Subject: xmlSafeText(meta.subject),
        Keywords: xmlSafeText(meta.keywords),
        Creator: xmlSafeText(meta.producer),
        Producer: xmlSafeText(meta.producer),
        CreationDate: meta.createdAt,
        ModDate: meta.createdAt,
      },
    });
    makeConformant(this.doc);
    for (const font of Object.values(FONTS)) this.doc.registerFont(font, fontFile(font));
    this.doc.font(FONTS.body);
    this.coverage = new FontCoverage(this.doc);
    this.documentStruct = this.doc.struct('Document');
    this.doc.addStructure(this.documentStruct);
  }

  /** Closes the structure tree; call once, after the last section. */
  finishStructure(): void {
    this.endSection();
    this.documentStruct.end();
  }

  get contentWidth(): number {
    return this.doc.page.width - PAGE.marginX * 2;
  }
  get left(): number {
    return PAGE.marginX;
  }
  get bottom(): number {
    return this.doc.page.height - PAGE.marginBottom;
  }
  get spaceLeft(): number {
    return this.bottom - this.doc.y;
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
  }

  /** Starts a new page when fewer than `height` points remain (keeps headings with what follows). */
  ensureSpace(height: number): void {
    if (this.spaceLeft < height) this.newPage();
  }

  /** Opens a tagged section; everything until the next `beginSection` belongs to it. */
  beginSection(title: string): void {
    this.endSection();
    const sect = this.doc.struct('Sect', { title });
    this.documentStruct.add(sect);
    this.section = sect;
  }

  endSection(): void {
    this.section?.end();
    this.section = null;
  }

  private tag(type: string, draw: () => void): void {
    if (!this.section) throw new Error('Report content must sit inside a section');
    this.section.add(this.doc.struct(type, {}, draw));
  }

  /**
   * A chart: its drawing belongs to one Figure element whose alternative text says in words
   * what the chart shows. Draw directly inside `draw` (no artifacts: they would end the figure).
   */
  figure(alt: string, draw: () => void): void {
    if (!this.section) throw new Error('Report content must sit inside a section');
    this.section.add(this.doc.struct('Figure', { alt }, draw));
  }

  /** Shortens `text` with an ellipsis so it fits `width` on one line in the current font. */
  fit(text: string, width: number): string {
    if (this.doc.widthOfString(text) <= width) return text;
    let cut = text;
    while (cut.length > 1 && this.doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
    return `${cut.trimEnd()}…`;
  }

  /** Draws decoration (rules, chart shapes) as an artifact, outside the logical structure. */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact', { type: 'Layout' });
    this.artifactDepth += 1;
    try {
      draw();
    } finally {
      this.artifactDepth -= 1;
    }
    this.doc.endMarkedContent();
  }

  /**
   * Height user text will take at `width`, including fallback-font runs. Measured line by
   * line: pdfkit adds a phantom blank line when a line that nearly fills the width is
   * followed by "\n", so explicit line breaks are never handed to it.
   */
  heightOf(text: string, style: TextStyle = {}): number {
    return text.split('\n').reduce((sum, line) => sum + this.lineHeightOf(line, style), 0);
  }

  private lineHeightOf(text: string, style: TextStyle): number {
    const doc = this.doc;
    const font = style.font ?? FONTS.body;
    const width = style.width ?? this.contentWidth;
    const runs = this.coverage.runs(text, font);
    const lineGap = style.lineGap ?? TYPE.lineGap;
    doc.fontSize(style.size ?? TYPE.body);
    if (runs.length <= 1) {
      doc.font(runs[0]?.font ?? font);
      return doc.heightOfString(text || ' ', { width, lineGap });
    }
    // Mixed fonts: pdfkit measures one font at a time, so estimate line count from widths, padded.
    let total = 0;
    for (const run of runs) total += doc.font(run.font).widthOfString(run.text);
    doc.font(font);
    return Math.max(1, Math.ceil((total * 1.08) / width)) * (doc.currentLineHeight(true) + lineGap);
  }

  /** Writes user text at the cursor (or `at`), switching to the fallback font where needed. */
  write(text: string, style: TextStyle = {}, at?: { x: number; y: number }): void {
    const doc = this.doc;
    const font = style.font ?? FONTS.body;
    doc.fontSize(style.size ?? TYPE.body).fillColor(style.color ?? COLORS.text);
    const options: PDFKit.Mixins.TextOptions = {
      width: style.width ?? this.contentWidth,
      align: style.align ?? 'left',
      lineGap: style.lineGap ?? TYPE.lineGap,
    };
    const x = at?.x ?? doc.x;
    let y = at?.y ?? doc.y;
    for (const line of text.split('\n')) {
      // Text in another script than the document's is marked with its language (a /Span with
      // /Lang), so a screen reader reads it in the right voice; decoration is not read at all.
      const segments = this.artifactDepth > 0 ? [{ text: line === '' ? ' ' : line, lang: null }] : scriptSegments(line === '' ? ' ' : line);
      const runs = segments.flatMap((segment) => this.coverage.runs(segment.text, font).map((run) => ({ ...run, lang: segment.lang })));
      runs.forEach((run, i) => {
        doc.font(run.font);
        const continued = i < runs.length - 1;
        if (run.lang) doc.markContent('Span', { lang: run.lang });
        if (i === 0) doc.text(run.text, x, y, { ...options, continued });
        else doc.text(run.text, { ...options, continued });
        if (run.lang) doc.endMarkedContent();
      });
      y = doc.y;
    }
    doc.font(FONTS.body);
    doc.x = this.left;
    if (style.gap) doc.y += style.gap;
  }

  /** Tagged text of any structure type, optionally at a fixed position (cover, panels). */
  tagged(type: string, text: string, style: TextStyle = {}, at?: { x: number; y: number }): void {
    const level = /^H([1-6])$/.exec(type);
    if (level) this.checkHeadingLevel(Number(level[1]), text);
    this.tag(type, () => this.write(text, style, at));
  }

  /**
   * Headings never skip a level (H1 then H3): assistive technology navigates by them, and
   * PDF/UA forbids the skip. Refusing here keeps every section of the report in line.
   */
  private checkHeadingLevel(level: number, text: string): void {
    if (level > this.headingLevel + 1) {
      throw new Error(`The heading "${text}" (H${level}) would skip a level after an H${this.headingLevel}.`);
    }
    this.headingLevel = level;
  }

  h1(text: string): void {
    this.checkHeadingLevel(1, text);
    this.ensureSpace(120);
    this.tag('H1', () => this.write(text, { font: FONTS.bold, size: TYPE.h1, color: COLORS.heading, gap: 4 }));
    this.artifact(() => {
      this.doc
        .moveTo(this.left, this.doc.y)
        .lineTo(this.left + this.contentWidth, this.doc.y)
        .lineWidth(1.2)
        .strokeColor(COLORS.accent)
        .stroke();
    });
    this.doc.y += 12;
  }

  h2(text: string, keepWith = 90): void {
    this.checkHeadingLevel(2, text);
    this.ensureSpace(keepWith);
    this.doc.y += 6;
    this.tag('H2', () => this.write(text, { font: FONTS.bold, size: TYPE.h2, color: COLORS.heading, gap: 5 }));
  }

  h3(text: string, keepWith = 60): void {
    this.checkHeadingLevel(3, text);
    this.ensureSpace(keepWith);
    this.doc.y += 4;
    this.tag('H3', () => this.write(text, { font: FONTS.bold, size: TYPE.h3, color: COLORS.heading, gap: 3 }));
  }

  p(text: string, style: TextStyle = {}): void {
    const h = this.heightOf(text, style);
    if (h < 200) this.ensureSpace(h + 2);
    this.tag('P', () => this.write(text, { gap: 6, ...style }));
  }

  /** A label in small caps-like grey, then the value: for facts such as "Period". */
  facts(rows: readonly (readonly [string, string])[], labelWidth = 0.3): void {
    this.table(
      [
        { header: 'Item', width: labelWidth, font: FONTS.bold, size: TYPE.small, rowHeader: true },
        { header: 'Detail', width: 1 - labelWidth },
      ],
      rows.map(([k, v]) => [k, v]),
      { headerRow: false, zebra: false },
    );
  }

  /**
   * A table whose rows never split across pages; the header row repeats on each page it
   * continues onto. Tagged Table / TR / TH / TD.
   */
  table(
    columns: readonly Column[],
    rows: readonly (readonly Cell[])[],
    options: { headerRow?: boolean; zebra?: boolean; size?: number } = {},
  ): void {
    const doc = this.doc;
    const headerRow = options.headerRow ?? true;
    const zebra = options.zebra ?? true;
    const size = options.size ?? TYPE.table;
    const widths = columns.map((c) => c.width * this.contentWidth);
    const padX = 5;
    const padY = 3.5;
    if (!this.section) throw new Error('Report content must sit inside a section');
    const table = doc.struct('Table');
    this.section.add(table);

    const cellText = (c: Cell) => (typeof c === 'string' ? c : c.text);
    const cellStyle = (col: Column, cell: Cell, header: boolean): TextStyle => ({
      font: header ? FONTS.bold : ((typeof cell === 'string' ? undefined : cell.font) ?? col.font ?? FONTS.body),
      size: header ? size : (col.size ?? size),
      color: header ? COLORS.tableHeaderText : ((typeof cell === 'string' ? undefined : cell.color) ?? COLORS.text),
      align: col.align ?? 'left',
      lineGap: 1,
    });
    const rowHeight = (cells: readonly Cell[], header: boolean) =>
      Math.max(...cells.map((c, i) => this.heightOf(cellText(c), { ...cellStyle(columns[i]!, c, header), width: widths[i]! - padX * 2 }))) +
      padY * 2;

    const drawRow = (cells: readonly Cell[], header: boolean, index: number) => {
      const h = rowHeight(cells, header);
      const y = doc.y;
      this.artifact(() => {
        const fill = header ? COLORS.tableHeader : zebra && index % 2 === 1 ? COLORS.zebra : null;
        if (fill) doc.rect(this.left, y, this.contentWidth, h).fillColor(fill).fill();
        cells.forEach((c, i) => {
          if (typeof c !== 'string' && c.fill) {
            const x = this.left + widths.slice(0, i).reduce((a, b) => a + b, 0);
            doc.rect(x, y, widths[i]!, h).fillColor(c.fill).fill();
          }
        });
        doc
          .moveTo(this.left, y + h)
          .lineTo(this.left + this.contentWidth, y + h)
          .lineWidth(0.4)
          .strokeColor(COLORS.rule)
          .stroke();
      });
      const tr = doc.struct('TR');
      table.add(tr);
      let x = this.left;
      cells.forEach((c, i) => {
        const cx = x;
        tr.add(
          // A header cell says what it heads (/Scope), so a reader can announce it with each cell.
          doc.struct(
            header || columns[i]!.rowHeader ? 'TH' : 'TD',
            headerScope(header ? 'Column' : columns[i]!.rowHeader ? 'Row' : null),
            () => {
              this.write(
                cellText(c),
                { ...cellStyle(columns[i]!, c, header), width: widths[i]! - padX * 2 },
                { x: cx + padX, y: y + padY },
              );
            },
          ),
        );
        x += widths[i]!;
      });
      tr.end();
      doc.x = this.left;
      doc.y = y + h;
    };

    const header = columns.map((c) => c.header);
    const headerHeight = headerRow ? rowHeight(header, true) : 0;
    const firstHeight = rows[0] ? rowHeight(rows[0], false) : 0;
    this.ensureSpace(headerHeight + firstHeight + 4);
    if (headerRow) drawRow(header, true, -1);
    rows.forEach((row, index) => {
      const h = rowHeight(row, false);
      if (doc.y + h > this.bottom) {
        this.newPage();
        if (headerRow) drawRow(header, true, -1);
      }
      drawRow(row, false, index);
    });
    table.end();
    doc.y += 10;
  }

  /** Page header and "Page n of N" footer on every page but the cover, as pagination artifacts. */
  decoratePages(headerText: string, footerLeft: string): void {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    const total = range.count;
    for (let i = range.start; i < range.start + total; i += 1) {
      doc.switchToPage(i);
      const savedBottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.markContent('Artifact', { type: 'Pagination' });
      this.artifactDepth += 1;
      const width = this.contentWidth;
      if (i > range.start) {
        this.write(headerText, { size: TYPE.small, color: COLORS.muted, width }, { x: this.left, y: PAGE.marginTop - 30 });
        doc
          .moveTo(this.left, PAGE.marginTop - 14)
          .lineTo(this.left + width, PAGE.marginTop - 14)
          .lineWidth(0.5)
          .strokeColor(COLORS.rule)
          .stroke();
      }
      const footerY = doc.page.height - PAGE.marginBottom + 18;
      doc
        .moveTo(this.left, footerY - 6)
        .lineTo(this.left + width, footerY - 6)
        .lineWidth(0.5)
        .strokeColor(COLORS.rule)
        .stroke();
      this.write(footerLeft, { size: TYPE.small, color: COLORS.muted, width: width * 0.7 }, { x: this.left, y: footerY });
      this.write(
        `Page ${i - range.start + 1} of ${total}`,
        { size: TYPE.small, color: COLORS.muted, width, align: 'right' },
        { x: this.left, y: footerY },
      );
      this.artifactDepth -= 1;
      doc.endMarkedContent();
      doc.page.margins.bottom = savedBottom;
    }
  }
}
