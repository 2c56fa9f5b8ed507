import {
  describeDiffTotals,
  diffAssessments,
  isStatusOnly,
  type AssessmentDiff,
  type ClaimDiff,
  type DiffSide,
} from '../../../shared/domain/diff';
import { renderInline } from '../../../shared/domain/text-diff';
import { catalogFor } from '../../services/validate';
import { unverifiedSignerLine, unverifiedSignerToJson, type UnverifiedSignerJson } from '../assessment-json';
import type { RegisterCommand } from '../context';
import { field, printJson } from '../io';
import { DB_OPTION_FLAGS, DB_OPTION_HELP, withWorkspace } from '../options';

/** One side of `sscp diff --json`: the AssessmentDiff's, and whether its content came from an unverified signer. */
export type DiffSideJson = DiffSide & { readonly unverifiedSigner: UnverifiedSignerJson | null };

/** `sscp diff --json` prints the AssessmentDiff, each side marked if unverified; docs/cli-json.md documents it. */
export type DiffJson = Omit<AssessmentDiff, 'from' | 'to'> & { readonly from: DiffSideJson; readonly to: DiffSideJson };

export function formatDiff(d: DiffJson): string {
  const lines = [`From ${describe(d.from)}`, `To   ${describe(d.to)}`];
  for (const side of [d.from, d.to])
    if (side.unverifiedSigner) lines.push(`     ${side.assessmentId}: ${unverifiedSignerLine(side.unverifiedSigner, side.assessmentId)}`);
  lines.push('');
  for (const theme of d.themes) {
    lines.push(
      `Theme ${theme.themeId}  ${theme.title}: ${theme.changedClaims} claim${theme.changedClaims === 1 ? '' : 's'} changed, ${theme.unchangedClaims} unchanged`,
    );
    const claims = d.claims.filter((c) => c.themeId === theme.themeId);
    for (const claim of claims.filter((c) => !isStatusOnly(c))) lines.push(...claimLines(claim));
    lines.push(...statusOnlyLines(claims.filter(isStatusOnly)));
  }
  const t = d.totals;
  lines.push(
    '',
    `${t.changedClaims + t.unchangedClaims} claims: ${describeDiffTotals(d)} ` +
      `${t.resultChanges} result${t.resultChanges === 1 ? '' : 's'} changed; evidence ${t.evidenceAdded} added, ${t.evidenceRemoved} removed, ${t.evidenceReplaced} replaced; ` +
      `actions ${t.actionsOpened} opened, ${t.actionsClosed} closed, ${t.actionsDropped} dropped.` +
      (t.statementChanges > 0
        ? ` ${t.statementChanges} claim statement${t.statementChanges === 1 ? '' : 's'} reworded between catalog ${d.from.catalogVersion} and ${d.to.catalogVersion}.`
        : ''),
  );
  return `${lines.join('\n')}\n`;
}

function describe(s: DiffSide): string {
  const period = s.periodStart || s.periodEnd ? `, ${s.periodStart ?? '?'} to ${s.periodEnd ?? '?'}` : '';
  return `${s.assessmentId}  ${field(s.organisation)}${period} (catalog ${s.catalogVersion})`;
}

function claimLines(c: ClaimDiff): string[] {
  const out: string[] = [];
  const add = (text: string): void => {
    out.push(`${out.length === 0 ? `  ${c.claimId.padEnd(7)}` : ' '.repeat(9)}${text}`);
  };
  if (c.presence === 'only-from') add('only in the first assessment (its catalog version has this claim, the other does not)');
  if (c.presence === 'only-to') add('only in the second assessment (new in its catalog version)');
  if (c.statement) {
    add(`statement reworded in catalog ${c.statement.toVersion}${c.statement.note ? `: ${oneLine(c.statement.note)}` : ''}`);
    add(`  was (${c.statement.fromVersion}): ${oneLine(c.statement.from)}`);
    add(`  now (${c.statement.toVersion}): ${oneLine(c.statement.to)}`);
  }
  if (c.result) add(`result ${c.result.from} → ${c.result.to}`);
  if (c.status) add(`status ${c.status.from} → ${c.status.to}`);
  if (c.evidenceText) add(`evidence text: ${field(oneLine(renderInline(c.evidenceText)))}`);
  if (c.arguments) add(`arguments: ${field(oneLine(renderInline(c.arguments)))}`);
  const tag = (e: { sha256: string }) => (e.sha256 === '' ? 'reference' : `${e.sha256.slice(0, 12)}…`);
  for (const e of c.evidenceAdded) add(`evidence added: ${field(e.fileName)} (${tag(e)})`);
  for (const e of c.evidenceRemoved) add(`evidence removed: ${field(e.fileName)} (${tag(e)})`);
  for (const r of c.evidenceReplaced)
    add(`evidence replaced: ${field(r.from.fileName)} (${tag(r.from)}) → ${field(r.to.fileName)} (${tag(r.to)})`);
  for (const a of c.actionsOpened) add(`action opened: ${field(oneLine(a.description))}`);
  for (const a of c.actionsClosed) add(`action closed: ${field(oneLine(a.description))}`);
  for (const a of c.actionsDropped) add(`action dropped (was open): ${field(oneLine(a.description))}`);
  return out;
}

/** One line per status transition, naming its claims, so real changes are not buried. */
function statusOnlyLines(claims: readonly ClaimDiff[]): string[] {
  const byTransition = new Map<string, string[]>();
  for (const c of claims) {
    const key = `${c.status!.from} → ${c.status!.to}`;
    byTransition.set(key, [...(byTransition.get(key) ?? []), c.claimId]);
  }
  return [...byTransition].map(
    ([transition, ids]) => `  status only, ${transition}: ${ids.length} claim${ids.length === 1 ? '' : 's'} (${ids.join(', ')})`,
  );
}

function oneLine(text: string): string {
  return text.replace(/\n/g, ' ⏎ ');
}

export const registerDiff: RegisterCommand = (program, ctx) => {
  program
    .command('diff')
    .description('Show what changed from one assessment to another (for example last year to this year), claim by claim.')
    .argument('<from>', 'the earlier assessment id')
    .argument('<to>', 'the later assessment id')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--json', 'print JSON (shape in docs/cli-json.md)')
    .action(async (fromId: string, toId: string, opts: { db: string; json?: boolean }) => {
      const diff = await withWorkspace(
        opts.db,
        (ws): DiffJson => {
          const to = ws.getAssessment(toId);
          const from = ws.getAssessment(fromId);
          const d = diffAssessments(from, to, catalogFor(to.assessment), catalogFor(from.assessment));
          return {
            ...d,
            from: { ...d.from, unverifiedSigner: unverifiedSignerToJson(ws.unverifiedSigner(d.from.assessmentId)) },
            to: { ...d.to, unverifiedSigner: unverifiedSignerToJson(ws.unverifiedSigner(d.to.assessmentId)) },
          };
        },
        { readOnly: true },
      );
      if (opts.json) printJson(ctx.io, diff);
      else ctx.io.stdout.write(formatDiff(diff));
    });
};
