import { describeActorSource, oneLine, type Actor, type ActorSource } from '../../../shared/domain/actor';
import { auditContributors, auditEntryClaim, describeAuditActor, describeAuditEntry } from '../../../shared/domain/audit-wording';
import type { Assessment, AuditEntry } from '../../../shared/domain/types';
import type { RegisterCommand } from '../context';
import { printJson } from '../io';
import { DB_OPTION_FLAGS, DB_OPTION_HELP, withWorkspace } from '../options';
import { count } from '../../../shared/format/plural';

export interface ActorJson {
  readonly name: string;
  readonly role: string | null;
  readonly email: string | null;
  readonly source: ActorSource;
}

export interface LogEntryJson {
  readonly seq: number;
  readonly at: string;
  readonly action: string;
  readonly description: string;
  readonly claimId: string | null;
  /** null: the entry was written before the log recorded who made changes. */
  readonly actor: ActorJson | null;
  readonly who: string;
  readonly hash: string;
}

/** The `sscp log --json` shape, documented in docs/cli-json.md: change it only by adding fields. */
export interface LogJson {
  readonly assessmentId: string;
  readonly organisation: string;
  readonly entries: readonly LogEntryJson[];
  readonly contributors: readonly {
    readonly name: string | null;
    readonly role: string | null;
    readonly who: string;
    readonly changes: number;
  }[];
}

function actorToJson(a: Actor | null): ActorJson | null {
  return a === null ? null : { name: a.name, role: a.role ?? null, email: a.email ?? null, source: a.source };
}

export function logToJson(assessment: Assessment, entries: readonly AuditEntry[]): LogJson {
  return {
    assessmentId: assessment.id,
    organisation: assessment.organisation,
    entries: entries.map((e) => ({
      seq: e.seq,
      at: e.at,
      action: e.action,
      description: describeAuditEntry(e),
      claimId: auditEntryClaim(e),
      actor: actorToJson(e.actor),
      who: describeAuditActor(e),
      hash: e.hash,
    })),
    contributors: auditContributors(entries),
  };
}

// File names (and anything else a change recorded) may hold control characters: each entry
// stays on one line of the terminal, whatever it says.

export function formatLog(json: LogJson): string {
  const n = json.entries.length;
  const lines = [`History of ${oneLine(json.organisation)} (${json.assessmentId}): ${count(n, 'change')}, oldest first`, ''];
  const rows = json.entries.map((e) => {
    const how = e.actor && e.actor.source !== 'unknown' ? ` [${describeActorSource(e.actor.source)}]` : '';
    return { when: e.at.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC'), who: oneLine(`${e.who}${how}`), what: oneLine(e.description) };
  });
  const whoWidth = Math.min(40, Math.max(3, ...rows.map((r) => r.who.length)));
  lines.push(`${'When'.padEnd(23)}  ${'Who'.padEnd(whoWidth)}  What`);
  for (const r of rows) lines.push(`${r.when.padEnd(23)}  ${r.who.padEnd(whoWidth)}  ${r.what}`);
  if (json.contributors.length > 0) {
    lines.push('', 'Contributors');
    for (const c of json.contributors) lines.push(`  ${oneLine(c.who)}: ${count(c.changes, 'change')}`);
  }
  if (json.entries.some((e) => e.actor === null))
    lines.push('', 'Changes marked "not recorded" were made before this version of the app recorded who made each change.');
  return `${lines.join('\n')}\n`;
}

export const registerLog: RegisterCommand = (program, ctx) => {
  program
    .command('log')
    .description("Show an assessment's history from the tamper-evident audit log: when, who, and what changed, oldest first.")
    .argument('<id>', 'the assessment id (see sscp list)')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--json', 'print JSON (shape in docs/cli-json.md)')
    .action(async (id: string, opts: { db: string; json?: boolean }) => {
      const json = await withWorkspace(opts.db, (ws) => logToJson(ws.getAssessment(id).assessment, ws.auditEntries(id)));
      if (opts.json) printJson(ctx.io, json);
      else ctx.io.stdout.write(formatLog(json));
    });
};
