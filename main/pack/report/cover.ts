import { describeRole } from '../../../shared/domain/applicability';
import { localIsoDate } from '../../../shared/domain/dates';
import { FONTS } from './fonts';
import { groupedHex, instant, longDate } from './format';
import type { ReportModel } from './model';
import { COLORS, TYPE } from './style';
import type { ReportWriter } from './writer';

export const PROFILE_LABELS = {
  certification: 'Certification (all evidence embedded)',
  customer: 'Customer (confidential evidence withheld, listed by hash)',
} as const;

/** Said on the cover and in the attestation when the SRO signed before the period ended. */
export function earlySigningNote(m: ReportModel): string {
  return `Signed on ${longDate(localIsoDate(m.generatedAt))}, before the period ends on ${longDate(m.input.detail.assessment.periodEnd)}.`;
}

export function writeCover(w: ReportWriter, m: ReportModel): void {
  const { doc } = w;
  const a = m.input.detail.assessment;
  w.newPage();
  w.beginSection('Cover');
  w.artifact(() => {
    doc.rect(0, 0, doc.page.width, 200).fillColor(COLORS.tableHeader).fill();
    doc.rect(0, 200, doc.page.width, 5).fillColor(COLORS.accent).fill();
  });
  w.tagged('P', 'SSCP EVIDENCE PACK', { font: FONTS.bold, size: 9, color: '#9fb3c8' }, { x: w.left, y: 56 });
  w.tagged('H1', a.organisation, { font: FONTS.bold, size: TYPE.title, color: '#ffffff', gap: 6 }, { x: w.left, y: 80 });
  w.tagged(
    'P',
    'Self-assessment against the Software Security Code of Practice',
    { size: 12.5, color: '#d9e2ec' },
    { x: w.left, y: doc.y },
  );

  doc.y = 232;
  w.facts([
    ['Products in scope', a.products.length ? a.products.join('\n') : 'All products of the organisation'],
    ['Vendor role', `${describeRole(a.role).label}. ${m.scopeSentence}`],
    [
      'Assessment period',
      a.periodStart || a.periodEnd
        ? `${longDate(a.periodStart)} to ${longDate(a.periodEnd)}${m.input.signedBeforePeriodEnd ? `\n${earlySigningNote(m)}` : ''}`
        : 'Not stated',
    ],
    ['Senior Responsible Owner', `${a.sroName}, ${a.sroRole}`],
    ['Catalog', `${m.input.catalog.title}, ${m.input.catalog.id} version ${m.input.catalog.version}`],
    ['Pack profile', PROFILE_LABELS[m.input.profile]],
    ['Generated', instant(m.generatedAt)],
    ['Signed by', m.input.signer.name],
    ['Signing certificate SHA-256', groupedHex(m.input.signer.certificateFingerprint)],
    ['Pack ID', m.packId],
  ]);

  doc.y += 8;
  w.artifact(() => {
    doc.roundedRect(w.left, doc.y, w.contentWidth, 74, 4).fillColor(COLORS.panel).fill();
  });
  const boxTop = doc.y;
  w.tagged(
    'P',
    'This document is digitally signed and carries its evidence inside it.',
    { font: FONTS.bold, size: 9, color: COLORS.heading, width: w.contentWidth - 24, gap: 3 },
    { x: w.left + 12, y: boxTop + 10 },
  );
  w.tagged(
    'P',
    'Every attached file is listed with its SHA-256 hash, and the signature covers the whole file, so any change after signing is detectable. The last page explains how to check the signature and the attachments with ordinary tools. To check the signer, compare the certificate fingerprint above with one obtained from the organisation directly.',
    { size: 8.5, color: COLORS.text, width: w.contentWidth - 24 },
    { x: w.left + 12, y: doc.y },
  );
  doc.x = w.left;
  doc.y = boxTop + 84;
}
