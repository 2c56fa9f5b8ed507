import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../main/pack/build-pack';
import { openWorkspace } from '../../main/services/workspace';
import { snapshot } from '../main/import/helpers';
import { makePackInput, makeSigner, makeTempDir, type TestSigner } from '../main/pack/fixtures';
import { childEntry } from '../setup/child-bundle';

const CHILD = resolve(import.meta.dirname, 'fixtures/interrupt-child.ts');
/** Two files stored as they are: a pack big enough that the command is still reading when Ctrl-C lands. */
const FILE_BYTES = 24 * 1024 * 1024;

interface Interrupted {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly sent: boolean;
}

/** The command in a process of its own, which sends itself SIGINT once its progress line shows 5 %. */
async function interrupted(argv: readonly string[]): Promise<Interrupted> {
  const r = spawnSync(process.execPath, [await childEntry(CHILD), '5', ...argv], {
    encoding: 'utf8',
    env: { ...process.env, SSCP_DEBUG: '' },
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`child failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Interrupted;
}

describe('Ctrl-C during sscp verify and sscp import of a pack', () => {
  const tmp = makeTempDir('verify-import-interrupt');
  let signer: TestSigner;
  let pack: string;
  beforeAll(async () => {
    signer = await makeSigner(false);
    const big = (name: string) => ({ fileName: name, mediaType: 'application/zip', content: randomBytes(FILE_BYTES), claims: ['1.1.1'] });
    pack = join(tmp.dir, 'big.pdf');
    await buildPack(makePackInput(tmp.dir, signer.signer, {}, [big('first.zip'), big('second.zip')]), pack);
  }, 120_000);
  afterAll(() => tmp.cleanup());

  it('verify stops: exit 130, says it was stopped and that it proves nothing, prints no verdict', async () => {
    const run = await interrupted(['verify', pack, '--fingerprint', signer.fingerprint]);
    expect(run.sent).toBe(true);
    expect(run.code).toBe(130);
    expect(run.err).toMatch(/Stopping the check \(SIGINT\)/);
    expect(run.err).toMatch(/Checking big\.pdf was stopped before it finished, so it says nothing about the pack\./);
    expect(run.out).toBe('');
  }, 120_000);

  it('import into a new database stops: exit 130, no database, no evidence folder', async () => {
    const dbPath = join(tmp.dir, 'new.sscp');
    const run = await interrupted(['import', pack, '--db', dbPath, '--fingerprint', signer.fingerprint]);
    expect(run.sent).toBe(true);
    expect(run.code).toBe(130);
    expect(run.err).toMatch(/Stopping the import \(SIGINT\)/);
    expect(run.err).toMatch(/Importing big\.pdf was cancelled; nothing was recorded\./);
    expect(existsSync(dbPath)).toBe(false);
    expect(existsSync(`${dbPath}.evidence`)).toBe(false);
  }, 120_000);

  it('import into an existing database stops: exit 130, nothing recorded, no file left in its evidence store', async () => {
    const dbPath = join(tmp.dir, 'existing.sscp');
    const ws = openWorkspace(dbPath);
    ws.createAssessment({ organisation: 'Already here Ltd', role: 'reseller' });
    ws.close();
    const before = snapshot(dbPath);
    const run = await interrupted(['import', pack, '--db', dbPath, '--fingerprint', signer.fingerprint]);
    expect(run.sent).toBe(true);
    expect(run.code).toBe(130);
    expect(snapshot(dbPath)).toEqual(before);
    expect(readdirSync(join(`${dbPath}.evidence`, 'tmp'))).toEqual([]);
  }, 120_000);
});
