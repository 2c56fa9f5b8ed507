import type { EvidenceItem } from '../../../shared/domain/types';
import { count } from '../../../shared/format/plural';
import type { EvidenceKeeper, EvidenceRemovalPlan } from '../../services/workspace';
import type { RegisterCommand } from '../context';
import { findEvidenceItem } from '../evidence-ref';
import { field, printJson } from '../io';
import { DB_OPTION_FLAGS, DB_OPTION_HELP, withWorkspace } from '../options';

interface RemoveEvidenceOptions {
  db: string;
  dryRun?: boolean;
  skipSigned?: boolean;
  json?: boolean;
}

/** The `sscp remove-evidence --json` shape, documented in docs/cli-json.md: change it only by adding fields. */
export interface RemoveEvidenceJson {
  readonly dryRun: boolean;
  readonly removed: readonly { readonly id: string; readonly sha256: string; readonly fileName: string }[];
  readonly claims: readonly { readonly assessmentId: string; readonly claimId: string; readonly evidenceId: string }[];
  readonly keptBySigned: readonly {
    readonly assessmentId: string;
    readonly organisation: string;
    readonly state: string;
    readonly signedAt: string | null;
    readonly evidenceIds: readonly string[];
  }[];
  readonly storedFilesDeleted: number;
}

function keeperText(k: EvidenceKeeper, items: ReadonlyMap<string, EvidenceItem>): string {
  const what = k.signedAt ? `signed on ${k.signedAt.slice(0, 10)}` : 'archived';
  const names = k.evidenceIds.map((id) => field(items.get(id)?.fileName ?? id)).join(', ');
  return `  ${field(k.organisation)} (${k.assessmentId}, ${what}) keeps ${names}`;
}

function planText(plan: EvidenceRemovalPlan, items: ReadonlyMap<string, EvidenceItem>, done: boolean, skipped: boolean): string {
  const files = count(plan.removableIds.length, 'file');
  const assessments = new Set(plan.claimLinks.map((l) => l.assessmentId)).size;
  const claims = count(plan.claimLinks.length, 'claim');
  const lines = [
    plan.removableIds.length === 0
      ? 'Nothing to remove: every file chosen is cited by a signed or archived assessment.'
      : done
        ? `Removed ${files} from the library; ${claims} in ${count(assessments, 'draft assessment')} lost them; ${count(plan.storedFilesFreed, 'stored file')} deleted.`
        : `Would remove ${files} from the library; ${claims} in ${count(assessments, 'draft assessment')} would lose them; ${count(plan.storedFilesFreed, 'stored file')} would be deleted.`,
  ];
  for (const id of plan.removableIds) {
    const item = items.get(id)!;
    const uses = plan.claimLinks.filter((l) => l.evidenceId === id).map((l) => `${field(l.organisation)} ${l.claimId}`);
    lines.push(
      `  ${id}  ${item.kind === 'file' ? item.sha256 : '(reference)'}  ${field(item.fileName)}${uses.length ? `  (on ${uses.join(', ')})` : ''}`,
    );
  }
  if (plan.keptBy.length) {
    lines.push(
      skipped || !done
        ? 'Kept, because signed or archived assessments cite them and their record cannot change:'
        : 'Cited by signed or archived assessments:',
      ...plan.keptBy.map((k) => keeperText(k, items)),
    );
  }
  return `${lines.join('\n')}\n`;
}

export const registerRemoveEvidence: RegisterCommand = (program, ctx) => {
  program
    .command('remove-evidence')
    .description(
      'Remove evidence from the library: take each item off every claim of draft assessments, delete it, and delete its stored file when nothing else holds the same bytes. ' +
        'Evidence a signed or archived assessment cites is never removed (their record cannot change): the command refuses and names the assessment, unless --skip-signed leaves those items out. ' +
        'All or nothing, recorded in the audit log. There is no undo on the command line: check first with --dry-run.',
    )
    .argument('<evidence...>', "each item's id (sscp show ID --json), or the SHA-256 sscp attach printed")
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--dry-run', 'say what would be removed, which claims would lose it and what signed assessments keep; change nothing')
    .option('--skip-signed', 'leave out the items signed or archived assessments cite, and remove the others')
    .option('--json', 'print JSON (shape in docs/cli-json.md)')
    .action(async (refs: string[], opts: RemoveEvidenceOptions) => {
      await withWorkspace(
        opts.db,
        (ws) => {
          const all = ws.listEvidence().map((e) => e.item);
          const chosen = [...new Map(refs.map((r) => findEvidenceItem(ws, r, all)).map((i) => [i.id, i])).values()];
          const items = new Map(chosen.map((i) => [i.id, i]));
          const plan = ws.planEvidenceRemoval(chosen.map((i) => i.id));
          const toRemove = opts.skipSigned ? plan.removableIds : chosen.map((i) => i.id);
          const done = !opts.dryRun && toRemove.length > 0;
          // Refused here (exit 2, nothing changed) when a signed assessment cites one and --skip-signed was not given.
          if (done) ws.removeEvidence(toRemove);
          if (opts.json) {
            const json: RemoveEvidenceJson = {
              dryRun: opts.dryRun ?? false,
              removed: plan.removableIds.map((id) => {
                const i = items.get(id)!;
                return { id, sha256: i.kind === 'file' ? i.sha256 : '', fileName: i.fileName };
              }),
              claims: plan.claimLinks.map((l) => ({ assessmentId: l.assessmentId, claimId: l.claimId, evidenceId: l.evidenceId })),
              keptBySigned: plan.keptBy.map((k) => ({ ...k, evidenceIds: [...k.evidenceIds] })),
              storedFilesDeleted: plan.storedFilesFreed,
            };
            printJson(ctx.io, json);
          } else {
            ctx.io.stdout.write(planText(plan, items, done, opts.skipSigned ?? false));
          }
        },
        { readOnly: opts.dryRun ?? false },
      );
    });
};
