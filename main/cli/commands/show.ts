import { listClaims, listPrinciples } from '../../../shared/catalog/index';
import { isClaimInScope } from '../../../shared/domain/applicability';
import type { AssessmentDetail } from '../../../shared/domain/types';
import { catalogFor } from '../../services/validate';
import type { AssessmentCompleteness } from '../../../shared/domain/completeness';
import type { SignedPackInfo } from '../../store/index';
import type { ClaimOwner, ContributedBy } from '../../services/contribution-ops';
import {
  actionToJson,
  assessmentToJson,
  completenessToJson,
  evidenceToJson,
  signedPackToJson,
  unverifiedSignerLine,
  type ActionJson,
  type AssessmentJson,
  type CompletenessJson,
  type EvidenceJson,
  type SignedPackJson,
} from '../assessment-json';
import type { RegisterCommand } from '../context';
import type { UnverifiedSigner } from '../../../shared/domain/signer-trust';
import { field, printJson } from '../io';
import { choiceOption, DB_OPTION_FLAGS, DB_OPTION_HELP, withWorkspace } from '../options';
import { evidenceAsRecipientSees, type Recipient, type RecipientEvidence } from '../../../shared/domain/recipient-view';
import { formatBytes } from '../../../shared/format/bytes';
import { PACK_PROFILES } from '../../pack/types';
import { count } from '../../../shared/format/plural';
import { groupByOwner, isWaitingOnOwner } from '../../../shared/domain/contribution';

/** One claim of `sscp show --json`: the catalog's numbering and title with the response. */
export interface ClaimJson {
  readonly id: string;
  readonly themeId: string;
  readonly principleId: string;
  readonly title: string;
  readonly inScope: boolean;
  readonly status: string;
  readonly result: string;
  readonly evidenceText: string;
  readonly arguments: string;
  readonly updatedAt: string;
  /** Ids of the evidence items linked to this claim (details in `evidence`). */
  readonly evidenceIds: readonly string[];
  /** Who the SRO assigned the claim to (sscp assign); null when nobody. */
  readonly owner: { readonly name: string; readonly team: string; readonly email: string } | null;
  /** The contribution whose answer was last accepted for this claim, if any. */
  readonly contributedBy: ContributedByJson | null;
  /** Contributions to this claim waiting for the SRO's review. */
  readonly pendingContributions: number;
}

export interface ContributedByJson {
  readonly name: string;
  readonly acceptedAt: string;
  readonly contributionId: string;
}

/** Owners, contributions and credits, as the workspace tells them (absent for a bare detail). */
export interface ContributionView {
  readonly owners: readonly ClaimOwner[];
  readonly credits: { readonly evidence: ReadonlyMap<string, ContributedBy>; readonly answers: ReadonlyMap<string, ContributedBy> };
  readonly pending: readonly { readonly claimId: string }[];
}

/** The `sscp show --json` shape, documented in docs/cli-json.md: change it only by adding fields. */
export interface ShowJson {
  readonly assessment: AssessmentJson;
  readonly completeness: CompletenessJson;
  readonly signedPack: SignedPackJson | null;
  readonly claims: readonly ClaimJson[];
  readonly evidence: readonly EvidenceJson[];
  readonly actions: readonly ActionJson[];
  /** Evidence accepted from a contribution, by evidence id: who contributed it and when it was accepted. */
  readonly contributedEvidence: Readonly<Record<string, ContributedByJson>>;
}

const credit = (c: ContributedBy | undefined): ContributedByJson | null =>
  c ? { name: c.name, acceptedAt: c.acceptedAt, contributionId: c.contributionId } : null;

export function showToJson(
  detail: AssessmentDetail,
  completeness: AssessmentCompleteness,
  pack: SignedPackInfo | undefined,
  unverified: UnverifiedSigner | null,
  view: ContributionView = { owners: [], credits: { evidence: new Map(), answers: new Map() }, pending: [] },
): ShowJson {
  const a = detail.assessment;
  const responses = new Map(detail.responses.map((r) => [r.claimId, r]));
  const claims = listClaims(catalogFor(a)).flatMap(({ theme, principle, claim }) => {
    const r = responses.get(claim.id);
    if (!r) return [];
    return [
      {
        id: claim.id,
        themeId: theme.id,
        principleId: principle.id,
        title: claim.title,
        inScope: isClaimInScope(a, claim.id),
        status: r.status,
        result: r.result,
        evidenceText: r.evidenceText,
        arguments: r.arguments,
        updatedAt: r.updatedAt,
        evidenceIds: detail.links.filter((l) => l.claimId === claim.id).map((l) => l.evidenceId),
        owner: ((o) => (o ? { name: o.name, team: o.team, email: o.email } : null))(view.owners.find((o) => o.claimId === claim.id)),
        contributedBy: credit(view.credits.answers.get(claim.id)),
        pendingContributions: view.pending.filter((p) => p.claimId === claim.id).length,
      },
    ];
  });
  return {
    assessment: assessmentToJson(a, unverified),
    completeness: completenessToJson(completeness),
    signedPack: signedPackToJson(pack),
    claims,
    evidence: detail.evidence.map(evidenceToJson),
    actions: detail.actions.map(actionToJson),
    contributedEvidence: Object.fromEntries(
      detail.evidence.flatMap((e) => {
        const c = credit(view.credits.evidence.get(e.id));
        return c ? [[e.id, c]] : [];
      }),
    ),
  };
}

export function formatShow(json: ShowJson): string {
  const a = json.assessment;
  const c = json.completeness;
  const lines = [
    field(a.organisation),
    `  Id:        ${a.id}`,
    `  Role:      ${a.role}${a.role === 'developer-only' && a.theme3InScope ? ' (theme 3 in scope)' : ''}`,
    `  Products:  ${a.products.length ? a.products.map(field).join(', ') : '(none listed)'}`,
    `  Period:    ${a.periodStart ?? '(not set)'} to ${a.periodEnd ?? '(not set)'}`,
    `  SRO:       ${field(a.sroName) || '(not set)'}${a.sroRole ? `, ${field(a.sroRole)}` : ''}`,
    `  State:     ${a.state}${a.signedAt ? ` (signed ${a.signedAt})` : ''}`,
    `  Catalog:   ${a.catalogId} ${a.catalogVersion}`,
    `  Progress:  ${c.assessed} of ${count(c.claimsInScope, 'claim')} in scope assessed, ${c.done} done, ${c.withEvidence} with evidence`,
  ];
  if (a.unverifiedSigner) lines.push(`  ${unverifiedSignerLine(a.unverifiedSigner, a.id)}`);
  const evidenceById = new Map(json.evidence.map((e) => [e.id, e]));
  const catalog = catalogFor(a);
  const principleTitles = new Map(listPrinciples(catalog).map(({ principle }) => [principle.id, principle.title]));
  const themeTitles = new Map(catalog.themes.map((t) => [t.id, t.title]));
  let theme = '';
  let principle = '';
  for (const claim of json.claims) {
    if (claim.themeId !== theme) {
      theme = claim.themeId;
      lines.push('', `Theme ${theme}  ${themeTitles.get(theme) ?? ''}`);
    }
    if (claim.principleId !== principle) {
      principle = claim.principleId;
      lines.push(`  ${principle}  ${principleTitles.get(principle) ?? ''}`);
    }
    const scope = claim.inScope ? '' : '  (out of scope)';
    lines.push(`    ${claim.id.padEnd(7)}${claim.result.padEnd(15)}${claim.status.padEnd(14)}${claim.title}${scope}`);
    if (claim.owner) lines.push(`             owner: ${field(claim.owner.name)}${claim.owner.team ? `, ${field(claim.owner.team)}` : ''}`);
    if (claim.contributedBy)
      lines.push(`             answer contributed by ${field(claim.contributedBy.name)} on ${claim.contributedBy.acceptedAt.slice(0, 10)}`);
    if (claim.pendingContributions)
      lines.push(`             ${count(claim.pendingContributions, 'contribution')} waiting for your review (sscp review)`);
    for (const id of claim.evidenceIds) {
      const e = evidenceById.get(id);
      const by = json.contributedEvidence[id];
      const credit = by ? `  (contributed by ${field(by.name)} on ${by.acceptedAt.slice(0, 10)})` : '';
      if (e?.kind === 'reference') {
        lines.push(
          `             reference: ${field(e.fileName)}${e.owner ? `  (owner ${field(e.owner)})` : ''}${e.effectiveDate ? `  dated ${e.effectiveDate}` : ''}${e.confidential ? '  (confidential)' : ''}${credit}`,
        );
      } else if (e) {
        lines.push(
          `             evidence: ${e.sha256}  ${field(e.fileName)}${e.confidential ? (e.withholdDetails ? '  (confidential, details withheld from customers)' : '  (confidential)') : ''}${credit}`,
        );
      }
    }
  }
  // One row per owner, by the one rule for who an owner is (shared/domain/contribution.ts).
  const claimsById = new Map(json.claims.map((c) => [c.id, c]));
  const owners = groupByOwner(json.claims.flatMap((c) => (c.owner ? [{ ...c.owner, claimId: c.id }] : [])));
  if (owners.length) {
    lines.push('', 'Owners');
    for (const { owner, claimIds } of owners) {
      const claims = claimIds.flatMap((id) => claimsById.get(id) ?? []);
      const done = claims.filter((c) => c.status === 'done').length;
      const waiting = claims.filter((c) => c.status !== 'done' && isWaitingOnOwner(c.status, c.pendingContributions)).map((c) => c.id);
      lines.push(`  ${field(owner.name)}: ${done} done${waiting.length ? `; waiting on them: ${waiting.join(', ')}` : ''}`);
    }
  }
  const pendingTotal = json.claims.reduce((n, c) => n + c.pendingContributions, 0);
  if (pendingTotal) lines.push('', `Waiting on you: ${count(pendingTotal, 'contributed claim')} to review (sscp review ${a.id} --db FILE)`);
  const actions = json.actions.filter((x) => x.state === 'open');
  if (actions.length) {
    lines.push('', 'Open remedial actions');
    for (const x of actions)
      lines.push(
        `  ${x.claimId.padEnd(7)}${field(x.description)}${x.owner ? ` (${field(x.owner)})` : ''}${x.dueDate ? `, due ${x.dueDate}` : ''}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/** The `sscp show ID --as-recipient PROFILE --json` shape, documented in docs/cli-json.md. */
export interface RecipientViewJson {
  readonly assessmentId: string;
  readonly recipient: Recipient;
  readonly evidence: readonly RecipientEvidence[];
}

/** Each evidence item as the pack for `recipient` will list it: what a customer learns, before signing. */
export function formatRecipientView(view: RecipientViewJson): string {
  const { evidence } = view;
  const files = evidence.filter((e) => e.kind === 'file');
  const references = evidence.length - files.length;
  const embedded = files.filter((e) => e.embedded).length;
  const hidden = files.filter((e) => e.detailsWithheld).length;
  const lines = [
    `Evidence as a ${view.recipient} pack will show it: ${count(files.length, 'file')}, ${embedded} embedded, ${files.length - embedded} withheld` +
      `${hidden ? ` (${hidden} of them without name or description)` : ''}; ${count(references, 'reference')}.`,
  ];
  for (const e of evidence) {
    if (e.kind === 'reference') {
      lines.push(
        '',
        `  Reference: ${field(e.name)}`,
        '    SHA-256  (none: a reference is not a file)',
        `    In pack  ${e.detailsWithheld ? 'withheld: location, description and owner' : 'listed'}`,
        `    Claims   ${e.claims.join(', ') || '(none)'}`,
      );
      if (e.owner) lines.push(`    Owner    ${field(e.owner)}`);
    } else {
      const inPack = e.embedded ? 'embedded' : e.detailsWithheld ? 'withheld, name and description too' : 'withheld, listed by hash';
      lines.push(
        '',
        `  ${field(e.name)}`,
        `    SHA-256  ${e.sha256 ?? ''}`,
        `    Size     ${formatBytes(e.size ?? 0)}`,
        `    In pack  ${inPack}`,
        `    Claims   ${e.claims.join(', ') || '(none)'}`,
      );
    }
    if (e.description) lines.push(`    About    ${field(e.description)}`);
    if (e.effectiveDate || e.expiryDate) lines.push(`    Valid    ${e.effectiveDate ?? '(not set)'} to ${e.expiryDate ?? '(no expiry)'}`);
  }
  return `${lines.join('\n')}\n`;
}

export const registerShow: RegisterCommand = (program, ctx) => {
  program
    .command('show')
    .description(
      'Show one assessment: its details, then each claim with result, status and evidence. ' +
        'With --as-recipient, show instead each evidence item exactly as a pack for that recipient will list it (name or "Withheld file N (confidential)", hash, whether embedded), to check before signing.',
    )
    .argument('<id>', 'the assessment id (see sscp list)')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--as-recipient <profile>', `list the evidence as a pack for this recipient shows it: ${PACK_PROFILES.join(' or ')}`)
    .option('--json', 'print JSON (shape in docs/cli-json.md)')
    .action(async (id: string, opts: { db: string; json?: boolean; asRecipient?: string }) => {
      const recipient = choiceOption(opts.asRecipient, PACK_PROFILES, 'recipient');
      if (recipient) {
        const view = await withWorkspace(
          opts.db,
          (ws) => ({ assessmentId: id, recipient, evidence: evidenceAsRecipientSees(ws.getAssessment(id), recipient) }),
          { readOnly: true },
        );
        if (opts.json) printJson(ctx.io, view);
        else ctx.io.stdout.write(formatRecipientView(view));
        return;
      }
      const json = await withWorkspace(
        opts.db,
        (ws) =>
          showToJson(ws.getAssessment(id), ws.completeness(id), ws.signedPack(id), ws.unverifiedSigner(id), {
            owners: ws.claimOwners(id),
            credits: ws.contributionCredits(id),
            pending: ws.reviewContributions(id).map((i) => ({ claimId: i.claim.claimId })),
          }),
        { readOnly: true },
      );
      if (opts.json) printJson(ctx.io, json);
      else ctx.io.stdout.write(formatShow(json));
    });
};
