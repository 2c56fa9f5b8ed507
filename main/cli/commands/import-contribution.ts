import { isSscpError, SscpError } from '../../../shared/errors';
import { prepareContributionImport, type PreparedContribution } from '../../contribution/read-contribution';
import type { ImportedContribution } from '../../services/contribution-ops';
import type { PackTrust } from '../../import/pack-import';
import type { CommandContext } from '../context';
import { cliHint } from '../error-hints';
import { EXIT_CHECK_FAILED, EXIT_UNTRUSTED_SIGNER, field, printJson } from '../io';
import { withWorkspace } from '../options';

/** The `sscp import --json` shape for a contribution (docs/cli-json.md). */
export interface ImportContributionJson {
  readonly kind: 'contribution';
  readonly imported: boolean;
  readonly contributionId: string | null;
  readonly assessmentId: string | null;
  readonly file: { readonly name: string; readonly size: number; readonly sha256: string };
  readonly contributor: { readonly name: string; readonly email: string; readonly team: string };
  readonly createdAt: string;
  readonly organisation: string;
  readonly signerFingerprint: string;
  /** trusted, remembered (confirmed before), confirmed (just now, with --allow-untrusted), unknown (not imported). */
  readonly signerTrust: 'trusted' | 'remembered' | 'confirmed' | 'unknown';
  readonly trustMessage: string;
  readonly claims: readonly { readonly claimId: string; readonly assigned: boolean | null }[];
  readonly evidence: { readonly stored: number; readonly alreadyHeld: number } | null;
}

function toJson(p: PreparedContribution, r: ImportedContribution | null): ImportContributionJson {
  const c = p.contribution;
  return {
    kind: 'contribution',
    imported: r !== null,
    contributionId: r?.contribution.id ?? null,
    assessmentId: r?.assessment.id ?? null,
    file: { ...p.file },
    contributor: { ...c.contributor },
    createdAt: c.createdAt,
    organisation: c.organisation,
    signerFingerprint: p.signerFingerprint,
    signerTrust: r?.signerConfirmed ? 'confirmed' : p.signerTrust,
    trustMessage: p.trustMessage,
    claims: c.claims.map((k) => ({
      claimId: k.claimId,
      assigned: r ? (r.claims.find((x) => x.claimId === k.claimId)?.assigned ?? null) : null,
    })),
    evidence: r ? { ...r.files } : null,
  };
}

function summary(j: ImportContributionJson): string {
  const who = `${field(j.contributor.name)}${j.contributor.email ? ` <${field(j.contributor.email)}>` : ''}${j.contributor.team ? `, ${field(j.contributor.team)}` : ''}`;
  return [
    `Contribution ${field(j.file.name)}`,
    `  From:         ${who}`,
    `  Organisation: ${field(j.organisation)}`,
    `  Made:         ${j.createdAt}`,
    `  Claims:       ${j.claims.map((c) => c.claimId).join(', ')}`,
    `  Signer:       ${j.signerFingerprint} (certificate SHA-256)`,
    `  Trust:        ${field(j.trustMessage)}`,
  ].join('\n');
}

/**
 * `sscp import FILE` for a contribution: read and verify it completely (signature, every
 * hash, its content, its signer), then record it as pending in the assessment it is for.
 * Exit 1 when it was changed after signing, 2 when unusable or refused, 3 when nothing
 * establishes who signed it and --allow-untrusted was not given.
 */
export async function importContributionCli(
  ctx: CommandContext,
  file: string,
  opts: { readonly db: string; readonly into?: string; readonly allowUntrusted?: boolean; readonly json?: boolean },
  trust: PackTrust,
): Promise<void> {
  await withWorkspace(opts.db, async (ws) => {
    let prepared: PreparedContribution;
    try {
      prepared = await prepareContributionImport(file, { ...trust, remembered: ws.rememberedContributors() });
    } catch (e) {
      if (!isSscpError(e) || e.kind !== 'integrity') throw e;
      ctx.io.stderr.write(`sscp: ${field(e.message)}\n${field(cliHint(e))}\n`);
      ctx.exitCode = EXIT_CHECK_FAILED;
      return;
    }
    try {
      if (prepared.signerTrust === 'unknown' && !opts.allowUntrusted) {
        const j = toJson(prepared, null);
        if (opts.json) printJson(ctx.io, j);
        else {
          ctx.io.stdout.write(`${summary(j)}\n\nNot imported: nothing establishes who signed it.\n`);
          ctx.io.stderr.write(
            `Compare the fingerprint above with one ${field(j.contributor.name)} gives you by another channel (in person, a phone call), then import it again with --allow-untrusted: ` +
              'the fingerprint is remembered, and their next contribution is recognised. Or give their organisation root with --trust, or their fingerprint with --fingerprint.\n',
          );
        }
        ctx.exitCode = EXIT_UNTRUSTED_SIGNER;
        return;
      }
      let result: ImportedContribution;
      try {
        result = await ws.importContribution(prepared, {
          ...(opts.into !== undefined ? { into: opts.into } : {}),
          ...(prepared.signerTrust === 'unknown' ? { confirmSigner: prepared.signerFingerprint } : {}),
        });
      } catch (e) {
        if (e instanceof SscpError && e.kind === 'untrusted-signer') ctx.exitCode = EXIT_UNTRUSTED_SIGNER;
        throw e;
      }
      const j = toJson(prepared, result);
      if (opts.json) {
        printJson(ctx.io, j);
        return;
      }
      const unassigned = result.claims.filter((c) => !c.assigned).map((c) => c.claimId);
      ctx.io.stdout.write(
        `${summary(j)}\n\nImported as contribution ${result.contribution.id} into assessment ${result.assessment.id} (${field(result.assessment.organisation)}), pending your review: nothing in the assessment has changed yet.\n` +
          `  Evidence: ${result.files.stored} files stored, ${result.files.alreadyHeld} already held.\n` +
          (result.signerConfirmed ? `  The signer's fingerprint is now remembered: their next contribution is recognised.\n` : '') +
          (unassigned.length
            ? `  Flagged: ${field(result.contribution.contributor.name)} is not the owner of claim${unassigned.length > 1 ? 's' : ''} ${unassigned.join(', ')}.\n`
            : '') +
          `Review it with: sscp review ${result.assessment.id} --db ${opts.db}\n`,
      );
    } finally {
      await prepared.close();
    }
  });
}
