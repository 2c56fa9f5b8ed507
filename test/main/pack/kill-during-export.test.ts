import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckJson } from '../../../main/cli/commands/check';
import { exportPack } from '../../../main/pack/export-pack';
import { openWorkspace } from '../../../main/services/workspace';
import { sscp } from '../../cli/run-sscp';
import { copyDatabase } from '../../helpers/copy-database';
import { runAndKill, runUntilHeld } from '../../helpers/kill-harness';
import { LABEL, PASSPHRASE, leftovers, makeExportFixture, sha256Of, withExportServices, type ExportFixture } from './export-fixture';
import { makeTempDir } from './fixtures';

const CHILD = fileURLToPath(new URL('./child/export-child.ts', import.meta.url));
/** Four files of 3 MiB: the exporter reports progress inside the embedding, not only between files. */
const FILES = 4;
const FILE_BYTES = 3 * 1024 * 1024;

interface Plan {
  readonly stop: string;
  /** What the assessment must be once the database is reopened after the kill. */
  readonly expect: 'draft' | 'signed';
  /** A file already at the destination before the export (an older pack of the same name). */
  readonly existing?: boolean;
}

const PLANS: readonly Plan[] = [
  { stop: 'leased', expect: 'draft' },
  { stop: 'planned', expect: 'draft' },
  { stop: 'embed:0.1', expect: 'draft' },
  { stop: 'embed:0.6', expect: 'draft' },
  { stop: 'built', expect: 'draft' },
  { stop: 'built', expect: 'draft', existing: true },
  { stop: 'renamed', expect: 'signed' },
  { stop: 'renamed', expect: 'signed', existing: true },
  { stop: 'committed', expect: 'signed' },
];

/**
 * The invariant after any crash, once any command has opened the database: either a draft
 * with no pack at the destination (an earlier file there untouched), or a signed assessment
 * whose recorded pack is exactly the file at the destination. No lease, no temp file.
 */
describe('SIGKILL during an export', () => {
  const tmp = makeTempDir('export-kill');
  /** The starting state, built once (an identity, 12 MiB attached); each kill gets a copy of its own. */
  let start: ExportFixture;
  beforeAll(async () => {
    start = await makeExportFixture(tmp.dir, 'start', FILES, FILE_BYTES);
  });
  afterAll(() => tmp.cleanup());

  it.each(PLANS)(
    'killed at $stop (existing destination: $existing) leaves a $expect assessment that agrees with the folder',
    async (plan) => {
      const name = `${plan.stop.replace(/\W/g, '-')}${plan.existing ? '-existing' : ''}`;
      const dbPath = join(tmp.dir, `${name}.sscp`);
      copyDatabase(start.dbPath, dbPath);
      const { assessmentId } = start;
      const outPath = join(tmp.dir, `${name}.pdf`);
      const older = Buffer.from('%PDF-1.7 an older pack the SRO kept under this name\n');
      if (plan.existing) writeFileSync(outPath, older);

      const { killed } = await runAndKill(CHILD, [dbPath, assessmentId, outPath, plan.stop], {
        when: (l) => l === `at ${plan.stop}`,
        extraDelayMs: 0,
      });
      expect(killed).toBe(true);

      const ws = openWorkspace(dbPath);
      try {
        expect(ws.exportsInProgress()).toEqual([]);
        expect(leftovers(tmp.dir)).toEqual([]);
        const { assessment } = ws.getAssessment(assessmentId);
        expect(assessment.state).toBe(plan.expect);
        const actions = ws.auditEntries(assessmentId).map((e) => e.action);
        if (plan.expect === 'draft') {
          if (plan.existing) expect(readFileSync(outPath)).toEqual(older);
          else expect(existsSync(outPath)).toBe(false);
          expect(actions).not.toContain('assessment.signed');
          // Released: the SRO can edit again.
          ws.updateClaim(assessmentId, '1.1.2', { status: 'in-progress' });
        } else {
          expect(sha256Of(outPath)).toBe(ws.signedPack(assessmentId)?.packSha256);
          expect(actions.filter((a) => a === 'assessment.signed')).toHaveLength(1);
        }
        expect((await ws.checkIntegrity()).problems).toEqual([]);
      } finally {
        ws.close();
      }
    },
  );

  it('a live export in another process is never taken over: edits and a second export are refused until it dies', async () => {
    const { dbPath, assessmentId } = await makeExportFixture(tmp.dir, 'live', 2);
    const outPath = join(tmp.dir, 'live.pdf');
    const held = await runUntilHeld(CHILD, [dbPath, assessmentId, outPath, 'built'], 'at built');
    try {
      const secondOut = join(tmp.dir, 'live-second.pdf');
      await withExportServices(dbPath, async (ws, identities) => {
        // Opening the database ran recovery; the live lease must still stand.
        expect(ws.exportsInProgress().map((l) => l.pid)).toEqual([held.pid]);
        expect(() => ws.updateClaim(assessmentId, '1.1.1', { evidenceText: 'changed behind the export' })).toThrow(
          expect.objectContaining({ kind: 'export-in-progress', message: expect.stringContaining(`process ${held.pid}`) }),
        );
        await expect(
          exportPack(ws, identities, {
            assessmentId,
            identityLabel: LABEL,
            passphrase: PASSPHRASE,
            outPath: secondOut,
            profile: 'certification',
            acceptExceptions: true,
          }),
        ).rejects.toMatchObject({
          kind: 'export-in-progress',
          message: expect.stringContaining('Another export of this assessment is already in progress'),
        });
      });
      expect(existsSync(secondOut)).toBe(false);
      // The first export's temp file is untouched.
      expect(leftovers(tmp.dir)).toHaveLength(1);
      const during = JSON.parse((await sscp('check', '--db', dbPath, '--json')).out) as CheckJson;
      expect(during.ok).toBe(true);
      expect(during.exports.inProgress).toMatchObject([{ assessmentId, pid: held.pid, destination: outPath }]);
      expect(leftovers(tmp.dir)).toHaveLength(1);
    } finally {
      await held.kill();
    }
    // sscp check is the next command: it finds the holder dead and undoes the export.
    const check = await sscp('check', '--db', dbPath);
    expect(check.code, check.err).toBe(0);
    expect(check.out).toContain(`an export of ${assessmentId} interrupted before its pack was in place was undone`);
    expect(leftovers(tmp.dir)).toEqual([]);
    const ws = openWorkspace(dbPath);
    try {
      expect(ws.exportsInProgress()).toEqual([]);
      expect(leftovers(tmp.dir)).toEqual([]);
      expect(ws.getAssessment(assessmentId).assessment.state).toBe('draft');
      expect(ws.auditEntries(assessmentId).at(-1)?.action).toBe('assessment.export-abandoned');
    } finally {
      ws.close();
    }
  });
});
