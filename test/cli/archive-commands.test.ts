import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CarryForwardJson } from '../../main/cli/commands/carry-forward';
import type { ListJson } from '../../main/cli/commands/list';
import type { ShowJson } from '../../main/cli/commands/show';
import { openWorkspace } from '../../main/services/workspace';
import { sscp, tempFolder } from './run-sscp';

let db: string;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = tempFolder()));
afterEach(() => cleanup());

const PACK = {
  packSha256: 'c'.repeat(64),
  packId: 'pack-2025',
  signerFingerprint: 'AB:CD',
  signedAt: '2026-01-20T09:00:00.000Z',
  profile: 'customer',
};

async function newAssessment(org: string, ...extra: string[]): Promise<string> {
  const r = await sscp('new', '--db', db, '--org', org, '--role', 'developer-distributor', ...extra);
  expect(r.code, r.err).toBe(0);
  return r.out.trim();
}

/** Signs through the workspace (as export does after writing the pack), so the CLI sees a real signed row. */
function markSigned(id: string): void {
  const ws = openWorkspace(db, { mustExist: true });
  try {
    ws.markSigned(id, PACK);
  } finally {
    ws.close();
  }
}

const listJson = async (...extra: string[]) => JSON.parse((await sscp('list', '--db', db, '--json', ...extra)).out) as ListJson;

describe('sscp archive / unarchive', () => {
  it('hides an archived assessment from list, says how many are hidden, and --all shows it', async () => {
    const old = await newAssessment('Acme 2025', '--period-start', '2025-01-01', '--period-end', '2025-12-31');
    const current = await newAssessment('Acme 2026');
    markSigned(old);

    const archived = await sscp('archive', old, '--db', db);
    expect(archived).toEqual({ code: 0, out: `Archived Acme 2025 (${old}). sscp list hides it; sscp list --all shows it.\n`, err: '' });

    const human = await sscp('list', '--db', db);
    expect(human.out).toContain(current);
    expect(human.out).not.toContain(old);
    expect(human.out).toContain('1 archived assessment hidden; sscp list --all shows it.\n');
    const all = await sscp('list', '--db', db, '--all');
    expect(all.out).toMatch(new RegExp(`${old} {2}archived`));
    expect(all.out).not.toContain('hidden');

    const json = await listJson();
    expect(json.assessments.map((a) => a.id)).toEqual([current]);
    expect(json.archivedHidden).toBe(1);
    const jsonAll = await listJson('--all');
    expect(jsonAll.assessments.find((a) => a.id === old)).toMatchObject({ state: 'archived', signedAt: PACK.signedAt });
    expect(jsonAll.archivedHidden).toBe(0);
  });

  it('unarchives a signed assessment back to signed with its pack record, and a draft back to draft', async () => {
    const signed = await newAssessment('Signed Co');
    const draft = await newAssessment('Trial run');
    markSigned(signed);
    await sscp('archive', signed, '--db', db);
    await sscp('archive', draft, '--db', db);

    expect((await sscp('unarchive', signed, '--db', db)).out).toBe(`Unarchived Signed Co (${signed}): it is signed again.\n`);
    expect((await sscp('unarchive', draft, '--db', db)).out).toBe(`Unarchived Trial run (${draft}): it is draft again.\n`);
    const show = JSON.parse((await sscp('show', signed, '--db', db, '--json')).out) as ShowJson;
    expect(show.assessment.state).toBe('signed');
    expect(show.signedPack).toEqual(PACK);
  });

  it('says when nothing changed, and refuses edits to an archived draft with the unarchive hint', async () => {
    const id = await newAssessment('Acme');
    await sscp('archive', id, '--db', db);
    expect((await sscp('archive', id, '--db', db)).out).toBe(`Acme (${id}) is already archived; nothing changed.\n`);
    const set = await sscp('set', id, '1.1.1', '--db', db, '--status', 'done');
    expect(set.code).toBe(2);
    expect(set.err).toContain('This draft assessment has been archived');
    expect(set.err).toContain('sscp unarchive ID --db FILE');
  });

  it('carries forward from an archived signed assessment, leaving it archived', async () => {
    const old = await newAssessment('Acme', '--period-start', '2025-01-01', '--period-end', '2025-12-31');
    await sscp('set', old, '1.1.1', '--db', db, '--result', 'met', '--status', 'done');
    markSigned(old);
    await sscp('archive', old, '--db', db);
    const r = await sscp('carry-forward', old, '--db', db, '--json');
    expect(r.code, r.err).toBe(0);
    const carried = JSON.parse(r.out) as CarryForwardJson;
    expect(carried).toMatchObject({ previousId: old, periodStart: '2026-01-01', periodEnd: '2026-12-31' });
    const json = await listJson('--all');
    expect(json.assessments.find((a) => a.id === old)?.state).toBe('archived');
    expect(json.assessments.find((a) => a.id === carried.assessmentId)).toMatchObject({
      state: 'draft',
      origin: 'carried-forward',
      previousId: old,
    });
  });

  it('exits 2 with a hint for an unknown id', async () => {
    await newAssessment('Acme');
    for (const command of ['archive', 'unarchive']) {
      const r = await sscp(command, 'no-such-id', '--db', db);
      expect(r.code).toBe(2);
      expect(r.err).toContain('There is no assessment with id no-such-id.');
      expect(r.err).toContain('sscp list');
    }
  });
});
