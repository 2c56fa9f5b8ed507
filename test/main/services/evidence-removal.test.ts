import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobStore, evidenceDirFor } from '../../../main/evidence/index';
import { attachEvidence } from '../../../main/services/evidence-ops';
import { finishEvidenceRemovals } from '../../../main/services/evidence-removal';
import type { StoreContext } from '../../../main/services/store-context';
import { openDatabase } from '../../../main/store/database';
import { caught, makeWorkspace, type WorkspaceFixture, SIGNED_PACK } from './workspace-fixture';

let f: WorkspaceFixture;
beforeEach(() => {
  f = makeWorkspace();
});
afterEach(() => f.cleanup());

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

async function checkClean(): Promise<void> {
  const report = await f.ws.checkIntegrity();
  expect(report.problems).toEqual([]);
  expect(report.ok).toBe(true);
}

describe('removing evidence from the library', () => {
  it('takes an item off every draft claim, deletes its row and, once nothing else holds the bytes, its stored file', async () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
    const b = f.ws.createAssessment({ organisation: 'Beta', role: 'developer-distributor' });
    const item = await f.ws.attachEvidence(a.id, '1.1.1', f.file('policy.pdf', 'the policy'));
    f.ws.linkEvidence(a.id, '1.1.2', item.id);
    f.ws.linkEvidence(b.id, '1.1.1', item.id);
    const other = await f.ws.attachEvidence(a.id, '1.2.1', f.file('other.pdf', 'other bytes'));
    const blob = f.ws.evidenceBlobPath(item.sha256);

    const plan = f.ws.planEvidenceRemoval([item.id]);
    expect(plan).toMatchObject({ removableIds: [item.id], keptBy: [], storedFilesFreed: 1 });
    expect(plan.claimLinks.map((l) => `${l.organisation} ${l.claimId}`).sort()).toEqual(['Acme 1.1.1', 'Acme 1.1.2', 'Beta 1.1.1']);

    const removal = f.ws.removeEvidence([item.id]);
    expect(removal).toMatchObject({ removedIds: [item.id], unlinked: 3, final: true });
    expect([...removal.assessmentIds].sort()).toEqual([a.id, b.id].sort());
    expect(f.ws.listEvidence().map((e) => e.item.id)).toEqual([other.id]);
    expect(f.ws.getAssessment(a.id).links.map((l) => l.evidenceId)).toEqual([other.id]);
    expect(f.ws.getAssessment(b.id).links).toEqual([]);
    expect(existsSync(blob)).toBe(false);
    expect(existsSync(f.ws.evidenceBlobPath(other.sha256))).toBe(true);
    // One entry per assessment it reached, naming the claims; the chain still verifies.
    const entries = [...f.ws.auditEntries(a.id), ...f.ws.auditEntries(b.id)].filter((e) => e.action === 'evidence.removed');
    expect(entries.map((e) => e.detail.claimIds)).toEqual([['1.1.1', '1.1.2'], ['1.1.1']]);
    await checkClean();
    f.reopen();
    await checkClean();
  });

  it('keeps the stored file while another item holds the same bytes', async () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
    const one = await f.ws.attachEvidence(a.id, '1.1.1', f.file('one.pdf', 'same bytes'));
    const two = await f.ws.attachEvidence(a.id, '1.1.2', f.file('two.pdf', 'same bytes'));
    expect(one.sha256).toBe(two.sha256);
    expect(f.ws.planEvidenceRemoval([one.id]).storedFilesFreed).toBe(0);
    f.ws.removeEvidence([one.id]);
    expect(existsSync(f.ws.evidenceBlobPath(two.sha256))).toBe(true);
    await checkClean();
    // Both together free it.
    expect(f.ws.planEvidenceRemoval([two.id]).storedFilesFreed).toBe(1);
    f.ws.removeEvidence([two.id]);
    expect(existsSync(f.ws.evidenceBlobPath(two.sha256))).toBe(false);
    const report = await f.ws.checkIntegrity();
    expect(report.evidence.unreferenced).toEqual([]);
  });

  it('refuses, changing nothing, to remove evidence a signed or archived assessment cites, naming it', async () => {
    const signed = f.ws.createAssessment({ organisation: 'Signed Co', role: 'developer-distributor' });
    const draft = f.ws.createAssessment({ organisation: 'Draft Co', role: 'developer-distributor' });
    const cited = await f.ws.attachEvidence(signed.id, '1.1.1', f.file('cited.pdf', 'cited'));
    const free = await f.ws.attachEvidence(draft.id, '1.1.1', f.file('free.pdf', 'free'));
    f.ws.linkEvidence(draft.id, '1.1.2', cited.id);
    f.ws.markSigned(signed.id, SIGNED_PACK);
    const auditBefore = f.ws.auditEntries().length;

    const plan = f.ws.planEvidenceRemoval([cited.id, free.id]);
    expect(plan.removableIds).toEqual([free.id]);
    expect(plan.keptBy).toEqual([
      { assessmentId: signed.id, organisation: 'Signed Co', state: 'signed', signedAt: SIGNED_PACK.signedAt, evidenceIds: [cited.id] },
    ]);

    const e = await caught(() => f.ws.removeEvidence([free.id, cited.id]));
    expect(e.reason).toMatchObject({
      code: 'evidence-kept-by-signed',
      fileName: 'cited.pdf',
      assessmentId: signed.id,
      organisation: 'Signed Co',
    });
    expect(e.message).toContain('Signed Co');
    expect(f.ws.listEvidence()).toHaveLength(2);
    expect(f.ws.getAssessment(draft.id).links).toHaveLength(2);
    expect(f.ws.auditEntries()).toHaveLength(auditBefore);
    expect(existsSync(f.ws.evidenceBlobPath(free.sha256))).toBe(true);

    // An archived draft is frozen too.
    f.ws.archiveAssessment(draft.id);
    const archived = await caught(() => f.ws.removeEvidence([free.id]));
    expect(archived.reason).toMatchObject({ code: 'evidence-kept-by-signed', archived: true, assessmentId: draft.id });
  });

  it('undoes a held removal exactly, until it is made final', async () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
    const item = await f.ws.attachEvidence(a.id, '1.1.1', f.file('policy.pdf', 'the policy'), {
      description: 'Policy',
      effectiveDate: '2026-01-01',
      confidential: true,
    });
    f.ws.linkEvidence(a.id, '1.2.1', item.id);
    const before = f.ws.listEvidence();

    const removal = f.ws.removeEvidence([item.id], { holdMs: 60_000 });
    expect(removal.final).toBe(false);
    expect(f.ws.listEvidence()).toEqual([]);
    // Held: the bytes stay for the undo, and the store checks out (an unused file is harmless).
    expect(existsSync(f.ws.evidenceBlobPath(item.sha256))).toBe(true);
    await checkClean();
    // Reopening does not end a window that is still open.
    f.reopen();
    // The items as they were and every claim link put back: the app shows them again from this.
    expect(f.ws.undoEvidenceRemoval(removal.removalId)).toEqual({
      restoredIds: [item.id],
      relinked: 2,
      items: [item],
      links: [
        { assessmentId: a.id, claimId: '1.1.1', evidenceId: item.id },
        { assessmentId: a.id, claimId: '1.2.1', evidenceId: item.id },
      ],
    });
    expect(f.ws.listEvidence()).toEqual(before);
    expect(f.ws.auditEntries(a.id).filter((e) => e.action === 'evidence.restored')).toHaveLength(1);
    await checkClean();

    // Once final, the file is gone and undo says so.
    const again = f.ws.removeEvidence([item.id], { holdMs: 60_000 });
    expect(f.ws.finishEvidenceRemovals(again.removalId)).toBe(1);
    expect(existsSync(f.ws.evidenceBlobPath(item.sha256))).toBe(false);
    const e = await caught(() => f.ws.undoEvidenceRemoval(again.removalId));
    expect(e.reason).toEqual({ code: 'removal-not-undoable', removalId: again.removalId });
    await checkClean();
  });

  it('refuses an undo that would change an assessment signed meanwhile', async () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
    const item = await f.ws.attachEvidence(a.id, '1.1.1', f.file('policy.pdf', 'the policy'));
    const removal = f.ws.removeEvidence([item.id], { holdMs: 60_000 });
    f.ws.markSigned(a.id, SIGNED_PACK);
    const e = await caught(() => f.ws.undoEvidenceRemoval(removal.removalId));
    expect(e.reason).toMatchObject({ code: 'assessment-signed' });
    expect(f.ws.listEvidence()).toEqual([]);
  });

  it('keeps a chain of versions linked when one version is removed, and undo puts it back', async () => {
    const signed = f.ws.createAssessment({ organisation: 'Signed Co', role: 'developer-distributor' });
    const draft = f.ws.createAssessment({ organisation: 'Draft Co', role: 'developer-distributor' });
    const v1 = await f.ws.attachEvidence(signed.id, '1.1.1', f.file('v1.pdf', 'version one'));
    f.ws.linkEvidence(draft.id, '1.1.1', v1.id);
    f.ws.markSigned(signed.id, SIGNED_PACK);
    const v2 = await f.ws.replaceEvidence(v1.id, f.file('v2.pdf', 'version two'));
    const v3 = f.ws.updateEvidence(v2.id, { description: 'third' });
    expect(v3.id).toBe(v2.id); // v2 is used only by the draft: changed in place.
    const v4 = await f.ws.replaceEvidence(v2.id, f.file('v4.pdf', 'version four'));
    const replaces = () => new Map(f.ws.listEvidence().map((e) => [e.item.id, e.replacesId]));
    expect(replaces().get(v4.id)).toBe(v2.id);

    // v2 is used by nothing now (the draft moved to v4): removing it points v4 past it, at v1.
    const removal = f.ws.removeEvidence([v2.id], { holdMs: 60_000 });
    expect(replaces().get(v4.id)).toBe(v1.id);
    await checkClean();
    f.ws.undoEvidenceRemoval(removal.removalId);
    expect(replaces().get(v2.id)).toBe(v1.id);
    expect(replaces().get(v4.id)).toBe(v2.id);
    await checkClean();
  });

  it('refuses an empty or unknown selection without changing anything', async () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
    const item = await f.ws.attachEvidence(a.id, '1.1.1', f.file('policy.pdf', 'the policy'));
    expect((await caught(() => f.ws.removeEvidence([]))).kind).toBe('invalid-input');
    const e = await caught(() => f.ws.removeEvidence([item.id, 'no-such-id']));
    expect(e.reason).toEqual({ code: 'evidence-not-found', id: 'no-such-id' });
    expect(f.ws.listEvidence()).toHaveLength(1);
  });

  it('finishes at the next open a removal whose window closed while nothing was running', async () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
    const item = await f.ws.attachEvidence(a.id, '1.1.1', f.file('policy.pdf', 'the policy'));
    f.ws.removeEvidence([item.id], { holdMs: 1 });
    expect(existsSync(f.ws.evidenceBlobPath(item.sha256))).toBe(true);
    // Past the one-millisecond window.
    await new Promise((r) => setTimeout(r, 20));
    f.reopen();
    expect(existsSync(f.ws.evidenceBlobPath(item.sha256))).toBe(false);
    await checkClean();
  });
});

describe('a removal made final while the same bytes are being attached', () => {
  it('never records an item whose stored file was deleted: the attach stores the bytes again', async () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
    const item = await f.ws.attachEvidence(a.id, '1.1.1', f.file('policy.pdf', 'the policy'));
    const removal = f.ws.removeEvidence([item.id], { holdMs: 60_000 });
    f.ws.close();

    // A second connection, as a second window or process would have; the purge lands after the
    // attach stored (found) the bytes and before it records the item.
    const db = openDatabase(f.dbPath);
    const real = new BlobStore(evidenceDirFor(f.dbPath));
    let purged = false;
    const racing = Object.create(real) as BlobStore;
    racing.ingest = async (path, options) => {
      const blob = await real.ingest(path, options);
      if (!purged) {
        purged = true;
        expect(finishEvidenceRemovals({ db, blobs: real }, removal.removalId)).toBe(1);
      }
      return blob;
    };
    const ctx: StoreContext = { db, blobs: racing };
    try {
      const again = await attachEvidence(ctx, a.id, '1.1.2', f.file('again.pdf', 'the policy'));
      expect(purged).toBe(true);
      expect(again.sha256).toBe(sha('the policy'));
      expect(existsSync(real.blobPath(again.sha256))).toBe(true);
    } finally {
      db.close();
    }
    f.reopen();
    await checkClean();
  });
});
