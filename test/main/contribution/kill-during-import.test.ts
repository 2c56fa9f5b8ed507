import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAndKill, type KillMoment } from '../../helpers/kill-harness';
import { cli } from '../import/helpers';
import { contribute, makeContributor, makeTempDir, snapshot, sroDatabase, type Contributor } from './helpers';

const CHILD = fileURLToPath(new URL('./fixtures/import-child.ts', import.meta.url));

function storing(at: number): (line: string) => boolean {
  return (line) => {
    const m = /^progress store (\d+) (\d+)$/.exec(line);
    return m !== null && Number(m[1]) / Number(m[2]) >= at;
  };
}

/**
 * SIGKILL at any moment of a contribution import leaves it either not imported (and then it
 * imports cleanly) or imported whole (and then it is recognised): never a contribution
 * without its claims or files, never a change to the assessment's answers or evidence.
 */
describe('SIGKILL during a contribution import', () => {
  const tmp = makeTempDir('contrib-kill');
  let owner: Contributor;
  let file: string;
  beforeAll(async () => {
    owner = await makeContributor('Kim Killer');
    const a = join(tmp.dir, 'a.bin');
    const b = join(tmp.dir, 'b.bin');
    writeFileSync(a, randomBytes(6 * 1024 * 1024));
    writeFileSync(b, randomBytes(6 * 1024 * 1024));
    file = join(tmp.dir, 'big.sscp-contribution');
    await contribute(owner, file, [
      { claimId: '1.2.1', result: 'met', files: [a] },
      { claimId: '1.2.2', status: 'done', files: [b] },
    ]);
  });
  afterAll(() => tmp.cleanup());

  const moments: (KillMoment & { label: string })[] = [
    { label: 'ready', when: (l) => l === 'ready', extraDelayMs: 0 },
    { label: 'verified', when: (l) => l === 'verified', extraDelayMs: 0 },
    { label: 'storing 30%', when: storing(0.3), extraDelayMs: 0 },
    { label: 'storing 75%', when: storing(0.75), extraDelayMs: 0 },
    { label: 'stored +0ms', when: storing(1), extraDelayMs: 0 },
    { label: 'stored +3ms', when: storing(1), extraDelayMs: 3 },
    { label: 'stored +10ms', when: storing(1), extraDelayMs: 10 },
  ];

  for (const moment of moments) {
    it(`killed at ${moment.label}: all or nothing, and the next import agrees`, async () => {
      const db = join(tmp.dir, `${moment.label.replace(/\W+/g, '-')}.sscp`);
      const id = sroDatabase(db);
      const before = snapshot(db);
      await runAndKill(CHILD, [file, db, owner.fingerprint], moment);
      const after = snapshot(db);
      expect(after.counts.answers).toBe(before.counts.answers);
      expect(after.counts.evidence_items).toBe(before.counts.evidence_items);
      const raw = new Database(db, { readonly: true });
      const rows = { contributions: 0, claims: 0, files: 0 };
      try {
        rows.contributions = raw.prepare('SELECT count(*) FROM contributions').pluck().get() as number;
        rows.claims = raw.prepare('SELECT count(*) FROM contribution_claims').pluck().get() as number;
        rows.files = raw.prepare('SELECT count(*) FROM contribution_files').pluck().get() as number;
      } finally {
        raw.close();
      }
      expect([
        { contributions: 0, claims: 0, files: 0 },
        { contributions: 1, claims: 2, files: 2 },
      ]).toContainEqual(rows);
      const again = await cli('import', file, '--db', db, '--fingerprint', owner.fingerprint, '--json');
      if (rows.contributions === 0) {
        expect(again.code, again.stderr).toBe(0);
        expect(JSON.parse(again.stdout)).toMatchObject({ imported: true, assessmentId: id });
      } else {
        expect(again.code).toBe(2);
        expect(again.stderr).toContain('was already imported');
      }
      const review = await cli('review', id, '--db', db, '--json');
      expect((JSON.parse(review.stdout) as { contributions: unknown[] }).contributions).toHaveLength(2);
      const check = await cli('check', '--db', db);
      expect(check.code, check.stdout + check.stderr).toBe(0);
    }, 120_000);
  }
});
