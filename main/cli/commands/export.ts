import { SscpError } from '../../../shared/errors';
import { parseChoice } from '../../services/validate';
import type { ExportedPack } from '../../pack/export-pack';
import { formatBytes } from '../../../shared/format/bytes';
import { PACK_PROFILES, type PackProfile, type PackProgress } from '../../pack/types';
import type { RegisterCommand } from '../context';
import { EXIT_UNUSABLE_INPUT, field, printJson, shellWord, type CliIo } from '../io';
import { DB_OPTION_FLAGS, DB_OPTION_HELP, FORCE_HINT, FORCE_OPTION_FLAGS, FORCE_OPTION_HELP, withWorkspace } from '../options';
import { cancellableByInterrupt } from '../interrupt';
import { liveLine, percentDone } from '../progress';
import { startUnlockAhead } from '../unlock-ahead';
import { PASSPHRASE_FILE_FLAGS, PASSPHRASE_FILE_HELP, readSigningPassphrase } from './identity-secrets';
import { count } from '../../../shared/format/plural';
import { cliHint } from '../error-hints';

const PHASE_WORDS: Readonly<Record<PackProgress['phase'], string>> = {
  layout: 'Laying out the report',
  embed: 'Embedding evidence',
  sign: 'Signing',
  done: 'Done',
};

/**
 * Progress on stderr: a bar redrawn in place on a terminal, plain lines (each phase, then
 * every 10 %) for a pipe or a log, so CI output stays readable.
 */
export function packProgress(io: CliIo, verb = 'Exporting'): { onProgress: (p: PackProgress) => void; finish: () => void } {
  const live = liveLine(io);
  let lastPhase = '';
  let lastTenth = -1;
  return {
    onProgress: (p) => {
      const percent = percentDone(p.bytesDone, p.bytesTotal);
      if (live.enabled) {
        const width = 28;
        const filled = Math.round((percent / 100) * width);
        live.show(
          `${verb} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)}%  ${formatBytes(p.bytesDone)} of ${formatBytes(p.bytesTotal)}  ${PHASE_WORDS[p.phase]}`,
        );
        return;
      }
      const tenth = Math.floor(percent / 10);
      if (p.phase !== lastPhase) {
        lastPhase = p.phase;
        lastTenth = tenth;
        io.stderr.write(
          `${PHASE_WORDS[p.phase]}… (${p.filesDone} of ${count(p.filesTotal, 'file')}, ${formatBytes(p.bytesDone)} of ${formatBytes(p.bytesTotal)})\n`,
        );
      } else if (tenth > lastTenth) {
        lastTenth = tenth;
        io.stderr.write(`  ${percent}% (${formatBytes(p.bytesDone)} of ${formatBytes(p.bytesTotal)})\n`);
      }
    },
    finish: live.clear,
  };
}

/** The `sscp export --json` shape, documented in docs/cli-json.md: change it only by adding fields. */
export interface ExportJson {
  readonly path: string;
  readonly packId: string;
  readonly sha256: string;
  readonly size: number;
  readonly signedAt: string;
  readonly signerFingerprint: string;
  readonly profile: PackProfile;
  readonly embeddedFiles: number;
  readonly withheldFiles: number;
  readonly acceptedExceptions: readonly string[];
  readonly warnings: readonly string[];
}

export function exportToJson(r: ExportedPack, profile: PackProfile): ExportJson {
  return {
    path: r.path,
    packId: r.packId,
    sha256: r.sha256,
    size: r.size,
    signedAt: r.signedAt,
    signerFingerprint: r.signerFingerprint,
    profile,
    embeddedFiles: r.embeddedFiles,
    withheldFiles: r.withheldFiles,
    acceptedExceptions: [...r.acceptedExceptions],
    warnings: [...r.warnings],
  };
}

interface ExportOptions {
  db: string;
  identity: string;
  out: string;
  profile: string;
  acceptExceptions?: boolean;
  beforePeriodEnd?: boolean;
  passphraseFile?: string;
  force?: boolean;
  json?: boolean;
}

export const registerExport: RegisterCommand = (program, ctx) => {
  program
    .command('export')
    .description(
      'Sign an assessment and write its evidence pack: one PDF report with the evidence embedded, signed by the SRO. Freezes the assessment. ' +
        'While it runs, changes to the assessment and a second export of it are refused; Ctrl-C cancels it cleanly (no file, exit status 130), ' +
        'and if it is killed, the next command that opens the database finishes or undoes it.',
    )
    .argument('<id>', 'the assessment id (see sscp list)')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .requiredOption('--identity <label>', 'the signing identity to sign with, from your key store (see sscp identity list)')
    .requiredOption('--out <file>', 'where to write the pack (.pdf); an existing file only with --force')
    .option(
      '--profile <profile>',
      `who the pack is for: ${PACK_PROFILES.join(' or ')} (customer withholds confidential evidence)`,
      'certification',
    )
    .option('--accept-exceptions', 'sign even though sign-off checks fail; the pack lists each one as an exception you accepted')
    .option(
      '--before-period-end',
      'sign although the assessment period has not ended yet; the pack says on its cover and in the attestation that it was signed before the period ended (a period that has not started cannot be signed at all)',
    )
    .option(PASSPHRASE_FILE_FLAGS, PASSPHRASE_FILE_HELP)
    .option(FORCE_OPTION_FLAGS, FORCE_OPTION_HELP)
    .option('--json', 'print JSON (shape in docs/cli-json.md)')
    .action(async (id: string, opts: ExportOptions) => {
      const profile = parseChoice(opts.profile, PACK_PROFILES, 'profile');
      const passphrase = readSigningPassphrase(ctx.io, opts.passphraseFile);
      // The key derivation runs on another thread while the signing and pack code loads.
      startUnlockAhead(ctx.io.env, opts.identity, passphrase);
      const [{ BlockedBySignoff, exportPack, SigningBeforePeriodEnd }, { withIdentityService }] = await Promise.all([
        import('../../pack/export-pack'),
        import('./identity-db'),
      ]);
      const progress = packProgress(ctx.io);
      let result: ExportedPack;
      try {
        result = await cancellableByInterrupt(ctx.io, 'export', (signal) =>
          withWorkspace(opts.db, (ws) =>
            withIdentityService(ctx.io, opts.db, (identities) =>
              exportPack(
                ws,
                identities,
                {
                  assessmentId: id,
                  identityLabel: opts.identity,
                  passphrase,
                  outPath: opts.out,
                  profile,
                  acceptExceptions: opts.acceptExceptions ?? false,
                  signBeforePeriodEnd: opts.beforePeriodEnd ?? false,
                  replace: opts.force ?? false,
                  existsHint: FORCE_HINT,
                },
                { onProgress: progress.onProgress, signal },
              ),
            ),
          ),
        );
      } catch (e) {
        progress.finish();
        if (e instanceof SigningBeforePeriodEnd) throw new SscpError(e.kind, e.message, `${e.hint} Add --before-period-end to confirm.`);
        if (!(e instanceof BlockedBySignoff)) throw e;
        ctx.io.stderr.write(`sscp: ${e.message}\n${e.blockers.map((b) => `- ${field(b.message)}`).join('\n')}\n${cliHint(e) ?? ''}\n`);
        ctx.exitCode = EXIT_UNUSABLE_INPUT;
        return;
      }
      progress.finish();
      if (opts.json) {
        printJson(ctx.io, exportToJson(result, profile));
        return;
      }
      const lines = [
        `Signed evidence pack written to ${result.path}`,
        `  SHA-256      ${result.sha256}`,
        `  Pack ID      ${result.packId}`,
        `  Signer       ${result.signerFingerprint} (certificate SHA-256)`,
        `  Evidence     ${result.embeddedFiles} embedded${result.withheldFiles ? `, ${result.withheldFiles} withheld (confidential)` : ''}`,
      ];
      if (result.acceptedExceptions.length)
        lines.push(`  Exceptions   ${result.acceptedExceptions.length} accepted and listed in the pack`);
      for (const w of result.warnings) lines.push(`  Warning: ${field(w)}`);
      lines.push(
        'The assessment is now signed and frozen. Recipients check the pack with:',
        `  sscp verify ${shellWord(result.path)} --fingerprint ${result.signerFingerprint}`,
      );
      ctx.io.stdout.write(`${lines.join('\n')}\n`);
    });
};
