import { attestationText } from '../../../shared/domain/attestation';
import { escapeUnsafe } from '../../../shared/domain/text-rules';
import { attachmentRenameReason } from '../attachment-names';
import { earlySigningNote } from './cover';
import { detailsWithheldFrom } from '../../../shared/domain/recipient-view';
import { FONTS } from './fonts';
import { bytes, groupedHex, hashInTwoLines, instant, longDate, validity } from './format';
import type { ReportModel } from './model';
import { COLORS, TYPE } from './style';
import type { ReportWriter } from './writer';
import { count, isAre } from '../../../shared/format/plural';

export function writeActionPlan(w: ReportWriter, m: ReportModel): void {
  const actions = [...m.input.detail.actions].sort(
    (a, b) => (a.state === b.state ? 0 : a.state === 'open' ? -1 : 1) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'),
  );
  w.newPage();
  w.beginSection('Remedial action plan');
  w.h1('Remedial action plan');
  w.doc.outline.addItem('Remedial action plan');
  if (actions.length === 0) {
    w.p('No remedial actions are recorded.');
    return;
  }
  const today = m.generatedAt.toISOString().slice(0, 10);
  w.p(
    `${actions.filter((a) => a.state === 'open').length} open and ${actions.filter((a) => a.state === 'done').length} completed actions, open ones first, earliest due date first.`,
  );
  w.table(
    [
      { header: 'Claim', width: 0.08 },
      { header: 'Action', width: 0.5 },
      { header: 'Owner', width: 0.18 },
      { header: 'Due', width: 0.12 },
      { header: 'State', width: 0.12 },
    ],
    actions.map((a) => {
      const overdue = a.state === 'open' && a.dueDate !== null && a.dueDate < today;
      return [
        a.claimId,
        a.description,
        a.owner || '—',
        overdue ? { text: `${longDate(a.dueDate)}\noverdue`, color: '#c62828' } : longDate(a.dueDate),
        a.state === 'open' ? 'Open' : 'Done',
      ];
    }),
  );
}

/** "contributed by NAME on DATE" under an evidence file accepted from a claim owner's contribution. */
function contributedLine(m: ReportModel, evidenceId: string | undefined): string {
  const by = evidenceId === undefined ? undefined : m.input.contributedBy?.[evidenceId];
  return by ? `\ncontributed by ${escapeUnsafe(by.name, false)} on ${by.acceptedAt.slice(0, 10)}` : '';
}

export function writeEvidenceIndex(w: ReportWriter, m: ReportModel): void {
  w.newPage();
  w.beginSection('Evidence index');
  w.h1('Evidence index');
  w.doc.outline.addItem('Evidence index');
  const withheld = m.files.filter((f) => !f.embedded).length;
  w.p(
    `Every evidence file of the assessment, as listed in the signed manifest.json. Embedded files can be saved from the pack and checked against their SHA-256.${withheld ? ` ${count(withheld, 'confidential file')} ${isAre(withheld)} withheld from this edition: ${withheld === 1 ? 'its' : 'their'} hash lets a holder of the original prove it is the same file.` : ''}${detailsWithheldSentence(m.files.filter((f) => f.detailsWithheld).length)}`,
  );
  writeReferenceIndex(w, m);
  if (m.files.length === 0) {
    w.p('No evidence files are attached to this assessment.');
    return;
  }
  w.table(
    [
      { header: 'File', width: 0.23 },
      { header: 'SHA-256', width: 0.3, font: FONTS.mono, size: TYPE.mono },
      { header: 'Size and type', width: 0.16 },
      { header: 'Valid from / to', width: 0.12 },
      { header: 'Claims', width: 0.08 },
      { header: 'In pack', width: 0.11 },
    ],
    // Files are in the order of the assessment's evidence items (model.ts).
    m.files.map((f, i) => [
      (f.name === f.originalName
        ? f.name
        : `${f.name}\n(was ${escapeUnsafe(f.originalName, false)}; renamed because ${attachmentRenameReason(f.originalName, f.name) ?? ''})`) +
        contributedLine(m, m.input.detail.evidence[i]?.id),
      hashInTwoLines(f.sha256),
      `${bytes(f.size)}\n${f.mediaType}`,
      validity(f.effectiveDate, f.expiryDate),
      f.claims.join(', ') || '—',
      f.embedded ? 'Embedded' : { text: 'Withheld', color: COLORS.warning },
    ]),
    { size: 7.5 },
  );
}

export function writeAuditSummary(w: ReportWriter, m: ReportModel): void {
  const { audit } = m.input;
  w.newPage();
  w.beginSection('Audit trail');
  w.h1('Audit trail');
  w.doc.outline.addItem('Audit trail');
  w.p(
    'Every change to the assessment is recorded in an append-only log in which each entry carries the hash of the one before it, so no entry can be altered or removed without breaking the chain. The head of the chain at the time of export is recorded here and in assessment.json.',
  );
  w.facts([
    ['Entries', String(audit.entries)],
    ['Chain head', `entry ${audit.headSeq}`],
    ['Chain head hash', audit.headHash],
  ]);
  if (audit.contributors.length > 0) {
    w.h2('Contributors');
    w.p('Everyone who changed this assessment, as recorded with each change, and how many changes each made.');
    w.table(
      [
        { header: 'Who', width: 0.7 },
        { header: 'Changes', width: 0.3 },
      ],
      audit.contributors.map((c) => [c.who, String(c.changes)]),
    );
    if (audit.contributors.some((c) => c.who === 'not recorded')) {
      w.p('"Not recorded": changes made with a version of SSCP Evidence Pack that did not yet record who made each change.');
    }
  }
  if (audit.keyEvents.length > 0) {
    w.h2('Key events');
    w.table(
      [
        { header: 'When', width: 0.24 },
        { header: 'Who', width: 0.26 },
        { header: 'What', width: 0.5 },
      ],
      audit.keyEvents.map((e) => [instant(e.at), e.who, e.summary]),
    );
  }
}

export function writeAttestation(w: ReportWriter, m: ReportModel): void {
  const a = m.input.detail.assessment;
  w.newPage();
  w.beginSection('Attestation');
  w.h1('Attestation by the Senior Responsible Owner');
  w.doc.outline.addItem('Attestation');
  w.p(attestationText(a, m.input.catalog.title));
  if (m.input.signedBeforePeriodEnd) {
    w.p(
      `${earlySigningNote(m)} The Senior Responsible Owner confirmed signing before the end of the period: this attestation covers the period as it stood on the day of signing, not the days after it.`,
      { color: COLORS.warning },
    );
  }
  w.facts([
    ['Name', a.sroName],
    ['Role', a.sroRole],
    ['Organisation', a.organisation],
    ['Date', instant(m.generatedAt)],
    ['Signed with certificate', `${m.input.signer.name}\nSHA-256 ${groupedHex(m.input.signer.certificateFingerprint)}`],
  ]);
  w.h2('Exceptions accepted at signing');
  if (m.input.acceptedExceptions.length === 0) {
    w.p('None. Every sign-off check passed when the pack was signed.');
  } else {
    const n = m.input.acceptedExceptions.length;
    const opening =
      n === 1
        ? 'This issue was open when the pack was signed. The Senior Responsible Owner accepted it'
        : `The following ${n} issues were open when the pack was signed. The Senior Responsible Owner accepted them`;
    w.p(`${opening} explicitly and signed regardless:`, {
      color: COLORS.warning,
    });
    m.input.acceptedExceptions.forEach((text, i) => w.p(`${i + 1}. ${text}`, { size: 8.5 }));
  }
  w.p(
    "The digital signature on this document is the Senior Responsible Owner's signature of this attestation and of everything in the file, evidence included.",
    {
      size: 8.5,
      color: COLORS.muted,
    },
  );
}

export function writeHowToVerify(w: ReportWriter, m: ReportModel): void {
  const fp = m.input.signer.certificateFingerprint;
  w.newPage();
  w.beginSection('How to verify this pack');
  w.h1('How to verify this pack');
  w.doc.outline.addItem('How to verify this pack');
  w.p(
    'Anyone can check this pack without trusting the software that made it. Each check below uses an ordinary tool; any one of them failing means the file is not the one the Senior Responsible Owner signed.',
  );
  w.p(
    'A valid signature proves the file is unchanged since it was signed, not who signed it: anyone can make a certificate bearing any name, and whoever made this file also wrote this page. Trust the signer only if its fingerprint matches one you obtained from the organisation by another channel (its website, a phone call, a letter), not the one printed here alone.',
    { size: 9 },
  );
  const step = (title: string, text: string, command: string) => {
    // A command line the layout wrapped would no longer run as printed.
    w.doc.font(FONTS.mono).fontSize(8);
    const tooWide = command.split('\n').find((line) => w.doc.widthOfString(line) > w.contentWidth - 16);
    if (tooWide !== undefined) throw new Error(`The printed command line "${tooWide}" is too wide for the page and would wrap.`);
    // The heading, its words and the whole command stay on one page: a command split by a page
    // break reads back as two commands, and neither runs as printed.
    const codeHeight = w.heightOf(command, { font: FONTS.mono, size: 8, width: w.contentWidth - 16 }) + 10;
    w.h2(title, 40 + w.heightOf(text, { size: 9 }) + codeHeight + 12);
    w.p(text, { size: 9 });
    w.artifact(() => {
      const h = codeHeight;
      w.doc.rect(w.left, w.doc.y, w.contentWidth, h).fillColor(COLORS.panel).fill();
    });
    const y = w.doc.y;
    w.tagged('Code', command, { font: FONTS.mono, size: 8, width: w.contentWidth - 16 }, { x: w.left + 8, y: y + 5 });
    w.doc.y += 12;
  };
  // Every command below is run verbatim by test/main/pack/how-to-verify.test.ts, in a folder
  // holding only PACK.pdf (and organisation-root.pem), against the pack and a copy with
  // bytes appended: keep each block a complete bash snippet whose exit status is the verdict.
  step(
    '1. Everything at once, with the SSCP tool',
    'Checks the signature covers the whole file, every embedded file against the manifest, and the signer against the fingerprint you give: the one the organisation gave you, which should be the one below. Exit code 0: valid and signed by that certificate. 1: altered, or signed by another. 3: intact, but no fingerprint or root certificate was given, so nothing says who signed.',
    `sscp verify PACK.pdf \\\n  --fingerprint ${fp}`,
  );
  step(
    '2. The signature, with poppler',
    'Prints pdfsig\'s report, then checks its two lines that matter: "Signature is Valid." and "Total document signed" (anything else, such as "Not total document signed", means bytes were added after signing). "Certificate issuer isn\'t Trusted." (older versions: "issuer is unknown") only means your computer does not know the organisation\'s certificate authority; compare the fingerprint instead.',
    'pdfsig PACK.pdf > pdfsig.txt; cat pdfsig.txt\ngrep -q "Signature is Valid." pdfsig.txt && grep -q "Total document signed" pdfsig.txt',
  );
  step(
    '3. The attachments, with poppler and coreutils',
    'Saves every embedded file into a folder named out, then compares each with the SHA-256 in the signed manifest.json (this line uses jq; any JSON viewer shows the same hashes). Among them is attestation.cdx.json: the assessment as a CycloneDX 1.6 attestation, for supplier-risk tools that read standards rather than PDFs.',
    'mkdir -p out && pdfdetach -saveall -o out PACK.pdf\njq -r \'(.files[] | select(.embedded)), .dataFiles[]? | "\\(.sha256)  \\(.name)"\' \\\n  out/manifest.json | (cd out && sha256sum -c)',
  );
  step(
    '4. The signature, with OpenSSL',
    "The file's last /ByteRange [0 a b c] names the two signed ranges; they must end exactly at the end of the file, or something was added after signing. The CMS signature is the hexadecimal between them. These lines check the end, save the two ranges as signed-bytes.bin and the signature as signature.der, and verify it against the organisation's root certificate saved as organisation-root.pem (with no root, use -noverify in place of -CAfile organisation-root.pem and compare the fingerprint).",
    [
      "set -- $(grep -aoE '/ByteRange *\\[[0-9 ]+\\]' PACK.pdf | tail -n 1 | tr -c '0-9' ' ')",
      'a=$((10#$2)) b=$((10#$3)) c=$((10#$4))',
      'head -c $a PACK.pdf > signed-bytes.bin',
      'tail -c +$((b + 1)) PACK.pdf | head -c $c >> signed-bytes.bin',
      'tail -c +$((a + 2)) PACK.pdf | head -c $((b - a - 2)) | xxd -r -p > signature.der',
      'if [ $((b + c)) -ne $(wc -c < PACK.pdf) ]',
      'then echo "NOT VALID: bytes were added after signing."; false',
      'else openssl cms -verify -binary -inform DER -in signature.der -content signed-bytes.bin \\',
      '  -CAfile organisation-root.pem -purpose any -out /dev/null; fi',
    ].join('\n'),
  );
  step(
    '5. The certification, with MuPDF',
    "The signature certifies the pack: the document names it as its certification (/Perms /DocMDP), with /P 1, meaning no change of any kind is allowed after signing, not even a comment or another signature. Readers such as Adobe Acrobat show the pack as certified and flag any later change. These lines print the certification and MuPDF's own check of the signature, and succeed only if the pack is certified at level 1 and unchanged since signing.",
    [
      'mutool show PACK.pdf trailer/Root/Perms/DocMDP/Reference > certification.txt',
      'mutool sign -v PACK.pdf > signature.txt; cat certification.txt signature.txt',
      'grep -q "/TransformMethod /DocMDP" certification.txt && grep -qx " */P 1" certification.txt \\',
      '  && grep -q "unchanged since signing" signature.txt',
    ].join('\n'),
  );
  w.h2('The signer');
  w.facts([
    ['Signed by', m.input.signer.name],
    ['Certificate SHA-256', fp],
    ['Pack ID', m.packId],
  ]);
  w.p(
    "Obtain the organisation's certificate fingerprint or root certificate through a separate channel (for example its website or a letter) and compare it with the fingerprint above. The fingerprint is also printed on the cover.",
    { size: 8.5, color: COLORS.muted },
  );
}

function detailsWithheldSentence(n: number): string {
  if (n === 0) return '';
  return n === 1
    ? ' For 1 of them the name and description are withheld as well: it is listed as "Withheld file 1 (confidential)".'
    : ` For ${n} of them the names and descriptions are withheld as well: they are listed as "Withheld file 1 (confidential)" to "Withheld file ${n} (confidential)".`;
}

/** Evidence that is not a file, as listed in manifest.json's "references": no bytes, so no hash. */
function writeReferenceIndex(w: ReportWriter, m: ReportModel): void {
  const links = m.input.detail.links;
  const refs = m.input.detail.evidence.filter((e) => e.kind === 'reference');
  if (refs.length === 0) return;
  w.p(
    `${count(refs.length, 'reference')}: evidence that is not a file (a system setting, a ticket, an interview), recorded by where it is, what it shows, when and who holds it. ` +
      'A reference has no bytes, so the pack holds no copy and no hash of it; web addresses are printed as text, to be checked by the reader.',
  );
  w.table(
    [
      { header: 'Reference', width: 0.42 },
      { header: 'Owner', width: 0.18 },
      { header: 'Valid from / to', width: 0.16 },
      { header: 'Claims', width: 0.12 },
      { header: 'In pack', width: 0.12 },
    ],
    refs.map((e) => {
      const withheld = detailsWithheldFrom(e, m.input.profile);
      return [
        `${e.fileName}${e.description ? `\n${e.description}` : ''}`,
        e.owner || '—',
        validity(e.effectiveDate, e.expiryDate),
        links
          .filter((l) => l.evidenceId === e.id)
          .map((l) => l.claimId)
          .join(', ') || '—',
        withheld ? { text: 'Withheld', color: COLORS.warning } : 'Listed',
      ];
    }),
    { size: 7.5 },
  );
}
