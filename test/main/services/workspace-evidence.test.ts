import { existsSync, readdirSync, readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caught, makeWorkspace, type WorkspaceFixture, SIGNED_PACK } from './workspace-fixture';

let f: WorkspaceFixture;
beforeEach(() => {
  f = makeWorkspace();
});
afterEach(() => f.cleanup());

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('workspace: evidence', () => {
  it('attaches a file: stored once by hash beside the database, item + link + audit', async () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
    const path = f.file('Security Policy.pdf', '%PDF-1.7 the policy');
    const item = await f.ws.attachEvidence(a.id, '1.1.1', path, {
      description: 'Policy',
      effectiveDate: '2026-01-01',
      expiryDate: '2027-01-01',
      confidential: true,
    });
    expect(item).toMatchObject({
      sha256: sha('%PDF-1.7 the policy'),
      fileName: 'Security Policy.pdf',
      size: 19,
      mediaType: 'application/pdf',
      description: 'Policy',
      effectiveDate: '2026-01-01',
      expiryDate: '2027-01-01',
      confidential: true,
      present: true,
    });
    const blob = f.ws.evidenceBlobPath(item.sha256);
    expect(blob).toBe(join(`${f.dbPath}.evidence`, item.sha256.slice(0, 2), item.sha256));
    expect(readFileSync(blob, 'utf8')).toBe('%PDF-1.7 the policy');
    expect(f.ws.getAssessment(a.id).links).toEqual([{ assessmentId: a.id, claimId: '1.1.1', evidenceId: item.id }]);
    expect(f.ws.auditEntries(a.id).at(-1)).toMatchObject({
      action: 'evidence.attached',
      detail: { claimId: '1.1.1', sha256: item.sha256 },
    });
    expect(readdirSync(join(`${f.dbPath}.evidence`, 'tmp'))).toEqual([]);
  });

  it('stores identical bytes once, and re-attaching the same file to the same claim reuses the item', async () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
    const one = await f.ws.attachEvidence(a.id, '1.1.1', f.file('a.txt', 'same bytes'));
    const again = await f.ws.attachEvidence(a.id, '1.1.1', f.file('a.txt', 'same bytes'));
    const other = await f.ws.attachEvidence(a.id, '1.2.1', f.file('b.md', 'same bytes'));
    expect(again.id).toBe(one.id);
    expect(other.id).not.toBe(one.id);
    expect(other.sha256).toBe(one.sha256);
    expect(other.mediaType).toBe('text/markdown');
    expect(readdirSync(join(`${f.dbPath}.evidence`, one.sha256.slice(0, 2)))).toEqual([one.sha256]);
  });

  it('validates evidence dates before copying anything', async () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
    const path = f.file('x.txt', 'x');
    const e1 = await caught(() => f.ws.attachEvidence(a.id, '1.1.1', path, { effectiveDate: '31/03/2026' }));
    expect(e1.message).toBe('The effective date "31/03/2026" is not a date in the form YYYY-MM-DD.');
    const e2 = await caught(() => f.ws.attachEvidence(a.id, '1.1.1', path, { effectiveDate: '2026-03-31', expiryDate: '2026-03-30' }));
    expect(e2.message).toBe('The expiry date 2026-03-30 is before the effective date 2026-03-31.');
    const e3 = await caught(() => f.ws.attachEvidence(a.id, '1.1.1', join(f.dir, 'missing.pdf')));
    expect(e3.kind).toBe('not-found');
    const e4 = await caught(() => f.ws.attachEvidence(a.id, '0.0', path));
    expect(e4.kind).toBe('invalid-input');
    expect(existsSync(join(`${f.dbPath}.evidence`, sha('x').slice(0, 2)))).toBe(false);
  });

  it('cancels through an AbortSignal, leaving nothing behind', async () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
    const big = f.file('big.bin', Buffer.alloc(8 * 1024 * 1024, 7));
    const controller = new AbortController();
    const progress: number[] = [];
    const e = await caught(() =>
      f.ws.attachEvidence(
        a.id,
        '1.1.1',
        big,
        {},
        {
          signal: controller.signal,
          onProgress: (done) => {
            progress.push(done);
            controller.abort();
          },
        },
      ),
    );
    expect(e.kind).toBe('cancelled');
    expect(progress.length).toBeGreaterThan(0);
    expect(f.ws.listEvidence()).toEqual([]);
    expect(readdirSync(join(`${f.dbPath}.evidence`, 'tmp'))).toEqual([]);
    expect(f.ws.auditEntries(a.id).map((x) => x.action)).toEqual(['assessment.created']);
  });

  it('reports progress up to the file size', async () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
    const seen: [number, number][] = [];
    await f.ws.attachEvidence(
      a.id,
      '1.1.1',
      f.file('p.bin', Buffer.alloc(3 * 1024 * 1024 + 5, 1)),
      {},
      { onProgress: (d, t) => seen.push([d, t]) },
    );
    expect(seen.at(-1)).toEqual([3 * 1024 * 1024 + 5, 3 * 1024 * 1024 + 5]);
  });

  it('links and unlinks existing evidence and lists where each item is used', async () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
    const b = f.ws.createAssessment({ organisation: 'Beta', role: 'reseller' });
    const item = await f.ws.attachEvidence(a.id, '1.1.1', f.file('p.pdf', 'p'));
    f.ws.linkEvidence(b.id, '3.1.1', item.id);
    f.ws.linkEvidence(b.id, '3.1.1', item.id);
    const [listed] = f.ws.listEvidence();
    expect(listed!.usedBy).toEqual(
      expect.arrayContaining([
        { assessmentId: a.id, claimId: '1.1.1', organisation: 'Acme', state: 'draft' },
        { assessmentId: b.id, claimId: '3.1.1', organisation: 'Beta', state: 'draft' },
      ]),
    );
    expect(f.ws.auditEntries(b.id).filter((e) => e.action === 'evidence.linked')).toHaveLength(1);
    f.ws.unlinkEvidence(b.id, '3.1.1', item.id);
    expect(f.ws.getAssessment(b.id).links).toEqual([]);
    expect((await caught(() => f.ws.unlinkEvidence(b.id, '3.1.1', item.id))).kind).toBe('not-found');
    expect((await caught(() => f.ws.linkEvidence(b.id, '3.1.1', 'missing'))).kind).toBe('not-found');
  });

  it('edits evidence in place while only drafts use it, and as a new version once a signed assessment does', async () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
    const item = await f.ws.attachEvidence(a.id, '1.1.1', f.file('p.pdf', 'p'), { description: 'old' });
    const edited = f.ws.updateEvidence(item.id, { description: 'new', expiryDate: '2030-01-01' });
    expect(edited.id).toBe(item.id);
    expect(f.ws.getEvidence(item.id)).toMatchObject({ description: 'new', expiryDate: '2030-01-01' });

    const b = f.ws.createAssessment({
      organisation: 'Acme',
      role: 'developer-distributor',
      seed: { links: [{ claimId: '1.1.1', evidenceId: item.id }] },
    });
    f.ws.markSigned(a.id, SIGNED_PACK);
    const version = f.ws.updateEvidence(item.id, { description: 'newer' });
    expect(version.id).not.toBe(item.id);
    expect(version.sha256).toBe(item.sha256);
    expect(f.ws.getAssessment(a.id).evidence.map((e) => [e.id, e.description])).toEqual([[item.id, 'new']]);
    expect(f.ws.getAssessment(b.id).evidence.map((e) => [e.id, e.description])).toEqual([[version.id, 'newer']]);
    expect(f.ws.listEvidence().find((e) => e.item.id === version.id)!.replacesId).toBe(item.id);

    const e = await caught(() => f.ws.updateEvidence(item.id, { description: 'again' }));
    expect(e.kind).toBe('frozen');
  });

  it('withholds the details only of confidential evidence, set on attach or later, and audits the change', async () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
    const path = f.file('secret.xlsx', 'secret');
    const refused = await caught(() => f.ws.attachEvidence(a.id, '1.1.1', path, { withholdDetails: true }));
    expect(refused).toMatchObject({ kind: 'invalid-input', message: expect.stringContaining('Only confidential evidence') as string });
    expect(existsSync(join(`${f.dbPath}.evidence`, sha('secret').slice(0, 2)))).toBe(false);

    const item = await f.ws.attachEvidence(a.id, '1.1.1', path, { confidential: true });
    expect(item.withholdDetails).toBe(false);
    expect(f.ws.updateEvidence(item.id, { withholdDetails: true })).toMatchObject({
      id: item.id,
      confidential: true,
      withholdDetails: true,
    });
    expect(f.ws.auditEntries(a.id).at(-1)).toMatchObject({
      action: 'evidence.updated',
      detail: { changes: { withholdDetails: { from: false, to: true } } },
    });
    // Making it shareable shows its details again; asking for both at once is refused.
    const mixed = await caught(() => f.ws.updateEvidence(item.id, { confidential: false, withholdDetails: true }));
    expect(mixed.kind).toBe('invalid-input');
    expect(f.ws.updateEvidence(item.id, { confidential: false })).toMatchObject({ confidential: false, withholdDetails: false });
    expect(f.ws.getEvidence(item.id)).toMatchObject({ confidential: false, withholdDetails: false });
  });

  it('replaces a file with a new version that keeps the draft links', async () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
    const item = await f.ws.attachEvidence(a.id, '1.1.1', f.file('policy-2025.pdf', 'v1'), {
      description: 'Policy',
      effectiveDate: '2025-01-01',
    });
    f.ws.linkEvidence(a.id, '1.2.1', item.id);
    const v2 = await f.ws.replaceEvidence(item.id, f.file('policy-2026.pdf', 'v2'));
    expect(v2).toMatchObject({ fileName: 'policy-2026.pdf', sha256: sha('v2'), description: 'Policy', effectiveDate: '2025-01-01' });
    expect(f.ws.getAssessment(a.id).links.map((l) => [l.claimId, l.evidenceId])).toEqual([
      ['1.1.1', v2.id],
      ['1.2.1', v2.id],
    ]);
    expect(f.ws.getEvidence(item.id).sha256).toBe(sha('v1'));
    expect(f.ws.auditEntries(a.id).at(-1)).toMatchObject({
      action: 'evidence.replaced',
      detail: { replacesId: item.id, evidenceId: v2.id },
    });
  });

  it('checks integrity: clean, then a changed blob, a missing blob, and an unreferenced one', async () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
    const one = await f.ws.attachEvidence(a.id, '1.1.1', f.file('one.txt', 'one'));
    const two = await f.ws.attachEvidence(a.id, '1.2.1', f.file('two.txt', 'two'));
    const clean = await f.ws.checkIntegrity();
    expect(clean).toMatchObject({
      ok: true,
      sqlite: { ok: true },
      auditChain: { ok: true },
      evidence: { ok: true, checked: 2, unreferenced: [] },
      problems: [],
    });

    writeFileSync(f.ws.evidenceBlobPath(one.sha256), 'tampered');
    unlinkSync(f.ws.evidenceBlobPath(two.sha256));
    const stray = sha('nobody');
    writeFileSync(join(`${f.dbPath}.evidence`, stray.slice(0, 2) + '-x'), '');
    const bad = await f.ws.checkIntegrity();
    expect(bad.ok).toBe(false);
    expect(bad.evidence.mismatched).toEqual([{ sha256: one.sha256, fileNames: ['one.txt'] }]);
    expect(bad.evidence.missing).toEqual([{ sha256: two.sha256, fileNames: ['two.txt'] }]);
    expect(bad.problems).toHaveLength(2);
    expect(bad.problems[0]).toMatch(/missing/);
    expect(bad.evidence.strays).toEqual([stray.slice(0, 2) + '-x']);
  });
});
