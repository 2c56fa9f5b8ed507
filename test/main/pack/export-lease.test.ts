import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ContractEvents } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/result';
import { readPackContents } from '../../../main/import/read-pack-contents';
import { createDispatch, type HandlerTable } from '../../../main/ipc/dispatch';
import { createServiceHandlers } from '../../../main/ipc/handlers';
import { JobRunner } from '../../../main/ipc/jobs/runner';
import { PathGrants } from '../../../main/ipc/path-grants';
import { openWorkspace } from '../../../main/services/workspace';
import { openDatabase } from '../../../main/store/index';
import { runUntilHeld } from '../../helpers/kill-harness';
import { appHintOf } from '../../setup/error-words';
import { exportOf, keyStoreHomeFor, LABEL, PASSPHRASE, leftovers, makeExportFixture, sha256Of, withExportServices } from './export-fixture';
import { makeTempDir } from './fixtures';

const BIN = resolve(import.meta.dirname, '../../../bin/sscp.mjs');
const CHILD = fileURLToPath(new URL('./child/export-child.ts', import.meta.url));

/** The real `sscp` in its own process, run synchronously from inside an export's step. */
function sscpProcess(...argv: string[]): { code: number; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...argv], { encoding: 'utf8', env: { ...process.env, SSCP_DEBUG: '' } });
  return { code: r.status ?? -1, err: r.stderr };
}

const IN_PROGRESS = { kind: 'export-in-progress', message: expect.stringContaining('is being signed and exported right now') };

describe('an assessment being exported cannot change under the export', () => {
  const tmp = makeTempDir('export-lease');
  afterAll(() => tmp.cleanup());

  it('refuses sscp set, attach and archive from another process mid-export, and the pack holds exactly what is recorded', async () => {
    const { dbPath, assessmentId } = await makeExportFixture(tmp.dir, 'race', 3);
    const outPath = join(tmp.dir, 'race.pdf');
    const extra = join(tmp.dir, 'late-evidence.txt');
    writeFileSync(extra, 'arrived during the export\n');
    const refusals: { step: string; code: number; err: string }[] = [];
    const exported = await withExportServices(dbPath, (ws, identities) =>
      exportOf(ws, identities, assessmentId, outPath, {
        onStep: (step) => {
          if (step !== 'leased') return;
          refusals.push({
            step: 'set',
            ...sscpProcess('set', assessmentId, '1.1.1', '--db', dbPath, '--evidence-text', 'edited during the export'),
          });
          refusals.push({ step: 'archive', ...sscpProcess('archive', assessmentId, '--db', dbPath) });
        },
        onProgress: (p) => {
          if (p.phase === 'embed' && p.filesDone === 1 && !refusals.some((r) => r.step === 'attach')) {
            refusals.push({ step: 'attach', ...sscpProcess('attach', assessmentId, '1.1.2', extra, '--db', dbPath) });
          }
        },
      }),
    );
    expect(refusals.map((r) => r.step)).toEqual(['set', 'archive', 'attach']);
    for (const r of refusals) {
      expect(r.code, r.step).toBe(2);
      expect(r.err, r.step).toContain('is being signed and exported right now');
    }

    const ws = openWorkspace(dbPath);
    try {
      const detail = ws.getAssessment(assessmentId);
      expect(detail.assessment.state).toBe('signed');
      expect(ws.signedPack(assessmentId)?.packSha256).toBe(exported.sha256);
      expect(sha256Of(outPath)).toBe(exported.sha256);
      const pack = await readPackContents(outPath);
      const signed = pack.data.detail;
      expect(signed.responses).toEqual(detail.responses);
      expect(signed.links).toEqual(detail.links);
      expect(signed.evidence.map((e) => e.sha256)).toEqual(detail.evidence.map((e) => e.sha256));
      expect(detail.responses.find((r) => r.claimId === '1.1.1')?.evidenceText).toBe('As signed.');
      expect(ws.auditEntries(assessmentId).filter((e) => e.action === 'assessment.signed')).toHaveLength(1);
    } finally {
      ws.close();
    }
  });

  it('refuses every kind of edit through another connection while the export holds the assessment', async () => {
    const { dbPath, assessmentId } = await makeExportFixture(tmp.dir, 'every-edit', 1);
    const other = openWorkspace(dbPath);
    try {
      const before = other.getAssessment(assessmentId);
      const evidenceId = before.evidence[0]!.id;
      const actionHolder = other.addAction(assessmentId, { claimId: '1.1.1', description: 'Write the runbook' });
      const attempts: [string, () => unknown][] = [
        ['claim', () => other.updateClaim(assessmentId, '1.1.1', { result: 'not-met' })],
        ['fields', () => other.updateAssessment(assessmentId, { organisation: 'Someone else Ltd' })],
        ['add action', () => other.addAction(assessmentId, { claimId: '1.1.1', description: 'Another' })],
        ['update action', () => other.updateAction(actionHolder.id, { state: 'done' })],
        ['remove action', () => other.removeAction(actionHolder.id)],
        ['unlink', () => other.unlinkEvidence(assessmentId, '1.1.1', evidenceId)],
        ['link', () => other.linkEvidence(assessmentId, '1.1.2', evidenceId)],
        ['evidence details', () => other.updateEvidence(evidenceId, { description: 'rewritten' })],
        ['archive', () => other.archiveAssessment(assessmentId)],
        [
          'mark signed',
          () =>
            other.markSigned(assessmentId, {
              packSha256: 'a'.repeat(64),
              packId: 'p',
              signerFingerprint: 'f',
              signedAt: '2026-05-01T09:00:00.000Z',
              profile: 'customer',
            }),
        ],
      ];
      const seen: string[] = [];
      await withExportServices(dbPath, (ws, identities) =>
        exportOf(ws, identities, assessmentId, join(tmp.dir, 'every-edit.pdf'), {
          onStep: (step) => {
            if (step !== 'leased') return;
            for (const [what, attempt] of attempts) {
              expect(attempt, what).toThrow(expect.objectContaining(IN_PROGRESS));
              seen.push(what);
            }
          },
        }),
      );
      expect(seen).toHaveLength(attempts.length);
      await expect(other.replaceEvidence(evidenceId, join(tmp.dir, 'late-evidence.txt'))).rejects.toMatchObject({ kind: 'frozen' });
      // Carrying forward reads the assessment: it is allowed, during or after the export.
      expect(other.getAssessment(assessmentId).assessment.state).toBe('signed');
    } finally {
      other.close();
    }
  });

  it('a write that bypasses the services is stopped by the database itself', async () => {
    const { dbPath, assessmentId } = await makeExportFixture(tmp.dir, 'raw', 1);
    const raw = openDatabase(dbPath, { mustExist: true });
    try {
      await withExportServices(dbPath, (ws, identities) =>
        exportOf(ws, identities, assessmentId, join(tmp.dir, 'raw.pdf'), {
          onStep: (step) => {
            if (step !== 'leased') return;
            expect(() =>
              raw.prepare("UPDATE claim_responses SET evidence_text = 'sneaked in' WHERE assessment_id = ?").run(assessmentId),
            ).toThrow('export in progress');
            expect(() => raw.prepare('DELETE FROM evidence_links WHERE assessment_id = ?').run(assessmentId)).toThrow('export in progress');
            expect(() => raw.prepare("UPDATE evidence_items SET description = 'x'").run()).toThrow('export in progress');
          },
        }),
      );
    } finally {
      raw.close();
    }
  });

  it('if the assessment changed anyway (triggers dropped), the commit refuses: no pack, still a draft', async () => {
    const { dbPath, assessmentId } = await makeExportFixture(tmp.dir, 'changed', 1);
    const outPath = join(tmp.dir, 'changed.pdf');
    const raw = openDatabase(dbPath, { mustExist: true });
    try {
      const error = await withExportServices(dbPath, (ws, identities) =>
        exportOf(ws, identities, assessmentId, outPath, {
          onStep: (step) => {
            if (step !== 'built') return;
            raw.exec('DROP TRIGGER export_lease_freezes_response_update');
            raw
              .prepare("UPDATE claim_responses SET evidence_text = 'sneaked in' WHERE assessment_id = ? AND claim_id = '1.1.1'")
              .run(assessmentId);
          },
        }).catch((e: unknown) => e),
      );
      expect(error).toMatchObject({ kind: 'conflict', message: expect.stringContaining('changed while it was being signed') });
    } finally {
      raw.close();
    }
    expect(existsSync(outPath)).toBe(false);
    expect(leftovers(tmp.dir)).toEqual([]);
    const ws = openWorkspace(dbPath);
    try {
      expect(ws.getAssessment(assessmentId).assessment.state).toBe('draft');
      expect(ws.exportsInProgress()).toEqual([]);
    } finally {
      ws.close();
    }
  });

  it('two exports of one draft at once: exactly one pack, one record; the loser ends at once and writes nothing', async () => {
    const { dbPath, assessmentId } = await makeExportFixture(tmp.dir, 'twice', 2);
    const first = join(tmp.dir, 'twice-a.pdf');
    const second = join(tmp.dir, 'twice-b.pdf');
    const a = openWorkspace(dbPath);
    try {
      const results = await withExportServices(dbPath, (b, identities) =>
        Promise.allSettled([exportOf(a, identities, assessmentId, first), exportOf(b, identities, assessmentId, second)]),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toMatchObject({
        kind: 'export-in-progress',
        message: expect.stringContaining('Another export of this assessment is already in progress'),
      });
      // Either may take the assessment first (each checks its destination before it asks):
      // only the winner's pack exists, and it is the one recorded.
      const winner = results[0]!.status === 'fulfilled' ? first : second;
      const loser = winner === first ? second : first;
      expect([existsSync(winner), existsSync(loser)]).toEqual([true, false]);
      expect(a.signedPack(assessmentId)?.packSha256).toBe(sha256Of(winner));
      expect(a.auditEntries(assessmentId).filter((e) => e.action === 'assessment.signed')).toHaveLength(1);
      expect(leftovers(tmp.dir)).toEqual([]);
    } finally {
      a.close();
    }
  });

  it('a cancelled export releases the assessment and leaves no file', async () => {
    const { dbPath, assessmentId } = await makeExportFixture(tmp.dir, 'cancel', 2);
    const outPath = join(tmp.dir, 'cancel.pdf');
    const controller = new AbortController();
    await withExportServices(dbPath, async (ws, identities) => {
      await expect(
        exportOf(ws, identities, assessmentId, outPath, { signal: controller.signal, onStep: (s) => s === 'built' && controller.abort() }),
      ).rejects.toMatchObject({ kind: 'cancelled' });
      expect(ws.exportsInProgress()).toEqual([]);
      expect(ws.updateClaim(assessmentId, '1.1.1', { status: 'in-progress' }).status).toBe('in-progress');
    });
    expect(existsSync(outPath)).toBe(false);
    expect(leftovers(tmp.dir)).toEqual([]);
  });
});

describe('the desktop app meets the same refusal, in words', () => {
  const tmp = makeTempDir('export-lease-app');
  afterAll(() => tmp.cleanup());

  it('an edit and an export from the app while another process exports are refused with a message the app can show', async () => {
    const { dbPath, assessmentId } = await makeExportFixture(tmp.dir, 'app', 1);
    const held = await runUntilHeld(CHILD, [dbPath, assessmentId, join(tmp.dir, 'by-cli.pdf'), 'built'], 'at built');
    const grants = new PathGrants({ trustedDatabases: () => [] });
    const done = new Map<string, (d: ContractEvents['jobs.done']) => void>();
    const jobs = new JobRunner((event, payload) => {
      if (event === 'jobs.done') done.get((payload as ContractEvents['jobs.done']).jobId)?.(payload as ContractEvents['jobs.done']);
    });
    const { handlers, session } = createServiceHandlers({
      openWorkspace,
      actor: () => ({ name: 'Priya Raman', source: 'profile' }),
      jobs,
      keyStoreHome: keyStoreHomeFor(dbPath),
    });
    const dispatch = createDispatch(handlers as HandlerTable, grants);
    try {
      grants.grant(dbPath, 'database');
      expect(await dispatch('workspace.open', { dbPath })).toMatchObject({ ok: true });
      const edit = (await dispatch('claims.update', {
        assessmentId,
        claimId: '1.1.1',
        patch: { evidenceText: 'typed in the app' },
      })) as IpcResult<unknown>;
      expect(edit).toMatchObject({ ok: false, error: IN_PROGRESS });
      if (edit.ok) return;
      // The app shows the hint in its own words: it must not send the SRO to a command line.
      expect(appHintOf(edit.error)).toBeTruthy();
      expect(appHintOf(edit.error)).not.toMatch(/sscp|--/);

      const outPath = join(tmp.dir, 'by-app.pdf');
      grants.grant(outPath, 'write');
      const started = (await dispatch('packs.export', {
        assessmentId,
        identityLabel: LABEL,
        passphrase: PASSPHRASE,
        outPath,
        profile: 'certification',
        acceptExceptions: true,
      })) as IpcResult<{ jobId: string }>;
      if (!started.ok) throw new Error(started.error.message);
      const finished = await new Promise<ContractEvents['jobs.done']>((r) => done.set(started.value.jobId, r));
      expect(finished.result).toMatchObject({
        ok: false,
        error: { kind: 'export-in-progress', message: expect.stringContaining('Another export of this assessment is already in progress') },
      });
      if (!finished.result.ok) expect(appHintOf(finished.result.error)).not.toMatch(/sscp|--/);
      expect(existsSync(outPath)).toBe(false);
    } finally {
      session.close();
      await held.kill();
    }
  });
});
