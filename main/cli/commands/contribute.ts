import { TEXT_FIELDS } from '../../../shared/domain/text-rules';
import { CLAIM_RESULTS, WORK_STATUSES } from '../../../shared/domain/types';
import { SscpError } from '../../../shared/errors';
import { readEvidenceRequest, type EvidenceRequest } from '../../contribution/evidence-request';
import { writeContribution, type WrittenContribution } from '../../contribution/write-contribution';
import type { RegisterCommand } from '../context';
import { field, printJson, shellWord } from '../io';
import { collect, FORCE_HINT, FORCE_OPTION_FLAGS, FORCE_OPTION_HELP } from '../options';
import { withIdentityService } from './identity-db';
import { PASSPHRASE_FILE_FLAGS, PASSPHRASE_FILE_HELP, readSigningPassphrase } from './identity-secrets';

interface ContributeOptions {
  claim?: string[];
  result?: string;
  status?: string;
  evidenceText?: string;
  arguments?: string;
  attach?: string[];
  org?: string;
  request?: string;
  identity: string;
  passphraseFile?: string;
  email?: string;
  team?: string;
  out: string;
  force?: boolean;
  json?: boolean;
}

/** The `sscp contribute --json` shape, documented in docs/cli-json.md. */
export interface ContributeJson {
  readonly path: string;
  readonly contributionId: string;
  readonly sha256: string;
  readonly size: number;
  readonly contributor: string;
  readonly signerFingerprint: string;
  readonly claims: readonly string[];
  readonly files: number;
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
}

function toJson(w: WrittenContribution): ContributeJson {
  return {
    path: w.path,
    contributionId: w.id,
    sha256: w.sha256,
    size: w.size,
    contributor: w.contributor,
    signerFingerprint: w.signerFingerprint,
    claims: [...w.claims],
    files: w.files,
    renamed: w.renamed.map((r) => ({ ...r })),
  };
}

function claimsFrom(opts: ContributeOptions, request: EvidenceRequest | null): string[] {
  const named = opts.claim ?? [];
  if (!request) {
    if (named.length === 0)
      throw new SscpError(
        'invalid-input',
        'No claim was named.',
        'Give --claim for each claim you contribute to (like --claim 1.2.1), or --request with the evidence request you were sent.',
      );
    return named;
  }
  const asked = request.claims.map((c) => c.claimId);
  for (const c of named) {
    if (!asked.includes(c))
      throw new SscpError('invalid-input', `Claim ${c} is not one the evidence request asks about.`, `It asks about ${asked.join(', ')}.`);
  }
  return named.length ? named : asked;
}

export const registerContribute: RegisterCommand = (program, ctx) => {
  program
    .command('contribute')
    .description(
      'Write a signed contribution for the SRO: what you propose for some claims (result, status, evidence text, arguments, files), signed with your identity, ' +
        'in one .sscp-contribution file (format in docs/contributions.md). Needs no database: a CI job runs it with an identity imported from a .p12. ' +
        'The values and files given apply to every claim named. The SRO imports it with sscp import and accepts or rejects it per claim.',
    )
    .option(
      '--claim <claim>',
      'a claim you contribute to, e.g. 1.2.1; repeatable (with --request: defaults to every claim it asks about)',
      collect,
    )
    .option('--result <result>', `proposed result: ${CLAIM_RESULTS.join(', ')}`)
    .option('--status <status>', `proposed work status: ${WORK_STATUSES.join(', ')}`)
    .option('--evidence-text <text>', `proposed evidence text (at most ${TEXT_FIELDS.evidenceText.max.toLocaleString('en-GB')} characters)`)
    .option(
      '--arguments <text>',
      `proposed arguments and assumptions (at most ${TEXT_FIELDS.arguments.max.toLocaleString('en-GB')} characters)`,
    )
    .option('--attach <file>', 'a file to propose as evidence; repeatable', collect)
    .option('--org <name>', 'the organisation whose assessment it is for (taken from --request when given)')
    .option('--request <file>', 'the evidence request (.json) the SRO sent you: organisation, assessment and claims come from it')
    .requiredOption('--identity <label>', 'your signing identity, from your key store (see sscp identity list); its certificate names you')
    .option(PASSPHRASE_FILE_FLAGS, PASSPHRASE_FILE_HELP)
    .option('--email <address>', 'your email, which the SRO matches to the claim owner (taken from --request when given)')
    .option('--team <team>', 'your team (taken from --request when given)')
    .requiredOption('--out <file>', 'where to write the contribution (.sscp-contribution); an existing file only with --force')
    .option(FORCE_OPTION_FLAGS, FORCE_OPTION_HELP)
    .option('--json', 'print JSON (shape in docs/cli-json.md)')
    .action(async (opts: ContributeOptions) => {
      const request = opts.request !== undefined ? await readEvidenceRequest(opts.request) : null;
      const organisation = request?.organisation ?? opts.org;
      if (request && opts.org !== undefined && opts.org !== request.organisation) {
        throw new SscpError(
          'invalid-input',
          `--org says ${opts.org}, but the evidence request is from ${request.organisation}.`,
          'Leave out --org when you give --request.',
        );
      }
      if (organisation === undefined)
        throw new SscpError(
          'invalid-input',
          'No organisation was given.',
          'Give --org with the organisation whose assessment this is for, or --request with the evidence request you were sent.',
        );
      const claimIds = claimsFrom(opts, request);
      const passphrase = readSigningPassphrase(ctx.io, opts.passphraseFile);
      const written = await withIdentityService(ctx.io, undefined, async (identities) => {
        const identity = await identities.unlock(opts.identity, passphrase);
        return writeContribution(identity, {
          organisation,
          assessmentId: request?.assessmentId ?? null,
          ...(request ? { catalog: request.catalog } : {}),
          claims: claimIds.map((claimId) => ({
            claimId,
            ...(opts.result !== undefined ? { result: opts.result } : {}),
            ...(opts.status !== undefined ? { status: opts.status } : {}),
            ...(opts.evidenceText !== undefined ? { evidenceText: opts.evidenceText } : {}),
            ...(opts.arguments !== undefined ? { arguments: opts.arguments } : {}),
            files: opts.attach ?? [],
          })),
          email: opts.email ?? request?.owner?.email ?? '',
          team: opts.team ?? request?.owner?.team ?? '',
          outPath: opts.out,
          replace: opts.force ?? false,
          existsHint: FORCE_HINT,
          protect: [identities.keyStorePath],
        });
      });
      if (opts.json) {
        printJson(ctx.io, toJson(written));
        return;
      }
      for (const r of written.renamed) ctx.io.stderr.write(`Note: ${field(r.from)} is sent as evidence named "${field(r.to)}".\n`);
      ctx.io.stdout.write(
        [
          `Signed contribution written to ${written.path}`,
          `  Contributor  ${field(written.contributor)}`,
          `  Claims       ${written.claims.join(', ')}`,
          `  Files        ${written.files}`,
          `  SHA-256      ${written.sha256}`,
          `  Signer       ${written.signerFingerprint} (certificate SHA-256)`,
          `Send it to the SRO, who imports it with: sscp import ${shellWord(written.path)} --db FILE`,
        ].join('\n') + '\n',
      );
    });
};
