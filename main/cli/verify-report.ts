import type { PackVerification } from '../pack/verify/types';
import { ESTABLISH_TRUST_HINT } from '../signing/trust-policy';
import { field } from './io';
import { count } from '../../shared/format/plural';

const MARKS = { pass: 'ok  ', fail: 'FAIL', warn: 'warn' } as const;

/** What the CLI adds to the trust hint: the options that carry a root or a fingerprint. */
export const CLI_TRUST_HINT = `${ESTABLISH_TRUST_HINT} Give it with --trust ROOT.pem or --fingerprint HEX.`;

/** The last line, the one a reader acts on: valid and trusted, intact but from an unknown signer, or invalid and why. */
function verdict(v: PackVerification): string {
  if (!v.valid) return `INVALID: ${field(v.problems.join(' '))}`;
  if (!v.trusted)
    return `NOT TRUSTED: the pack is intact. ${field(v.trust?.message ?? 'Nothing establishes who signed it.')}\n${CLI_TRUST_HINT}`;
  const whom = v.trust?.ownIdentity ? `your own signing identity "${field(v.trust.ownIdentity)}"` : 'whom you trust';
  return `VALID: signed by ${v.signer?.commonName ? field(v.signer.commonName) : 'the signer'}, ${whom}, and nothing has changed since.`;
}

/** The report a person reads; every name in it came from the pack, so none may redraw the terminal. */
export function formatVerification(path: string, v: PackVerification): string {
  // Names, subjects and problems come from the pack and its certificate: each goes through
  // field(), so a crafted one can neither drive the terminal nor forge a line (a verdict).
  const lines = [field(path), ''];
  for (const c of v.checks) lines.push(`  ${MARKS[c.outcome]}  ${field(c.message)}`);
  lines.push('');
  if (v.signer)
    lines.push(
      `Signed by    ${field(v.signer.commonName ?? v.signer.subject)}${v.signer.organisation ? `, ${field(v.signer.organisation)}` : ''}`,
    );
  if (v.fingerprint) lines.push(`Certificate  SHA-256 ${v.fingerprint}`);
  if (v.signedAt) lines.push(`Signed at    ${field(v.signedAt)}`);
  if (v.certification)
    lines.push(
      `Certified    ${v.certification.certified ? `yes, level ${v.certification.permission}: ${v.certification.meaning}` : `no (${v.certification.meaning})`}`,
    );
  if (v.packId) lines.push(`Pack         ${field(v.packId)} (${field(v.profile ?? 'unknown')} profile)`);
  const ok = v.files.filter((f) => f.status === 'ok' && !f.dataFile).length;
  const withheld = v.files.filter((f) => f.status === 'withheld').length;
  lines.push(
    `Evidence     ${count(ok, 'file')} ${ok === 1 ? 'matches' : 'match'} the manifest${withheld ? `, ${withheld} withheld (listed by hash)` : ''}`,
  );
  for (const f of v.files.filter((x) => x.dataFile && x.status === 'ok'))
    lines.push(`Attestation  ${field(f.name)} matches the manifest (CycloneDX 1.6, for supplier-risk tools)`);
  for (const f of v.files.filter((x) => x.status !== 'ok' && x.status !== 'withheld'))
    lines.push(`  ${f.status.toUpperCase()}  ${field(f.name)}: ${field(f.problem)}`);
  lines.push('', ...verdict(v).split('\n'));
  return `${lines.join('\n')}\n`;
}
