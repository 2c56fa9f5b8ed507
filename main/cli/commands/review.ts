import { findClaim } from '../../../shared/catalog/index';
import type { ContributionReviewItem, DecidedContribution } from '../../services/contribution-ops';
import { catalogFor } from '../../services/validate';
import type { RegisterCommand } from '../context';
import { field, printJson } from '../io';
import { DB_OPTION_FLAGS, DB_OPTION_HELP, withWorkspace } from '../options';
import { formatBytes } from '../../../shared/format/bytes';

const FIELDS = ['result', 'status', 'evidenceText', 'arguments'] as const;
const FIELD_WORDS: Readonly<Record<(typeof FIELDS)[number], string>> = {
  result: 'Result',
  status: 'Status',
  evidenceText: 'Evidence text',
  arguments: 'Arguments',
};

/** One contributed claim in `sscp review --json` (docs/cli-json.md). */
export interface ReviewItemJson {
  readonly contributionId: string;
  readonly claimId: string;
  readonly title: string;
  readonly state: string;
  readonly decidedAt: string | null;
  readonly reason: string;
  readonly contributor: { readonly name: string; readonly email: string; readonly team: string };
  readonly createdAt: string;
  readonly importedAt: string;
  readonly fileName: string;
  readonly signerFingerprint: string;
  readonly signerTrust: string;
  /** The contributor was the claim's owner when it was imported. */
  readonly assigned: boolean;
  readonly owner: { readonly name: string; readonly team: string; readonly email: string } | null;
  /** What it proposes; null: not proposed (the current answer stays). */
  readonly proposed: {
    readonly result: string | null;
    readonly status: string | null;
    readonly evidenceText: string | null;
    readonly arguments: string | null;
  };
  readonly current: { readonly result: string; readonly status: string; readonly evidenceText: string; readonly arguments: string };
  /** The proposed fields that differ from the current answer. */
  readonly changes: Readonly<Record<string, { readonly from: string; readonly to: string }>>;
  readonly files: readonly { readonly fileName: string; readonly size: number; readonly sha256: string; readonly mediaType: string }[];
}

export function reviewItemToJson(item: ContributionReviewItem, title: string): ReviewItemJson {
  const { contribution: c, claim: k } = item;
  const proposed = { result: k.result, status: k.status, evidenceText: k.evidenceText, arguments: k.arguments };
  const changes: Record<string, { from: string; to: string }> = {};
  for (const f of FIELDS) {
    const to = proposed[f];
    if (to !== null && to !== item.current[f]) changes[f] = { from: item.current[f], to };
  }
  return {
    contributionId: c.id,
    claimId: k.claimId,
    title,
    state: k.state,
    decidedAt: k.decidedAt,
    reason: k.reason,
    contributor: { ...c.contributor },
    createdAt: c.createdAt,
    importedAt: c.importedAt,
    fileName: c.fileName,
    signerFingerprint: c.signerFingerprint,
    signerTrust: c.signerTrust,
    assigned: k.assigned,
    owner: item.owner ? { name: item.owner.name, team: item.owner.team, email: item.owner.email } : null,
    proposed,
    current: { ...item.current },
    changes,
    files: item.files.map((f) => ({ fileName: f.fileName, size: f.size, sha256: f.sha256, mediaType: f.mediaType })),
  };
}

function textLines(prefix: string, text: string): string[] {
  return text === '' ? [`${prefix}(empty)`] : text.split('\n').map((l) => `${prefix}${field(l)}`);
}

export function formatReview(items: readonly ReviewItemJson[], assessmentId: string, db: string): string {
  if (items.length === 0) return `No contributions are waiting for review in assessment ${assessmentId}.\n`;
  const lines: string[] = [];
  for (const i of items) {
    const who = `${field(i.contributor.name)}${i.contributor.email ? ` <${field(i.contributor.email)}>` : ''}${i.contributor.team ? `, ${field(i.contributor.team)}` : ''}`;
    lines.push(
      `Claim ${i.claimId}  ${i.title}`,
      `  Contribution ${i.contributionId} from ${who}, made ${i.createdAt.slice(0, 10)}, imported ${i.importedAt.slice(0, 10)}${i.state === 'pending' ? '' : ` (${i.state} ${i.decidedAt?.slice(0, 10) ?? ''}${i.reason ? `: ${field(i.reason)}` : ''})`}`,
      `  Signer:   ${i.signerFingerprint} (${i.signerTrust === 'trusted' ? 'trusted' : 'fingerprint confirmed by you'})`,
    );
    if (!i.assigned)
      lines.push(
        `  NOT ASSIGNED: ${i.owner ? `this claim's owner is ${field(i.owner.name)}` : 'this claim has no owner'}; accepting it needs --unassigned.`,
      );
    const changed = Object.keys(i.changes);
    if (changed.length === 0 && i.files.length === 0) lines.push('  No change: it proposes what the assessment already says.');
    for (const f of FIELDS) {
      const ch = i.changes[f];
      if (!ch) continue;
      if (f === 'result' || f === 'status')
        lines.push(`  ${FIELD_WORDS[f]}:${' '.repeat(8 - FIELD_WORDS[f].length)}${ch.from} -> ${ch.to}`);
      else lines.push(`  ${FIELD_WORDS[f]}:`, ...textLines('    - ', ch.from), ...textLines('    + ', ch.to));
    }
    for (const f of i.files) lines.push(`  File:     ${field(f.fileName)} (${formatBytes(f.size)}, SHA-256 ${f.sha256})`);
    if (i.state === 'pending') {
      lines.push(
        `  Accept:   sscp accept ${assessmentId} ${i.contributionId} --claim ${i.claimId}${i.assigned ? '' : ' --unassigned'} --db ${db}`,
      );
      lines.push(`  Reject:   sscp reject ${assessmentId} ${i.contributionId} --claim ${i.claimId} --reason TEXT --db ${db}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export const registerReview: RegisterCommand = (program, ctx) => {
  program
    .command('review')
    .description(
      'List the contributions waiting for your decision, per claim: who sent it and when, whether they own the claim, and what it would change against the current answer.',
    )
    .argument('<id>', 'the assessment id (see sscp list)')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--all', 'also list contributions already accepted or rejected')
    .option('--json', 'print JSON (shape in docs/cli-json.md)')
    .action(async (id: string, opts: { db: string; all?: boolean; json?: boolean }) => {
      const items = await withWorkspace(
        opts.db,
        (ws) => {
          const catalog = catalogFor(ws.getAssessment(id).assessment);
          return ws
            .reviewContributions(id, { all: opts.all ?? false })
            .map((i) => reviewItemToJson(i, findClaim(catalog, i.claim.claimId)?.claim.title ?? ''));
        },
        { readOnly: true },
      );
      if (opts.json) printJson(ctx.io, { assessmentId: id, contributions: items });
      else ctx.io.stdout.write(formatReview(items, id, opts.db));
    });
};

function formatDecided(d: DecidedContribution, verb: string): string {
  return `${d.decided.map((x) => `${x.claimId}  ${verb} from ${field(d.contribution.contributor.name)} (contribution ${d.contribution.id})${x.evidence.length ? `, ${x.evidence.length} evidence file${x.evidence.length === 1 ? '' : 's'} added` : ''}`).join('\n')}\n`;
}

function decidedJson(d: DecidedContribution) {
  return {
    contributionId: d.contribution.id,
    contributor: { ...d.contribution.contributor },
    decided: d.decided.map((x) => ({ claimId: x.claimId, state: x.state, changes: x.changes, evidenceIds: [...x.evidence] })),
  };
}

export const registerAccept: RegisterCommand = (program, ctx) => {
  program
    .command('accept')
    .description(
      "Accept a contribution (or one claim of it, with --claim) into a draft: its values replace the claim's answer and its files become evidence, credited to the contributor.",
    )
    .argument('<id>', 'the assessment id (see sscp list)')
    .argument('<contribution>', 'the contribution id (see sscp review)')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--claim <claim>', 'only this claim of the contribution')
    .option('--unassigned', 'accept claims the contributor was not assigned (review flags them)')
    .option('--json', 'print JSON (shape in docs/cli-json.md)')
    .action(async (id: string, contributionId: string, opts: { db: string; claim?: string; unassigned?: boolean; json?: boolean }) => {
      const d = await withWorkspace(opts.db, (ws) =>
        ws.acceptContribution(id, contributionId, {
          ...(opts.claim ? { claimId: opts.claim } : {}),
          allowUnassigned: opts.unassigned ?? false,
        }),
      );
      if (opts.json) printJson(ctx.io, decidedJson(d));
      else ctx.io.stdout.write(formatDecided(d, 'accepted'));
    });
};

export const registerReject: RegisterCommand = (program, ctx) => {
  program
    .command('reject')
    .description(
      'Reject a contribution (or one claim of it, with --claim): nothing in the assessment changes; the reason is kept in the history.',
    )
    .argument('<id>', 'the assessment id (see sscp list)')
    .argument('<contribution>', 'the contribution id (see sscp review)')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--claim <claim>', 'only this claim of the contribution')
    .option('--reason <text>', 'why, for the history and the contributor')
    .option('--json', 'print JSON (shape in docs/cli-json.md)')
    .action(async (id: string, contributionId: string, opts: { db: string; claim?: string; reason?: string; json?: boolean }) => {
      const d = await withWorkspace(opts.db, (ws) =>
        ws.rejectContribution(id, contributionId, {
          ...(opts.claim ? { claimId: opts.claim } : {}),
          ...(opts.reason !== undefined ? { reason: opts.reason } : {}),
        }),
      );
      if (opts.json) printJson(ctx.io, decidedJson(d));
      else ctx.io.stdout.write(formatDecided(d, 'rejected'));
    });
};
