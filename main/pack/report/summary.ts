import type { ClaimCounts } from '../../../shared/domain/rollup';
import { FONTS } from './fonts';
import { bytes } from './format';
import type { ReportModel } from './model';
import { COLORS, RESULT_COLORS, RESULT_LABELS, RESULT_ORDER, TYPE } from './style';
import type { ReportWriter } from './writer';
import { count, isAre, plural } from '../../../shared/format/plural';

interface Bar {
  readonly label: string;
  readonly counts: ClaimCounts;
}

/** One stacked horizontal bar per group: a segment per result, its count inside when it fits. */
function drawBars(w: ReportWriter, bars: readonly Bar[], barHeight: number, labelWidth: number, gap: number): void {
  const { doc } = w;
  const chartLeft = w.left + labelWidth;
  const chartWidth = w.contentWidth - labelWidth - 24;
  const maxTotal = Math.max(...bars.map((b) => RESULT_ORDER.reduce((s, r) => s + b.counts[r], 0)), 1);
  let y = doc.y;
  for (const bar of bars) {
    doc.font(FONTS.body).fontSize(TYPE.small).fillColor(COLORS.text);
    doc.text(w.fit(bar.label, labelWidth - 10), w.left, y + (barHeight - 8) / 2, { lineBreak: false });
    const total = RESULT_ORDER.reduce((s, r) => s + bar.counts[r], 0);
    let x = chartLeft;
    for (const result of RESULT_ORDER) {
      const n = bar.counts[result];
      if (n === 0) continue;
      const width = (n / maxTotal) * chartWidth;
      doc.rect(x, y, width, barHeight).fillColor(RESULT_COLORS[result]).fill();
      doc.rect(x, y, width, barHeight).lineWidth(0.5).strokeColor('#52606d').stroke();
      if (width >= 12) {
        const dark = result === 'met' || result === 'not-met' || result === 'not-applicable';
        doc
          .font(FONTS.bold)
          .fontSize(7)
          .fillColor(dark ? '#ffffff' : '#1f2933')
          .text(String(n), x, y + (barHeight - 7) / 2 - 0.5, { width, align: 'center', lineBreak: false });
      }
      x += width;
    }
    doc
      .font(FONTS.body)
      .fontSize(7)
      .fillColor(COLORS.muted)
      .text(String(total), x + 4, y + (barHeight - 7) / 2 - 0.5, { lineBreak: false });
    y += barHeight + gap;
  }
  doc.x = w.left;
  doc.y = y;
}

function drawLegend(w: ReportWriter): void {
  const { doc } = w;
  const y = doc.y + 2;
  let x = w.left;
  for (const result of RESULT_ORDER) {
    doc.rect(x, y, 10, 10).fillColor(RESULT_COLORS[result]).fill();
    doc.rect(x, y, 10, 10).lineWidth(0.5).strokeColor('#52606d').stroke();
    doc
      .font(FONTS.body)
      .fontSize(TYPE.small)
      .fillColor(COLORS.text)
      .text(RESULT_LABELS[result], x + 14, y + 1.5, { lineBreak: false });
    x += 14 + doc.widthOfString(RESULT_LABELS[result]) + 16;
  }
  doc.x = w.left;
  doc.y = y + 20;
}

/** The chart in words, for screen readers and text extraction. */
function describeBars(what: string, bars: readonly Bar[]): string {
  const parts = bars.map((b) => {
    const counts = RESULT_ORDER.filter((r) => b.counts[r] > 0).map((r) => `${b.counts[r]} ${RESULT_LABELS[r].toLowerCase()}`);
    return `${b.label}: ${counts.join(', ')}`;
  });
  return `Stacked bar chart of claim results by ${what}. ${parts.join('; ')}.`;
}

function tiles(w: ReportWriter, items: readonly (readonly [string, string])[]): void {
  const { doc } = w;
  const gap = 8;
  const width = (w.contentWidth - gap * (items.length - 1)) / items.length;
  const y = doc.y;
  items.forEach(([value, label], i) => {
    const x = w.left + i * (width + gap);
    w.artifact(() => {
      doc.roundedRect(x, y, width, 54, 3).fillColor(COLORS.panel).fill();
      doc.rect(x, y, 3, 54).fillColor(COLORS.accent).fill();
    });
    w.tagged('P', `${value}`, { font: FONTS.bold, size: 17, color: COLORS.heading, width: width - 14 }, { x: x + 10, y: y + 8 });
    w.tagged('P', label, { size: TYPE.small, color: COLORS.muted, width: width - 14 }, { x: x + 10, y: y + 32 });
  });
  doc.x = w.left;
  doc.y = y + 66;
}

export function writeSummary(w: ReportWriter, m: ReportModel): void {
  const { doc } = w;
  const { counts } = m.rollup;
  const inScope = RESULT_ORDER.filter((r) => r !== 'out-of-scope').reduce((s, r) => s + counts[r], 0);
  const embedded = m.files.filter((f) => f.embedded);
  const withheld = m.files.length - embedded.length;
  const openActions = m.input.detail.actions.filter((a) => a.state === 'open').length;

  w.newPage();
  w.beginSection('Summary');
  w.h1('Summary');
  doc.outline.addItem('Summary');
  w.p(
    `${m.input.detail.assessment.organisation} assessed itself against ${inScope} of the ${count(inScope + counts['out-of-scope'], 'claim')} of the Code that apply to its role. ${m.scopeSentence}`,
  );
  tiles(w, [
    [`${counts.met}/${inScope}`, 'claims met'],
    [String(counts['partially-met']), 'partially met'],
    [String(counts['not-met']), 'not met'],
    [String(counts['not-assessed']), 'not assessed'],
    [String(m.files.length), `${plural(m.files.length, 'evidence file')}${withheld ? ` (${withheld} withheld)` : ''}`],
    [String(openActions), `open remedial ${plural(openActions, 'action')}`],
  ]);

  const themeBars = m.rollup.themes.map((t) => ({
    label: `${t.themeId}  ${m.input.catalog.themes.find((x) => x.id === t.themeId)?.title ?? ''}`,
    counts: t.counts,
  }));
  const titles = new Map(m.input.catalog.themes.flatMap((t) => t.principles.map((p) => [p.id, p.title] as const)));
  const principleBars = m.rollup.themes
    .flatMap((t) => t.principles)
    .map((p) => ({ label: `${p.principleId}  ${titles.get(p.principleId) ?? ''}`, counts: p.counts }));
  w.h2('Results by theme');
  w.figure(describeBars('theme', themeBars), () => {
    drawLegend(w);
    drawBars(w, themeBars, 16, 200, 6);
  });
  doc.y += 8;
  w.h2('Results by principle', 260);
  w.figure(describeBars('principle', principleBars), () => drawBars(w, principleBars, 12, 200, 5));
  doc.y += 6;
  const totalBytes = m.files.reduce((s, f) => s + f.size, 0);
  w.p(
    `Bars count claims by result; the number after each bar is the principle's or theme's claim count. ${count(m.files.length, 'evidence file')} (${bytes(totalBytes)}) ${m.files.length === 1 ? 'supports' : 'support'} the claims; ${embedded.length} ${isAre(embedded.length)} embedded in this pack${withheld ? ` and ${count(withheld, 'confidential file')} ${isAre(withheld)} withheld from this customer edition but listed with ${withheld === 1 ? 'its' : 'their'} SHA-256 hash` : ''}.`,
    { size: 8, color: COLORS.muted },
  );
}
