import { describeRole, isThemeInScope } from '../../../shared/domain/applicability';
import { PRINCIPLE_STATUS_LABELS } from '../../../shared/domain/labels';
import type { CatalogClaim } from '../../../shared/catalog/types';
import { describeDocuments } from '../../../shared/catalog/index';
import { detailsWithheldFrom } from '../../../shared/domain/recipient-view';
import { FONTS } from './fonts';
import { bytes, hashInTwoLines, longDate, validity } from './format';
import type { ReportModel } from './model';
import { COLORS, RESULT_COLORS, RESULT_LABELS, TYPE, WORK_STATUS_LABELS, type ResultOrScope } from './style';
import type { ReportWriter } from './writer';
import { count } from '../../../shared/format/plural';

export function writeScope(w: ReportWriter, m: ReportModel): void {
  const a = m.input.detail.assessment;
  const role = describeRole(a.role);
  w.newPage();
  w.beginSection('Scope');
  w.h1('Scope of this assessment');
  w.doc.outline.addItem('Scope');
  w.p(`Vendor role: ${role.label}. ${role.meaning}`);
  w.p(`${role.scope} ${m.scopeSentence}`);
  w.p(
    `Products covered: ${a.products.length ? a.products.join(', ') : 'all software the organisation develops or supplies'}. Assessment period: ${a.periodStart ? longDate(a.periodStart) : 'not stated'} to ${a.periodEnd ? longDate(a.periodEnd) : 'not stated'}.`,
  );
  w.h2('Themes in and out of scope');
  w.table(
    [
      { header: 'Theme', width: 0.42 },
      { header: 'Scope', width: 0.14 },
      { header: 'Why', width: 0.44 },
    ],
    m.input.catalog.themes.map((t) => {
      const inScope = isThemeInScope(a, t.id);
      const optional = role.optionalThemes.includes(t.id);
      const why = inScope
        ? optional
          ? 'Brought into scope: the vendor states this theme is its responsibility.'
          : `Applies to every ${role.label.toLowerCase()} under the Code's Table 1.`
        : optional
          ? 'Out of scope: the vendor states this theme is not its responsibility.'
          : `Not required of a ${role.label.toLowerCase()} under the Code's Table 1.`;
      return [`${t.id}. ${t.title}`, inScope ? 'In scope' : 'Out of scope', why];
    }),
  );
  w.p(`Source of the catalog: ${m.input.catalog.source}`, { size: 8, color: COLORS.muted });
  const follows = describeDocuments(m.input.catalog);
  if (follows) w.p(`Catalog ${m.input.catalog.version} follows: ${follows}.`, { size: 8, color: COLORS.muted });
}

function resultBadge(w: ReportWriter, result: ResultOrScope, status: string): void {
  const { doc } = w;
  const y = doc.y;
  const label = RESULT_LABELS[result];
  doc.font(FONTS.bold).fontSize(7.5);
  const width = doc.widthOfString(label) + 14;
  w.artifact(() => {
    doc.roundedRect(w.left, y, width, 13, 2).fillColor(RESULT_COLORS[result]).fill();
    doc.roundedRect(w.left, y, width, 13, 2).lineWidth(0.5).strokeColor('#52606d').stroke();
  });
  const dark = result === 'met' || result === 'not-met' || result === 'not-applicable';
  w.tagged('P', label, { font: FONTS.bold, size: 7.5, color: dark ? '#ffffff' : COLORS.text, width }, { x: w.left + 7, y: y + 2.5 });
  w.tagged('P', `Work status: ${status}`, { size: 7.5, color: COLORS.muted, width: 200 }, { x: w.left + width + 10, y: y + 2.5 });
  doc.x = w.left;
  doc.y = y + 19;
}

function writeClaim(w: ReportWriter, m: ReportModel, claim: CatalogClaim, inScope: boolean): void {
  const { detail } = m.input;
  const response = detail.responses.find((r) => r.claimId === claim.id);
  const result: ResultOrScope = inScope ? (response?.result ?? 'not-assessed') : 'out-of-scope';
  w.h3(`Claim ${claim.id}  ${claim.title}`, 110);
  w.p(claim.statement, { size: 8.5, color: COLORS.muted });
  resultBadge(w, result, WORK_STATUS_LABELS[response?.status ?? 'not-started']);
  if (!inScope) return;

  // A label never ends a page on its own: it keeps room for what it introduces.
  const label = (text: string, keepWith = 34) => {
    w.ensureSpace(keepWith);
    w.p(text, { font: FONTS.bold, size: 8, color: COLORS.heading, gap: 1 });
  };
  label('Evidence');
  w.p(response?.evidenceText.trim() || 'No description of the evidence given.', {
    color: response?.evidenceText.trim() ? COLORS.text : COLORS.muted,
  });
  label('Arguments and assumptions');
  w.p(response?.arguments.trim() || 'None stated.', { color: response?.arguments.trim() ? COLORS.text : COLORS.muted });

  const linked = detail.links
    .filter((l) => l.claimId === claim.id)
    .map((l) => detail.evidence.find((e) => e.id === l.evidenceId))
    .filter((e) => e !== undefined);
  if (linked.length > 0) {
    label(`Linked evidence (${linked.length})`, 80);
    w.table(
      [
        { header: 'File', width: 0.31 },
        { header: 'SHA-256', width: 0.31, font: FONTS.mono, size: TYPE.mono },
        { header: 'Size', width: 0.1, align: 'right' },
        { header: 'Valid from / to', width: 0.16 },
        { header: 'In pack', width: 0.12 },
      ],
      linked.map((e) => {
        const f = m.fileByEvidenceId.get(e.id);
        // A reference has no bytes: where it is, what it shows and who holds it, and no hash.
        if (!f) {
          const withheld = detailsWithheldFrom(e, m.input.profile);
          return [
            `Reference: ${e.fileName}${e.description ? `\n${e.description}` : ''}${e.owner ? `\nOwner: ${e.owner}` : ''}`,
            { text: 'No file, no hash', color: COLORS.muted },
            '—',
            validity(e.effectiveDate, e.expiryDate),
            withheld ? { text: 'Withheld', color: COLORS.warning } : 'Reference',
          ];
        }
        return [
          f.name === e.fileName ? e.fileName : `${f.name}\n(was ${e.fileName})`,
          hashInTwoLines(e.sha256),
          bytes(e.size),
          validity(e.effectiveDate, e.expiryDate),
          f.embedded ? 'Embedded' : { text: 'Withheld', color: COLORS.warning },
        ];
      }),
      { size: 7.5 },
    );
  }
  const actions = detail.actions.filter((a) => a.claimId === claim.id);
  if (actions.length > 0) {
    label('Remedial actions', 40);
    for (const action of actions) {
      w.p(
        `${action.state === 'done' ? 'Done' : 'Open'}: ${action.description} (owner ${action.owner || 'not named'}, due ${longDate(action.dueDate)})`,
        { size: 8.5 },
      );
    }
  }
  w.doc.y += 4;
}

/** One chapter per theme, one section per principle, every claim with its result and evidence. */
export function writeClaims(w: ReportWriter, m: ReportModel): void {
  const a = m.input.detail.assessment;
  for (const theme of m.input.catalog.themes) {
    const themeRollup = m.rollup.themes.find((t) => t.themeId === theme.id)!;
    w.newPage();
    w.beginSection(`Theme ${theme.id}`);
    const themeOutline = w.doc.outline.addItem(`Theme ${theme.id}: ${theme.title}`);
    w.h1(`Theme ${theme.id}: ${theme.title}`);
    w.p(theme.description);
    w.p(`Theme status: ${PRINCIPLE_STATUS_LABELS[themeRollup.status]}.`, { font: FONTS.bold, size: 9 });
    for (const principle of theme.principles) {
      const rollup = themeRollup.principles.find((p) => p.principleId === principle.id)!;
      const inScope = rollup.status !== 'out-of-scope';
      w.h2(`Principle ${principle.id}  ${principle.title}`, 240);
      themeOutline.addItem(`${principle.id} ${principle.title}`);
      w.p(principle.statement, { size: 9, color: COLORS.text });
      w.p(
        inScope
          ? `Principle status: ${PRINCIPLE_STATUS_LABELS[rollup.status]}. ${rollup.counts.met} of ${count(principle.claims.length, 'claim')} met${rollup.unevidencedClaimIds.length ? `; claimed without linked evidence: ${rollup.unevidencedClaimIds.join(', ')}` : ''}.`
          : `Out of scope for a ${describeRole(a.role).label.toLowerCase()}; listed for completeness.`,
        { font: FONTS.bold, size: 8.5, color: COLORS.accent },
      );
      for (const claim of principle.claims) writeClaim(w, m, claim, inScope);
    }
  }
}
