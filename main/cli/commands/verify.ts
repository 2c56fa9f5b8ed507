import { verifyPack } from '../../pack/verify/verify-pack';
import type { PackVerification } from '../../pack/verify/types';
import type { RegisterCommand } from '../context';
import { EXIT_CHECK_FAILED, field, printJson } from '../io';
import { TRUST_OPTION_FLAGS, trustedRootOption } from '../options';
import { liveLine, percentDone } from '../progress';

const MARKS = { pass: 'ok  ', fail: 'FAIL', warn: 'warn' } as const;

/** The last line, the one a reader acts on: valid and trusted, valid but untrusted, or invalid and why. */
function verdict(v: PackVerification): string {
  if (!v.valid) return `INVALID: ${field(v.problems.join(' '))}`;
  if (!v.trusted) return 'VALID, but the signer is not trusted: pass --trust ROOT.pem or --fingerprint HEX to confirm who signed.';
  return `VALID: signed by ${v.signer?.commonName ? field(v.signer.commonName) : 'the signer'}, whom you trust, and nothing has changed since.`;
}

export function formatVerification(path: string, v: PackVerification): string {
  // Names, subjects and problems come from the pack and its certificate: each goes through
  // field(), so a crafted one can neither drive the terminal nor forge a line (a verdict).
  const lines = [field(path), ''];
  for (const c of v.checks) lines.push(`  ${MARKS[c.outcome]}  ${field(c.message)}`);
  lines.push('');
  if (v.signer) lines.push(`Signed by    ${field(v.signer.commonName ?? v.signer.subject)}${v.signer.organisation ? `, ${field(v.signer.organisation)}` : ''}`);
  if (v.fingerprint) lines.push(`Certificate  SHA-256 ${v.fingerprint}`);
  if (v.signedAt) lines.push(`Signed at    ${field(v.signedAt)}`);
  if (v.packId) lines.push(`Pack         ${field(v.packId)} (${field(v.profile ?? 'unknown')} profile)`);
  const ok = v.files.filter((f) => f.status === 'ok').length;
  const withheld = v.files.filter((f) => f.status === 'withheld').length;
  lines.push(`Evidence     ${ok} files match the manifest${withheld ? `, ${withheld} withheld (listed by hash)` : ''}`);
  for (const f of v.files.filter((x) => x.status !== 'ok' && x.status !== 'withheld')) lines.push(`  ${f.status.toUpperCase()}  ${field(f.name)}: ${field(f.problem)}`);
  lines.push('', verdict(v));
  return `${lines.join('\n')}\n`;
}

export const registerVerify: RegisterCommand = (program, ctx) => {
  program
    .command('verify')
    .description('Check an evidence pack: the signature covers the whole file, the signer, and every embedded file against the manifest. Exits 0 valid, 1 invalid, 2 not a pack.')
    .argument('<pack>', 'the evidence pack (.pdf)')
    .option(TRUST_OPTION_FLAGS, "the organisation's root certificate (PEM) to trust")
    .option('--fingerprint <hex>', "the signer's certificate SHA-256 fingerprint, obtained from the organisation")
    .option('--json', 'print JSON (shape in docs/cli-json.md)')
    .action(async (pack: string, opts: { trust?: string; fingerprint?: string; json?: boolean }) => {
      const rootsPem = trustedRootOption(opts.trust);
      const live = liveLine(ctx.io);
      const onProgress = live.enabled ? (p: { bytesDone: number; bytesTotal: number }) => live.show(`Checking… ${percentDone(p.bytesDone, p.bytesTotal)}%`) : undefined;
      const result = await verifyPack(pack, { rootsPem, fingerprint: opts.fingerprint, onProgress }).finally(live.clear);
      if (opts.json) printJson(ctx.io, result);
      else ctx.io.stdout.write(formatVerification(pack, result));
      if (!result.valid) ctx.exitCode = EXIT_CHECK_FAILED;
    });
};
