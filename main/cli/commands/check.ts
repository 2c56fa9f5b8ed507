import { accessSync, constants } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { IntegrityReport } from '../../services/workspace';
import type { RegisterCommand } from '../context';
import { EXIT_CHECK_FAILED, field, printJson } from '../io';
import { DB_OPTION_FLAGS, DB_OPTION_HELP, withWorkspace } from '../options';
import { count } from '../../../shared/format/plural';

/** The `sscp check --json` shape, documented in docs/cli-json.md: change it only by adding fields. */
export interface CheckJson {
  readonly ok: boolean;
  readonly sqlite: { readonly ok: boolean; readonly messages: readonly string[] };
  readonly auditChain: { readonly ok: boolean; readonly entries: number; readonly problems: readonly string[] };
  readonly evidence: {
    readonly ok: boolean;
    readonly checked: number;
    readonly missing: readonly { readonly sha256: string; readonly fileNames: readonly string[] }[];
    readonly mismatched: readonly { readonly sha256: string; readonly fileNames: readonly string[] }[];
    readonly unreferenced: readonly string[];
    readonly strays: readonly string[];
  };
  readonly exports: {
    readonly inProgress: readonly {
      readonly assessmentId: string;
      readonly startedAt: string;
      readonly pid: number;
      readonly host: string;
      readonly destination: string;
    }[];
    readonly recovered: readonly {
      readonly assessmentId: string;
      readonly outcome: 'rolled-forward' | 'rolled-back';
      readonly destination: string;
    }[];
  };
  readonly problems: readonly string[];
}

export function checkToJson(r: IntegrityReport): CheckJson {
  return {
    ok: r.ok,
    sqlite: { ok: r.sqlite.ok, messages: [...r.sqlite.messages] },
    auditChain: { ok: r.auditChain.ok, entries: r.auditChain.entries, problems: [...r.auditChain.problems] },
    evidence: {
      ok: r.evidence.ok,
      checked: r.evidence.checked,
      missing: r.evidence.missing.map((m) => ({ sha256: m.sha256, fileNames: [...m.fileNames] })),
      mismatched: r.evidence.mismatched.map((m) => ({ sha256: m.sha256, fileNames: [...m.fileNames] })),
      unreferenced: [...r.evidence.unreferenced],
      strays: [...r.evidence.strays],
    },
    exports: { inProgress: r.exports.inProgress.map((e) => ({ ...e })), recovered: r.exports.recovered.map((e) => ({ ...e })) },
    problems: [...r.problems],
  };
}

export function formatCheck(r: CheckJson): string {
  const lines = [
    `Database:     ${r.sqlite.ok ? 'ok' : 'DAMAGED'}`,
    `Audit log:    ${r.auditChain.ok ? 'ok' : 'BROKEN'} (${count(r.auditChain.entries, 'entry', 'entries')})`,
    `Evidence:     ${r.evidence.ok ? 'ok' : 'PROBLEMS'} (${count(r.evidence.checked, 'file')} re-hashed)`,
  ];
  if (r.evidence.unreferenced.length)
    lines.push(`              ${count(r.evidence.unreferenced.length, 'stored file')} not used by any evidence (harmless)`);
  for (const e of r.exports.inProgress) {
    lines.push(
      `Export:       in progress for assessment ${e.assessmentId} since ${e.startedAt} (process ${e.pid} on ${e.host}), writing ${field(e.destination)}`,
    );
  }
  for (const e of r.exports.recovered) {
    lines.push(
      e.outcome === 'rolled-forward'
        ? `Export:       an export of ${e.assessmentId} interrupted after its pack was in place was completed: the assessment is signed, its pack is ${field(e.destination)}`
        : `Export:       an export of ${e.assessmentId} interrupted before its pack was in place was undone: the assessment is still a draft and no pack was written to ${field(e.destination)}`,
    );
  }
  if (r.problems.length) lines.push('', ...r.problems.map((p) => `- ${field(p)}`));
  lines.push(
    '',
    r.ok
      ? 'Everything checks out.'
      : 'Problems found. Restore the database and its .evidence folder from a backup, or re-attach the files listed.',
  );
  return `${lines.join('\n')}\n`;
}

export const registerCheck: RegisterCommand = (program, ctx) => {
  program
    .command('check')
    .description(
      'Check the database, the audit log and every evidence file; exits 1 if anything is wrong. Opens the database read-only, so it also checks one you may not change.',
    )
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--json', 'print JSON (shape in docs/cli-json.md)')
    .action(async (opts: { db: string; json?: boolean }) => {
      // Opened for changes where it may be, so an export killed part-way is finished or undone
      // here; a database the user may not change is checked read-only, and nothing is written.
      const json = checkToJson(await withWorkspace(opts.db, (ws) => ws.checkIntegrity(), { readOnly: !mayWrite(opts.db) }));
      if (opts.json) printJson(ctx.io, json);
      else ctx.io.stdout.write(formatCheck(json));
      if (!json.ok) ctx.exitCode = EXIT_CHECK_FAILED;
    });
};

/** Whether the database file and its folder may be written (the -wal and -shm live beside it). */
function mayWrite(dbPath: string): boolean {
  try {
    accessSync(dbPath, constants.W_OK);
    accessSync(dirname(resolve(dbPath)), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
