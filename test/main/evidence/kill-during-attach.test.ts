import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFile } from '../../../main/evidence/index';
import { openWorkspace } from '../../../main/services/workspace';
import { runAndKill, type KillMoment } from '../../helpers/kill-harness';
import { makeTempDir } from './temp-dir';

const CHILD = fileURLToPath(new URL('./fixtures/attach-child.ts', import.meta.url));
const LARGE = 48 * 1024 * 1024;

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = makeTempDir('sscp-kill-')));
afterAll(() => cleanup());

/** A kill moment, with the files the child attaches and a name for the assertion messages. */
interface KillPlan extends KillMoment {
  readonly label: string;
  readonly files: readonly string[];
}

function writeSource(name: string, size: number): string {
  const path = join(dir, name);
  // Distinct bytes at the start make every file a new blob; the rest stays cheap to write.
  const content = Buffer.alloc(size);
  randomBytes(64).copy(content);
  writeFileSync(path, content);
  return path;
}

function plans(): KillPlan[] {
  const out: KillPlan[] = [];
  let n = 0;
  const large = () => [writeSource(`large-${n++}.bin`, LARGE)];
  const smalls = () => Array.from({ length: 40 }, () => writeSource(`small-${n++}.txt`, 64 * 1024));
  // During the stream, at different fractions of the copy.
  for (const fraction of [0.05, 0.3, 0.6, 0.9]) {
    out.push({ label: `stream ${fraction}`, files: large(), when: (l) => progressFraction(l) >= fraction, extraDelayMs: 0 });
  }
  // Right after the last byte: during fsync, rename, fsync of the folder, or the commit.
  for (const delay of [0, 0, 1, 2, 4, 8, 15]) {
    out.push({ label: `after copy +${delay}ms`, files: large(), when: (l) => progressFraction(l) >= 1, extraDelayMs: delay });
  }
  // Many small attaches back to back: a kill lands on rename and commit boundaries.
  for (const [after, delay] of [
    [1, 0],
    [3, 1],
    [5, 2],
    [8, 3],
    [12, 5],
    [2, 7],
    [6, 0],
  ] as const) {
    out.push({ label: `small files after ${after} +${delay}ms`, files: smalls(), when: (l) => doneCount(l, after), extraDelayMs: delay });
  }
  // Early: while opening the database and starting the first copy.
  for (const delay of [0, 5, 20]) out.push({ label: `ready +${delay}ms`, files: large(), when: (l) => l === 'ready', extraDelayMs: delay });
  return out;
}

let doneSeen = 0;
function doneCount(line: string, after: number): boolean {
  if (line.startsWith('done ')) doneSeen += 1;
  return doneSeen >= after;
}

function progressFraction(line: string): number {
  const m = /^progress (\d+) (\d+)$/.exec(line);
  return m ? Number(m[1]) / Number(m[2]) : -1;
}

describe('SIGKILL during attach', () => {
  it('always leaves a database that opens, verifies, and has every recorded file whole', async () => {
    const dbPath = join(dir, 'kill.sscp');
    const setup = openWorkspace(dbPath);
    const assessmentId = setup.createAssessment({ organisation: 'Acme', role: 'developer-distributor' }).id;
    setup.close();
    const tmpDir = join(`${dbPath}.evidence`, 'tmp');

    let kills = 0;
    let leftoversSeen = 0;
    for (const plan of plans()) {
      doneSeen = 0;
      const { killed } = await runAndKill(CHILD, [dbPath, assessmentId, '1.1.1', ...plan.files], plan);
      if (killed) kills += 1;
      if (existsSync(tmpDir) && readdirSync(tmpDir).length > 0) leftoversSeen += 1;

      const ws = openWorkspace(dbPath);
      try {
        expect(readdirSync(tmpDir), `${plan.label}: tmp/ cleaned at open`).toEqual([]);
        const report = await ws.checkIntegrity();
        expect(report.problems, plan.label).toEqual([]);
        expect(report.sqlite.ok, plan.label).toBe(true);
        expect(report.auditChain.ok, plan.label).toBe(true);
        expect(report.evidence.missing.length + report.evidence.mismatched.length, plan.label).toBe(0);
        expect(report.evidence.strays, plan.label).toEqual([]);
        // Every file outside tmp/ is whole: its bytes hash to its name (referenced or not).
        for (const sha of [...report.evidence.unreferenced, ...ws.listEvidence().map((e) => e.item.sha256)]) {
          expect((await hashFile(ws.evidenceBlobPath(sha))).sha256, plan.label).toBe(sha);
        }
        // Every evidence row came with its link and its audit entry, or not at all.
        const detail = ws.getAssessment(assessmentId);
        const attached = ws.auditEntries(assessmentId).filter((e) => e.action === 'evidence.attached');
        expect(detail.links.length, plan.label).toBe(detail.evidence.length);
        expect(attached.length, plan.label).toBe(detail.evidence.length);
      } finally {
        ws.close();
      }
    }
    expect(kills).toBeGreaterThanOrEqual(15);
    // The scenario the cleanup exists for did happen: a kill mid-copy left a temp file.
    expect(leftoversSeen).toBeGreaterThan(0);
  });
});
