import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFile } from '../../../main/evidence/index';
import { buildPack } from '../../../main/pack/build-pack';
import { openWorkspace } from '../../../main/services/workspace';
import { runAndKill, type KillMoment } from '../../helpers/kill-harness';
import { makePackInput } from '../pack/fixtures';
import { makeSigner, makeTempDir, snapshot } from './helpers';

const CHILD = fileURLToPath(new URL('./fixtures/import-child.ts', import.meta.url));
const LARGE = 24 * 1024 * 1024;

interface KillPlan extends KillMoment {
  readonly label: string;
}

function fraction(phase: string, at: number): (line: string) => boolean {
  return (line) => {
    const m = /^progress (\w+) (\d+) (\d+)$/.exec(line);
    return m !== null && m[1] === phase && Number(m[3]) > 0 && Number(m[2]) / Number(m[3]) >= at;
  };
}

function plans(): KillPlan[] {
  const out: KillPlan[] = [];
  for (const delay of [0, 10]) out.push({ label: `ready +${delay}ms`, when: (l) => l === 'ready', extraDelayMs: delay });
  for (const at of [0.2, 0.7]) out.push({ label: `verifying ${at}`, when: fraction('verify', at), extraDelayMs: 0 });
  // Two large files: kills inside the first, between them, inside the second.
  for (const at of [0.05, 0.3, 0.5, 0.55, 0.8, 0.97]) out.push({ label: `storing ${at}`, when: fraction('store', at), extraDelayMs: 0 });
  // After the last byte: during fsync, rename, the transaction and its commit.
  for (const delay of [0, 0, 1, 2, 4, 8, 15])
    out.push({ label: `recording +${delay}ms`, when: (l) => l.startsWith('progress record'), extraDelayMs: delay });
  return out;
}

describe('SIGKILL during a pack import', () => {
  const tmp = makeTempDir('import-kill');
  let packPath: string;
  beforeAll(async () => {
    const signer = await makeSigner(false);
    const big = (name: string) => ({ fileName: name, mediaType: 'application/zip', content: randomBytes(LARGE), claims: ['1.1.1'] });
    packPath = join(tmp.dir, 'big.pdf');
    await buildPack(makePackInput(tmp.dir, signer.signer, {}, [big('first.zip'), big('second.zip')]), packPath);
  });
  afterAll(() => tmp.cleanup());

  it('leaves the database as it was, or the import whole, and every stored blob complete', async () => {
    let kills = 0;
    let completed = 0;
    let orphansSeen = 0;
    for (const [i, plan] of plans().entries()) {
      const dbPath = join(tmp.dir, `kill-${i}.sscp`);
      const setup = openWorkspace(dbPath);
      setup.createAssessment({ organisation: 'Already here Ltd', role: 'reseller' });
      setup.close();
      const before = snapshot(dbPath);

      const { killed, lines } = await runAndKill(CHILD, [dbPath, packPath], plan);
      if (killed) kills += 1;
      const finished = lines.some((l) => l.startsWith('imported '));

      const ws = openWorkspace(dbPath);
      try {
        const tmpDir = join(`${dbPath}.evidence`, 'tmp');
        expect(existsSync(tmpDir) ? readdirSync(tmpDir) : [], `${plan.label}: tmp/ cleaned at open`).toEqual([]);
        const report = await ws.checkIntegrity();
        expect(report.problems, plan.label).toEqual([]);
        const after = snapshot(dbPath);
        const imported = after.counts.imports === 1;
        if (finished) expect(imported, plan.label).toBe(true);
        if (imported) {
          completed += 1;
          expect(after.counts.assessments, plan.label).toBe(before.counts.assessments! + 1);
          const [summary] = ws.listAssessments().filter((s) => s.assessment.origin === 'imported-pack');
          const detail = ws.getAssessment(summary!.assessment.id);
          expect(
            detail.evidence.every((e) => e.present),
            plan.label,
          ).toBe(true);
          expect(
            ws.auditEntries(detail.assessment.id).map((e) => e.action),
            plan.label,
          ).toEqual(['assessment.imported']);
        } else {
          expect(after.counts, plan.label).toEqual(before.counts);
          if (report.evidence.unreferenced.length > 0) orphansSeen += 1;
        }
        // Every blob on disk, referenced or not, hashes to its name.
        for (const sha of [...report.evidence.unreferenced, ...ws.listEvidence().map((e) => e.item.sha256)]) {
          expect((await hashFile(ws.evidenceBlobPath(sha))).sha256, plan.label).toBe(sha);
        }
      } finally {
        ws.close();
      }
    }
    expect(kills).toBeGreaterThanOrEqual(10);
    // A kill after the first file was stored left a complete orphan blob (acceptable: whole
    // and harmless), so the case the rules exist for did happen.
    expect(orphansSeen).toBeGreaterThan(0);
    console.info(`import kills: ${kills} killed, ${completed} completed before the kill landed`);
    // 17 child processes one after another: on a loaded machine that passes 120 s while doing nothing wrong.
  }, 600_000);
});
