import { exportAttestation } from '../../attestation/export-attestation';
import { keyStorePath, sscpHome } from '../../signing/key-store';
import type { RegisterCommand } from '../context';
import { field } from '../io';
import { DB_OPTION_FLAGS, DB_OPTION_HELP, FORCE_HINT, FORCE_OPTION_FLAGS, FORCE_OPTION_HELP, withWorkspace } from '../options';

export const registerExportCdx: RegisterCommand = (program, ctx) => {
  program
    .command('export-cdx')
    .description(
      "Write an assessment as a CycloneDX 1.6 attestation (JSON) for supplier-risk tools: the Code's claims as requirements, each result with its conformance, " +
        "evidence by SHA-256 (confidential files by hash only) and, once signed, the SRO's affirmation. Every signed pack embeds the same kind of document as attestation.cdx.json (see docs/attestation.md).",
    )
    .argument('<id>', 'the assessment id (see sscp list)')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .requiredOption('--out <file>', 'the .cdx.json file to write (an existing file only with --force)')
    .option(FORCE_OPTION_FLAGS, FORCE_OPTION_HELP)
    .action(async (id: string, opts: { db: string; out: string; force?: boolean }) => {
      const written = await withWorkspace(
        opts.db,
        (ws) =>
          exportAttestation(ws, id, opts.out, {
            replace: opts.force ?? false,
            existsHint: FORCE_HINT,
            protect: [keyStorePath(sscpHome(ctx.io.env))],
          }),
        { readOnly: true },
      );
      ctx.io.stdout.write(`${field(written.path)}\n`);
      if (!written.signed)
        ctx.io.stderr.write('This assessment is not signed yet, so the attestation carries no affirmation by the SRO.\n');
    });
};
