import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { evidenceDirFor } from '../../fs/store-paths';
import { resultWords } from '../../../shared/domain/labels';
import { VENDOR_ROLES } from '../../../shared/domain/types';
import { SscpError } from '../../../shared/errors';
import { checkRegularFile } from '../../fs/regular-file';
import { prepareFormImport, storeFormImport } from '../../form/import-form';
import {
  discardPreparedImport,
  packRefusal,
  PDF_MAGIC,
  preparePackImport,
  readMagic,
  storePackImport,
  UntrustedSignerRefused,
  type PackImportPhase,
  type PackImportPreview,
  type PackImportProgress,
  type PackImportResult,
  type PackTrust,
} from '../../import/pack-import';
import type { PackVerification } from '../../pack/verify/types';
import type { RegisterCommand } from '../context';
import { EXIT_CHECK_FAILED, EXIT_UNTRUSTED_SIGNER, field, printJson, type CliIo } from '../io';
import {
  choiceOption,
  collect,
  DB_OPTION_FLAGS,
  DB_OPTION_HELP,
  FINGERPRINT_OPTION_FLAGS,
  TRUST_OPTION_FLAGS,
  trustedRootsOption,
  withWorkspace,
} from '../options';
import { ownIdentityCertificates } from '../own-identities';
import { CLI_TRUST_HINT } from '../verify-report';
import { liveLine, percentDone } from '../progress';
import { importContributionCli } from './import-contribution';
import { cancellableByInterrupt } from '../interrupt';
import { formatImportForm, importFormToJson, type ImportFormJson } from './import-form';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

interface ImportOptions {
  db: string;
  trust?: string[];
  fingerprint?: string[];
  allowUntrusted?: boolean;
  role: string;
  org?: string;
  into?: string;
  json?: boolean;
}

/** The `sscp import --json` shape for a pack, documented in docs/cli-json.md: change it only by adding fields. */
export interface ImportPackJson {
  readonly kind: 'pack';
  readonly imported: boolean;
  readonly assessmentId: string | null;
  /**
   * Whom the signer was established as: `trusted`, `unverified` (imported because the user
   * accepted an unknown signer with --allow-untrusted), or `unknown` (not imported for it).
   */
  readonly signerTrust: 'trusted' | 'unverified' | 'unknown' | 'mismatch' | null;
  readonly file: { readonly name: string; readonly size: number; readonly sha256: string };
  readonly packId: string;
  readonly profile: string;
  readonly schemaVersion: number;
  readonly signedAt: string | null;
  readonly verification: {
    readonly valid: boolean;
    readonly trusted: boolean;
    readonly trust: PackVerification['trust'];
    readonly summary: string;
    readonly problems: readonly string[];
    readonly warnings: readonly string[];
    readonly checks: readonly { readonly id: string; readonly outcome: string; readonly message: string }[];
    readonly signer: {
      readonly commonName: string | null;
      readonly title: string | null;
      readonly organisation: string | null;
      readonly fingerprint: string;
    } | null;
  };
  readonly assessment: PackImportPreview['assessment'];
  readonly evidence: { readonly stored: number; readonly alreadyHeld: number; readonly withheld: number } | null;
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
  /** Fields whose control, bidirectional or invisible characters were taken out, one sentence each. */
  readonly cleaned: readonly string[];
}

export type ImportJson = ImportPackJson | ({ readonly kind: 'form' } & ImportFormJson);

export function importPackToJson(preview: PackImportPreview, result: PackImportResult | null): ImportPackJson {
  const v = preview.verification;
  return {
    kind: 'pack',
    imported: result !== null,
    assessmentId: result?.assessment.id ?? null,
    signerTrust: result ? (v.trusted ? 'trusted' : 'unverified') : (v.trust?.status ?? null),
    file: { name: preview.file.name, size: preview.file.size, sha256: preview.file.sha256 },
    packId: preview.packId,
    profile: preview.profile,
    schemaVersion: preview.schemaVersion,
    signedAt: preview.signedAt,
    verification: {
      valid: v.valid,
      trusted: v.trusted,
      trust: v.trust,
      summary: v.summary,
      problems: [...v.problems],
      warnings: [...v.warnings],
      checks: v.checks.map((c) => ({ id: c.id, outcome: c.outcome, message: c.message })),
      signer: v.signer
        ? { commonName: v.signer.commonName, title: v.signer.title, organisation: v.signer.organisation, fingerprint: v.signer.fingerprint }
        : null,
    },
    assessment: preview.assessment,
    evidence: result ? { ...result.evidence } : null,
    renamed: preview.renamed.map((r) => ({ ...r })),
    cleaned: [...preview.cleaned],
  };
}

export function formatPackVerification(j: ImportPackJson): string {
  const v = j.verification;
  const a = j.assessment;
  const signer = v.signer;
  // Everything below but our own words comes from the pack or its certificate: field() it.
  const lines = [
    `Evidence pack ${field(j.file.name)}`,
    `  Verification: ${field(v.summary)}`,
    `  Signed by:    ${signer ? [signer.commonName, signer.title, signer.organisation].filter(Boolean).map(field).join(', ') : '(unknown)'}`,
    `  Fingerprint:  ${field(signer?.fingerprint ?? '(unknown)')}`,
    `  Signed at:    ${field(j.signedAt ?? '(unknown)')}`,
    `  Profile:      ${field(j.profile)}`,
    `  Organisation: ${field(a.organisation)}`,
    `  Period:       ${a.periodStart ?? '(not set)'} to ${a.periodEnd ?? '(not set)'}`,
    `  Catalog:      ${a.catalog}, ${a.claims} claims (${a.results.met} ${resultWords('met')}, ${a.results['partially-met']} ${resultWords('partially-met')}, ${a.results['not-met']} ${resultWords('not-met')})`,
    `  Evidence:     ${a.evidenceFiles} files${a.evidenceWithheld ? `, ${a.evidenceWithheld} withheld (listed by hash only)` : ''}`,
  ];
  for (const c of v.checks) if (c.outcome !== 'pass') lines.push(`  ${c.outcome === 'fail' ? 'FAILED' : 'Note'}: ${field(c.message)}`);
  for (const r of j.renamed)
    lines.push(`  Note: the evidence name "${field(r.from)}" is not a safe file name; it is kept as "${field(r.to)}".`);
  for (const note of j.cleaned) lines.push(`  Note: ${field(note)}`);
  return `${lines.join('\n')}\n`;
}

/** The anchors given (every one must hold) and, as the verify command does, the user's own identities. */
async function trustFrom(io: CliIo, opts: ImportOptions): Promise<PackTrust> {
  const rootsPem = trustedRootsOption(opts.trust);
  // The database may not exist yet (an import can start one): then it holds no identities to move.
  const own = await ownIdentityCertificates(io, { db: opts.db });
  return { ...(rootsPem ? { rootsPem } : {}), ...(opts.fingerprint?.length ? { fingerprints: opts.fingerprint } : {}), own };
}

/**
 * Where a pack's evidence is written while it is verified: the store of the database it goes
 * into, when the database's folder exists (otherwise opening it would fail anyway, and says why).
 */
function stagingFor(db: string): { stageInto?: string } {
  const folder = dirname(resolve(db));
  return existsSync(folder) ? { stageInto: evidenceDirFor(resolve(db)) } : {};
}

type FileKind = 'pack' | 'form' | 'contribution';

/** Decides by content, never by name: a renamed file is still read as what it is. */
async function fileKind(file: string): Promise<FileKind> {
  const role = { hint: 'Give the evidence pack (.pdf), the official Word form (.docx) or a contribution (.sscp-contribution) to import.' };
  // Refuses a folder, pipe or device before reading, from the opened file itself.
  const { size } = await checkRegularFile(file, role);
  if (size === 0) throw new SscpError('invalid-input', `${file} is empty.`, role.hint);
  const magic = await readMagic(file, 263, role);
  if (magic.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) return 'pack';
  // A POSIX tar says "ustar" at byte 257 of its first header: a contribution is one.
  if (magic.subarray(257, 262).toString('latin1') === 'ustar') return 'contribution';
  if (magic.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) return 'form';
  throw new SscpError(
    'invalid-input',
    `${file} is neither an evidence pack (PDF), the official Word form (.docx), nor a contribution (.sscp-contribution).`,
    'Give the signed evidence pack (.pdf) you received, the filled-in official self-assessment form (.docx), or a contribution a claim owner sent.',
  );
}

const PHASE_WORDS: Readonly<Record<PackImportPhase, string>> = { verify: 'Verifying', store: 'Storing evidence from', record: 'Recording' };

export const registerImport: RegisterCommand = (program, ctx) => {
  program
    .command('import')
    .description(
      'Import a signed evidence pack (.pdf) as a read-only signed assessment, the official Word form (.docx) as a new draft, ' +
        "or a claim owner's signed contribution (.sscp-contribution) into a draft, pending your review (sscp review). " +
        'A pack is imported only from a signer you trust: every --trust root and --fingerprint given must match; with none, ' +
        'only your own identities in --db are trusted. Exits 0 when imported, 1 when the pack failed verification (or is not from ' +
        'the signer you named), 2 when the file cannot be used, 3 when the pack is intact but nothing establishes who signed it, ' +
        '130 when a pack import is stopped with Ctrl-C (nothing is recorded and no evidence file is left behind).',
    )
    .argument('<file>', 'the evidence pack (.pdf) or official form (.docx); recognised by its content, not its name')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option(
      TRUST_OPTION_FLAGS,
      'packs: trust signers issued by this organisation root certificate, obtained from the organisation; repeatable',
      collect,
    )
    .option(
      FINGERPRINT_OPTION_FLAGS,
      'packs: trust only the signer with this SHA-256 certificate fingerprint, obtained from the organisation; repeatable',
      collect,
    )
    .option(
      '--allow-untrusted',
      'packs: import even though nothing establishes who signed (compare the fingerprint shown with one from the organisation first); the assessment is marked as from an unverified signer. ' +
        "Contributions: confirm the new contributor's fingerprint shown (compare it with one they give you first); it is remembered for their next contribution",
    )
    .option('--role <role>', `forms: the vendor role (the form does not say): ${VENDOR_ROLES.join(', ')}`, 'developer-distributor')
    .option('--org <name>', "forms: the organisation, if the form's Organisation field is empty or wrong")
    .option('--into <id>', 'contributions: the draft to add it to (without it: the one open draft of the organisation it names)')
    .option('--json', 'print JSON (shape in docs/cli-json.md)')
    .action(async (file: string, opts: ImportOptions) => {
      const trust = await trustFrom(ctx.io, opts);
      const role = choiceOption(opts.role, VENDOR_ROLES, 'role');
      const kind = await fileKind(file);
      if (kind === 'contribution') {
        await importContributionCli(ctx, file, opts, trust);
        return;
      }
      if (kind === 'form') {
        // Read the form before opening the database, so a bad file creates nothing.
        const prepared = await prepareFormImport(file);
        const report = await withWorkspace(
          opts.db,
          (ws) => storeFormImport(ws, prepared, { role, ...(opts.org ? { organisation: opts.org } : {}) }),
          { create: true },
        );
        const json = importFormToJson(report);
        if (opts.json) printJson(ctx.io, { kind: 'form', ...json });
        else ctx.io.stdout.write(formatImportForm(json));
        return;
      }

      const live = liveLine(ctx.io);
      const onProgress = live.enabled
        ? (p: PackImportProgress) => live.show(`${PHASE_WORDS[p.phase]} ${basename(file)}… ${percentDone(p.bytesDone, p.bytesTotal)}%`)
        : undefined;
      // Ctrl-C stops the import cleanly: nothing recorded, no file left in the evidence store.
      const outcome = await cancellableByInterrupt(ctx.io, 'import', async (signal) => {
        // Read and verify before opening the database, writing the evidence into its store's
        // temp folder as it is checked (one read of the pack): a refused or unreadable pack
        // records nothing and leaves no file behind.
        const prepared = await preparePackImport(file, trust, { onProgress, signal, ...stagingFor(opts.db) }).finally(live.clear);
        const { preview } = prepared;
        const refused = !preview.verification.valid || (!preview.verification.trusted && !opts.allowUntrusted);
        if (refused) {
          await discardPreparedImport(prepared);
          return { preview, result: null };
        }
        // --allow-untrusted accepts exactly the signer just verified and shown above.
        const acceptUntrustedSigner = preview.verification.trusted ? undefined : (preview.verification.fingerprint ?? undefined);
        const result = await withWorkspace(opts.db, (ws) => storePackImport(ws, prepared, { onProgress, acceptUntrustedSigner, signal }), {
          create: true,
        })
          .catch(async (e: unknown) => {
            // The database could not be opened: what was written out for it goes.
            await discardPreparedImport(prepared);
            throw e;
          })
          .finally(live.clear);
        return { preview, result };
      });
      const { preview } = outcome;
      if (!outcome.result && !preview.verification.valid) {
        const refusal = packRefusal(preview.verification, preview.file.name);
        // Only a failed signature is "refused" (exit 1); a pack at odds with its own manifest is unusable (exit 2).
        if (refusal.kind !== 'integrity') throw refusal;
        if (opts.json) printJson(ctx.io, importPackToJson(preview, null));
        else
          ctx.io.stdout.write(`${formatPackVerification(importPackToJson(preview, null))}\nNot imported: the pack failed verification.\n`);
        ctx.exitCode = EXIT_CHECK_FAILED;
        return;
      }
      if (!outcome.result) {
        const refusal = new UntrustedSignerRefused(preview.verification, preview.file.name, false);
        if (opts.json) printJson(ctx.io, importPackToJson(preview, null));
        else {
          ctx.io.stdout.write(`${formatPackVerification(importPackToJson(preview, null))}\nNot imported: ${refusal.message}\n`);
          ctx.io.stderr.write(
            `${CLI_TRUST_HINT}\nOr, once you have compared the fingerprint above with one the organisation gave you, import it with --allow-untrusted; ` +
              'it is then marked as from an unverified signer wherever it is shown.\n',
          );
        }
        ctx.exitCode = EXIT_UNTRUSTED_SIGNER;
        return;
      }
      const result = outcome.result;
      const json = importPackToJson(result.preview, result);
      if (opts.json) {
        printJson(ctx.io, json);
        return;
      }
      const e = result.evidence;
      const unverified =
        json.signerTrust === 'unverified' ? ' It is marked as from an UNVERIFIED signer: nothing established who signed it.' : '';
      ctx.io.stdout.write(
        `${formatPackVerification(json)}\nImported as assessment ${result.assessment.id} (signed, read-only).${unverified}\n` +
          `  Evidence: ${e.stored} files stored, ${e.alreadyHeld} already held, ${e.withheld} withheld by the sender.\n` +
          `See it with: sscp show ${result.assessment.id} --db ${opts.db}\n`,
      );
    });
};
