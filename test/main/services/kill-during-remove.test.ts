import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFile } from '../../../main/evidence/index';
import { openWorkspace } from '../../../main/services/workspace';
import { copyDatabase } from '../../helpers/copy-database';
import { runAndKill, type KillMoment } from '../../helpers/kill-harness';
import { makeTempDir } from '../evidence/temp-dir';

const CHILD = fileURLToPath(new URL('./fixtures/remove-child.ts', import.meta.url));
/** Items removed in one go, each with bytes of its own, so the file deletions take a while. */
const REMOVED = 80;
/** Items removed whose bytes a kept item also holds: their files must survive whatever happens. */
const SHARED = 10;

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = makeTempDir('sscp-kill-remove-')));
afterAll(() => cleanup());

interface Setup {
  readonly dbPath: string;
  readonly draftId: string;
  readonly removeIds: string[];
  readonly removedShas: string[];
  readonly keptShas: string[];
}

/** The starting state, built once: each kill gets a copy of it (test/helpers/copy-database.ts). */
async function setUp(): Promise<Setup> {
  const dbPath = join(dir, 'start.sscp');
  const ws = openWorkspace(dbPath);
  try {
    const draft = ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
    const removeIds: string[] = [];
    const removedShas: string[] = [];
    const keptShas: string[] = [];
    const file = (name: string, bytes: Buffer) => {
      const p = join(dir, name);
      writeFileSync(p, bytes);
      return p;
    };
    for (let i = 0; i < REMOVED; i += 1) {
      const item = await ws.attachEvidence(draft.id, i % 2 === 0 ? '1.1.1' : '1.2.1', file(`r${i}.bin`, randomBytes(2048)));
      removeIds.push(item.id);
      removedShas.push(item.sha256);
    }
    for (let i = 0; i < SHARED; i += 1) {
      const bytes = randomBytes(1024);
      const kept = await ws.attachEvidence(draft.id, '1.3.1', file(`k${i}.bin`, bytes));
      const twin = await ws.attachEvidence(draft.id, '2.1.1', file(`t${i}.bin`, bytes));
      keptShas.push(kept.sha256);
      removeIds.push(twin.id);
    }
    return { dbPath, draftId: draft.id, removeIds, removedShas, keptShas };
  } finally {
    ws.close();
  }
}

const plans: (KillMoment & { label: string })[] = [
  // In the removal's transaction (or just before it).
  ...[0, 1, 3, 6, 10, 20].map((d) => ({ label: `ready +${d}ms`, when: (l: string) => l === 'ready', extraDelayMs: d })),
  // While its files are being deleted, after the commit.
  ...[0, 1, 2, 4, 8, 15].map((d) => ({ label: `removed +${d}ms`, when: (l: string) => l.startsWith('removed '), extraDelayMs: d })),
];

describe('SIGKILL during a removal from the library', () => {
  it('leaves the old state or the new one, never a missing file, and the next open finishes the deletion', async () => {
    const outcomes = { old: 0, removed: 0, filesLeft: 0, kills: 0 };
    const start = await setUp();
    let n = 0;
    for (const plan of plans) {
      const s = { ...start, dbPath: join(dir, `kill-${n++}.sscp`) };
      copyDatabase(start.dbPath, s.dbPath);
      const { killed } = await runAndKill(CHILD, [s.dbPath, ...s.removeIds], plan);
      if (killed) outcomes.kills += 1;

      // What `sscp check` sees on a read-only copy before anything finishes the work: no damage.
      const ro = openWorkspace(s.dbPath, { readOnly: true, mustExist: true });
      try {
        const report = await ro.checkIntegrity();
        expect(report.problems, plan.label).toEqual([]);
        expect(report.evidence.missing, plan.label).toEqual([]);
        const left = ro.listEvidence().length;
        // All or nothing: every chosen item is there with its links and no audit entry, or none is.
        expect([REMOVED + 2 * SHARED, SHARED], plan.label).toContain(left);
        const links = ro.getAssessment(s.draftId).links.length;
        const removedEntries = ro.auditEntries(s.draftId).filter((e) => e.action === 'evidence.removed').length;
        if (left === SHARED) {
          outcomes.removed += 1;
          expect(links, plan.label).toBe(SHARED);
          expect(removedEntries, plan.label).toBe(REMOVED + SHARED);
          if (s.removedShas.some((sha) => existsSync(ro.evidenceBlobPath(sha)))) outcomes.filesLeft += 1;
        } else {
          outcomes.old += 1;
          expect(links, plan.label).toBe(REMOVED + 2 * SHARED);
          expect(removedEntries, plan.label).toBe(0);
        }
      } finally {
        ro.close();
      }

      // The next open for changes finishes what was begun: the bytes nothing uses go, shared ones stay.
      const ws = openWorkspace(s.dbPath);
      try {
        const report = await ws.checkIntegrity();
        expect(report.problems, plan.label).toEqual([]);
        for (const sha of s.keptShas) expect((await hashFile(ws.evidenceBlobPath(sha))).sha256, plan.label).toBe(sha);
        if (ws.listEvidence().length === SHARED) {
          expect(report.evidence.unreferenced, plan.label).toEqual([]);
          for (const sha of s.removedShas) expect(existsSync(ws.evidenceBlobPath(sha)), plan.label).toBe(false);
        }
      } finally {
        ws.close();
      }
    }
    expect(outcomes.kills).toBeGreaterThanOrEqual(8);
    // Both sides of the commit were hit, and a kill left files behind that the open then deleted.
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.removed).toBeGreaterThan(0);
    expect(outcomes.filesLeft).toBeGreaterThan(0);
  });
});
