import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckJson } from '../../main/cli/commands/check';
import type { RemoveEvidenceJson } from '../../main/cli/commands/remove-evidence';
import { openWorkspace } from '../../main/services/workspace';
import { sscp, tempFolder } from './run-sscp';

let dir: string;
let db: string;
let cleanup: () => void;
let draft: string;
let signed: string;
beforeEach(async () => {
  ({ dir, db, cleanup } = tempFolder());
  draft = (await sscp('new', '--db', db, '--org', 'Draft Co', '--role', 'developer-distributor')).out.trim();
  signed = (await sscp('new', '--db', db, '--org', 'Signed Co', '--role', 'developer-distributor')).out.trim();
});
afterEach(() => cleanup());

function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Two items in the draft (one also on a claim of the signed one), the signed one then signed. */
async function setUp(): Promise<{ free: string; cited: string }> {
  expect((await sscp('attach', draft, '1.1.1', file('free.pdf', 'free bytes'), '--db', db)).code).toBe(0);
  expect((await sscp('attach', draft, '1.1.2', file('cited\u202Egpj.exe', 'cited bytes'), '--db', db)).code).toBe(0);
  const ws = openWorkspace(db);
  try {
    const items = ws.listEvidence().map((e) => e.item);
    const free = items.find((i) => i.sha256 === sha('free bytes'))!.id;
    const cited = items.find((i) => i.sha256 === sha('cited bytes'))!.id;
    ws.linkEvidence(draft, '1.2.1', free);
    ws.linkEvidence(signed, '1.1.1', cited);
    ws.markSigned(signed, {
      packSha256: 'a'.repeat(64),
      packId: 'p',
      signerFingerprint: 'AB',
      signedAt: '2026-03-31T10:00:00.000Z',
      profile: 'customer',
    });
    return { free, cited };
  } finally {
    ws.close();
  }
}

const blob = (s: string) => join(`${db}.evidence`, sha(s).slice(0, 2), sha(s));

describe('sscp remove-evidence', () => {
  it('removes an item by SHA-256 from every draft claim and deletes its stored file', async () => {
    const { free } = await setUp();
    const dry = await sscp('remove-evidence', sha('free bytes'), '--db', db, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(
      'Would remove 1 file from the library; 2 claims in 1 draft assessment would lose them; 1 stored file would be deleted.',
    );
    expect(dry.out).toContain('(on Draft Co 1.1.1, Draft Co 1.2.1)');
    expect(existsSync(blob('free bytes'))).toBe(true);

    const r = await sscp('remove-evidence', free, '--db', db, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as RemoveEvidenceJson;
    expect(json).toMatchObject({
      dryRun: false,
      removed: [{ id: free, sha256: sha('free bytes'), fileName: 'free.pdf' }],
      storedFilesDeleted: 1,
    });
    expect(json.claims.map((c) => c.claimId)).toEqual(['1.1.1', '1.2.1']);
    expect(existsSync(blob('free bytes'))).toBe(false);
    const show = await sscp('show', draft, '--db', db, '--json');
    expect(show.out).not.toContain(free);
    const log = await sscp('log', draft, '--db', db);
    expect(log.out).toContain('Evidence removed from the library');
    const check = JSON.parse((await sscp('check', '--db', db, '--json')).out) as CheckJson;
    expect(check.ok).toBe(true);
    expect(check.evidence.unreferenced).toEqual([]);
  });

  it('refuses evidence a signed assessment cites, naming it, exit 2 and nothing changed; --skip-signed removes the rest', async () => {
    const { free, cited } = await setUp();
    const refused = await sscp('remove-evidence', free, cited, '--db', db);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`assessment of Signed Co signed on 2026-03-31 (${signed})`);
    expect(refused.err).toContain('--dry-run');
    // The hostile name is shown escaped, never raw.
    expect(refused.err).toContain('citedgpj.exe');
    expect(existsSync(blob('free bytes'))).toBe(true);
    expect((await sscp('show', draft, '--db', db, '--json')).out).toContain(free);

    const dry = await sscp('remove-evidence', free, cited, '--db', db, '--dry-run');
    expect(dry.out).toContain(`Signed Co (${signed}, signed on 2026-03-31) keeps citedgpj.exe`);

    const skipped = await sscp('remove-evidence', free, cited, '--db', db, '--skip-signed');
    expect(skipped.code).toBe(0);
    expect(skipped.out).toContain('Removed 1 file from the library');
    expect(skipped.out).toContain('Kept, because signed or archived assessments cite them');
    expect(existsSync(blob('cited bytes'))).toBe(true);
    expect(existsSync(blob('free bytes'))).toBe(false);
  });

  it('refuses an unknown item before changing anything', async () => {
    const { free } = await setUp();
    const r = await sscp('remove-evidence', free, 'no-such-item', '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain('There is no evidence with id or SHA-256 no-such-item');
    expect(existsSync(blob('free bytes'))).toBe(true);
  });
});
