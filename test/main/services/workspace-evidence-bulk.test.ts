import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caught, makeWorkspace, type WorkspaceFixture } from './workspace-fixture';

let f: WorkspaceFixture;
beforeEach(() => {
  f = makeWorkspace();
});
afterEach(() => f.cleanup());

async function library(n: number) {
  const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
  const items = [];
  for (let i = 1; i <= n; i += 1) items.push(await f.ws.attachEvidence(a.id, '1.1.1', f.file(`item ${i}.txt`, `bytes ${i}`)));
  return { a, items };
}

describe('workspace: bulk evidence changes', () => {
  it('sets expiry and confidentiality on many items at once, one audit entry per item', async () => {
    const { a, items } = await library(3);
    const before = f.ws.auditEntries(a.id).length;
    const changed = f.ws.updateEvidenceMany(
      items.map((i) => i.id),
      { expiryDate: '2027-06-30', confidential: true },
    );
    expect(changed.map((i) => [i.id, i.expiryDate, i.confidential])).toEqual(items.map((i) => [i.id, '2027-06-30', true]));
    for (const i of items) expect(f.ws.getEvidence(i.id)).toMatchObject({ expiryDate: '2027-06-30', confidential: true });
    const entries = f.ws.auditEntries(a.id).slice(before);
    expect(entries.map((e) => [e.action, e.detail.evidenceId, e.detail.bulk])).toEqual(items.map((i) => ['evidence.updated', i.id, 3]));
  });

  it('changes nothing when one id in the middle does not exist', async () => {
    const { a, items } = await library(3);
    const before = f.ws.auditEntries(a.id).length;
    const e = await caught(() => f.ws.updateEvidenceMany([items[0]!.id, 'no-such-id', items[2]!.id], { confidential: true }));
    expect(e.kind).toBe('not-found');
    for (const i of items) expect(f.ws.getEvidence(i.id).confidential).toBe(false);
    expect(f.ws.auditEntries(a.id)).toHaveLength(before);
  });

  it('changes nothing when the date does not fit one item', async () => {
    const { a, items } = await library(3);
    f.ws.updateEvidence(items[1]!.id, { effectiveDate: '2027-01-01' });
    const before = f.ws.auditEntries(a.id).length;
    const e = await caught(() =>
      f.ws.updateEvidenceMany(
        items.map((i) => i.id),
        { expiryDate: '2026-12-31' },
      ),
    );
    expect(e.message).toBe('The expiry date 2026-12-31 is before the effective date 2027-01-01.');
    for (const i of items) expect(f.ws.getEvidence(i.id).expiryDate).toBeNull();
    expect(f.ws.auditEntries(a.id)).toHaveLength(before);
  });

  it('refuses an empty selection with a hint', async () => {
    const e = await caught(() => f.ws.updateEvidenceMany([], { confidential: true }));
    expect(e).toMatchObject({ kind: 'invalid-input', message: 'No evidence was chosen.' });
  });

  it('links many items to a claim in one go, skipping those already linked', async () => {
    const { a, items } = await library(3);
    f.ws.linkEvidence(a.id, '1.2.1', items[0]!.id);
    const before = f.ws.auditEntries(a.id).length;
    const reply = f.ws.linkEvidenceMany(
      a.id,
      '1.2.1',
      items.map((i) => i.id),
    );
    expect(reply.linked).toBe(2);
    const links = f.ws.getAssessment(a.id).links.filter((l) => l.claimId === '1.2.1');
    expect(links.map((l) => l.evidenceId).sort()).toEqual(items.map((i) => i.id).sort());
    // The claim's evidence as it is afterwards, in the order the items were added: the app shows it from this.
    expect(reply).toEqual({ assessmentId: a.id, claimId: '1.2.1', evidence: items, linked: 2 });
    expect(
      f.ws
        .auditEntries(a.id)
        .slice(before)
        .map((e) => [e.action, e.detail.evidenceId]),
    ).toEqual([
      ['evidence.linked', items[1]!.id],
      ['evidence.linked', items[2]!.id],
    ]);
  });

  it('links nothing when one id in the middle does not exist', async () => {
    const { a, items } = await library(3);
    const e = await caught(() => f.ws.linkEvidenceMany(a.id, '1.2.1', [items[0]!.id, 'no-such-id', items[2]!.id]));
    expect(e.kind).toBe('not-found');
    expect(f.ws.getAssessment(a.id).links.filter((l) => l.claimId === '1.2.1')).toEqual([]);
  });

  it('removes many files from a claim, or none when one is not linked to it', async () => {
    const { a, items } = await library(50);
    const ids = items.map((i) => i.id);
    const stray = (await library(1)).items[0]!;
    const e = await caught(() => f.ws.unlinkEvidenceMany(a.id, '1.1.1', [...ids.slice(0, 25), stray.id, ...ids.slice(25)]));
    expect(e.kind).toBe('not-found');
    expect(e.message).toBe(`${stray.fileName} is not linked to claim 1.1.1, so none of the 51 files were removed.`);
    expect(f.ws.getAssessment(a.id).links).toHaveLength(50);
    expect(f.ws.unlinkEvidenceMany(a.id, '1.1.1', ids)).toEqual({ assessmentId: a.id, claimId: '1.1.1', evidence: [], removed: 50 });
    expect(f.ws.getAssessment(a.id).links).toEqual([]);
    const removed = f.ws.auditEntries(a.id).filter((x) => x.action === 'evidence.unlinked');
    expect(removed).toHaveLength(50);
    // The files stay in the library, to be linked again.
    expect(f.ws.listEvidence().filter((x) => ids.includes(x.item.id))).toHaveLength(50);
  });

  it('refuses to change a signed assessment in bulk', async () => {
    const { a, items } = await library(2);
    const db = new Database(f.dbPath);
    db.prepare("UPDATE assessments SET state = 'signed', signed_at = '2026-04-01T00:00:00.000Z' WHERE id = ?").run(a.id);
    db.close();
    f.reopen();
    const e = await caught(() =>
      f.ws.unlinkEvidenceMany(
        a.id,
        '1.1.1',
        items.map((i) => i.id),
      ),
    );
    expect(e.kind).toBe('frozen');
    expect(f.ws.getAssessment(a.id).links).toHaveLength(2);
  });

  it('lists the library with where each item is used and which version replaced which', async () => {
    const { a, items } = await library(3);
    f.ws.linkEvidence(a.id, '1.2.1', items[0]!.id);
    const v2 = f.ws.updateEvidence(items[2]!.id, { description: 'renamed' });
    const list = f.ws.listEvidence();
    expect(list.find((x) => x.item.id === items[0]!.id)!.usedBy.map((u) => u.claimId)).toEqual(['1.1.1', '1.2.1']);
    expect(list.find((x) => x.item.id === v2.id)!.replacesId).toBeNull();
    expect(list.every((x) => x.usedBy.every((u) => u.organisation === 'Acme'))).toBe(true);
  });
});
