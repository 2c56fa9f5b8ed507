import { chmodSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../main/services/workspace';
import { makeTempDir } from './temp-dir';

const mode = (path: string) => statSync(path).mode & 0o777;

/**
 * The database (with its audit log) and the evidence (some of it confidential) are readable by
 * their owner only, whatever the umask; an existing database or store keeps the mode its owner gave it.
 */
describe('file modes of a new database and evidence store', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let oldUmask: number;
  beforeEach(() => {
    tmp = makeTempDir('sscp-modes-');
    // The usual desktop umask, which would leave files readable by everyone.
    oldUmask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(oldUmask);
    tmp.cleanup();
  });

  it('creates the database and its -wal and -shm files 0600, the evidence folders 0700 and blobs 0600', async () => {
    const db = join(tmp.dir, 'assessments.sscp');
    const ws = openWorkspace(db);
    try {
      const a = ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
      const source = join(tmp.dir, 'policy.txt');
      writeFileSync(source, 'Our policy.\n');
      const item = await ws.attachEvidence(a.id, '1.1.1', source);
      expect(mode(db)).toBe(0o600);
      expect(existsSync(`${db}-wal`)).toBe(true);
      expect(mode(`${db}-wal`)).toBe(0o600);
      expect(mode(`${db}-shm`)).toBe(0o600);
      const evidence = `${db}.evidence`;
      expect(mode(evidence)).toBe(0o700);
      expect(mode(join(evidence, 'tmp'))).toBe(0o700);
      const prefix = join(evidence, item.sha256.slice(0, 2));
      expect(mode(prefix)).toBe(0o700);
      expect(readdirSync(prefix)).toEqual([item.sha256]);
      expect(mode(join(prefix, item.sha256))).toBe(0o600);
    } finally {
      ws.close();
    }
  });

  it('leaves the mode of an existing database and evidence folder as it was', () => {
    const db = join(tmp.dir, 'shared.sscp');
    openWorkspace(db).close();
    chmodSync(db, 0o640);
    chmodSync(`${db}.evidence`, 0o750);
    const ws = openWorkspace(db, { mustExist: true });
    ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
    ws.close();
    expect(mode(db)).toBe(0o640);
    expect(mode(`${db}.evidence`)).toBe(0o750);
  });
});
