import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobStore, evidenceDirFor } from '../../../main/evidence/index';
import { currentBootId } from '../../../main/fs/process-alive';
import { leaseTempPath } from '../../../main/services/export-lease';
import { inWriteTransaction } from '../../../main/services/store-context';
import { openDatabase } from '../../../main/store/index';
import { canonicalJson } from '../../../shared/format/canonical-json';
import { insertLease, recordBuilt } from '../../../main/store/export-leases-repo';
import { makeWorkspace, type WorkspaceFixture } from './workspace-fixture';

/** A pid that certainly belongs to no running process: a child that has exited and been reaped. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(r.stdout.toString());
}

let f: WorkspaceFixture;
beforeEach(() => (f = makeWorkspace()));
afterEach(() => f.cleanup());

/** Writes a lease row as an export in another process would have, with a temp file if asked. */
function plantLease(
  assessmentId: string,
  holder: { pid: number; host?: string; bootId?: string },
  withTemp = true,
  built?: { readonly pack: Buffer; readonly snapshotSha256: string },
): { dest: string; temp: string } {
  const dest = join(f.dir, 'pack.pdf');
  const leaseId = `lease-${holder.pid}-${holder.host ?? 'here'}`;
  const temp = leaseTempPath(dest, leaseId);
  if (withTemp) writeFileSync(temp, '%PDF-1.7 half a pack');
  const db = openDatabase(f.dbPath, { mustExist: true });
  try {
    insertLease(db, {
      assessmentId,
      leaseId,
      pid: holder.pid,
      host: holder.host ?? hostname(),
      bootId: holder.bootId ?? currentBootId(),
      startedAt: '2026-11-29T02:00:00.000Z',
      destPath: dest,
      tempPath: temp,
      snapshotSha256: built?.snapshotSha256 ?? '0'.repeat(64),
    });
    if (built) {
      writeFileSync(dest, built.pack);
      recordBuilt(db, leaseId, {
        packSha256: createHash('sha256').update(built.pack).digest('hex'),
        packSize: built.pack.length,
        packId: 'pack-1',
        signerFingerprint: 'f'.repeat(64),
        signedAt: '2026-11-29T02:01:00.000Z',
        profile: 'certification',
      });
    }
  } finally {
    db.close();
  }
  return { dest, temp };
}

describe('export leases whose holder is gone, and those whose holder is not', () => {
  it('an edit meeting a lease of a dead process clears it (temp file too) and goes ahead', () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'reseller' });
    const { temp } = plantLease(a.id, { pid: deadPid() });
    expect(f.ws.updateClaim(a.id, '1.1.1', { status: 'in-progress' }).status).toBe('in-progress');
    expect(f.ws.exportsInProgress()).toEqual([]);
    expect(existsSync(temp)).toBe(false);
    expect(f.ws.auditEntries(a.id).map((e) => e.action)).toEqual(['assessment.created', 'assessment.export-abandoned', 'claim.updated']);
  });

  it('an edit meeting a dead export whose pack is in place records the signing for good, then refuses as signed', () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'reseller' });
    const snapshotSha256 = createHash('sha256')
      .update(canonicalJson(f.ws.getAssessment(a.id)))
      .digest('hex');
    const pack = Buffer.from('%PDF-1.7 the signed pack, renamed into place before the crash');
    const { dest } = plantLease(a.id, { pid: deadPid() }, false, { pack, snapshotSha256 });
    expect(() => f.ws.updateClaim(a.id, '1.1.1', { status: 'done' })).toThrow(expect.objectContaining({ kind: 'frozen' }));
    // Recorded on this same connection, not undone with the refused edit.
    expect(f.ws.getAssessment(a.id).assessment.state).toBe('signed');
    expect(f.ws.signedPack(a.id)?.packSha256).toBe(createHash('sha256').update(pack).digest('hex'));
    expect(f.ws.auditEntries(a.id).at(-1)?.detail).toMatchObject({ recoveredAfterCrash: true });
    expect(existsSync(dest)).toBe(true);
  });

  it('a dead export whose pack no longer matches the assessment is not recorded, and its pack is removed', () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'reseller' });
    const { dest } = plantLease(a.id, { pid: deadPid() }, false, {
      pack: Buffer.from('%PDF-1.7 a pack of another state'),
      snapshotSha256: 'e'.repeat(64),
    });
    f.reopen();
    expect(f.ws.getAssessment(a.id).assessment.state).toBe('draft');
    expect(f.ws.exportsInProgress()).toEqual([]);
    expect(existsSync(dest)).toBe(false);
  });

  it.skipIf(currentBootId() === '')('opening the database clears a lease recorded in an earlier boot, even if its pid is alive now', () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'reseller' });
    const { temp } = plantLease(a.id, { pid: process.ppid, bootId: 'an-earlier-boot' });
    f.reopen();
    expect(f.ws.exportsInProgress()).toEqual([]);
    expect(existsSync(temp)).toBe(false);
  });

  it('never takes over a lease of a live process, nor one held on another computer', async () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'reseller' });
    const b = f.ws.createAssessment({ organisation: 'Beta', role: 'reseller' });
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { stdio: 'ignore' });
    try {
      const { temp } = plantLease(a.id, { pid: live.pid! });
      plantLease(b.id, { pid: deadPid(), host: 'another-laptop.example' });
      f.reopen();
      expect(
        f.ws
          .exportsInProgress()
          .map((l) => l.assessmentId)
          .sort(),
      ).toEqual([a.id, b.id].sort());
      expect(() => f.ws.updateClaim(a.id, '1.1.1', { status: 'done' })).toThrow(
        expect.objectContaining({ kind: 'export-in-progress', message: expect.stringContaining(`process ${live.pid}`) }),
      );
      expect(() => f.ws.archiveAssessment(b.id)).toThrow(
        expect.objectContaining({ kind: 'export-in-progress', message: expect.stringContaining('on computer another-laptop.example') }),
      );
      expect(existsSync(temp)).toBe(true);
    } finally {
      live.kill('SIGKILL');
      await new Promise((r) => live.on('exit', r));
    }
    expect(f.ws.updateClaim(a.id, '1.1.1', { status: 'done' }).status).toBe('done');
  });

  it('a write the triggers refuse becomes the refusal in words, or runs once a dead holder is cleared', () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'reseller' });
    const db = openDatabase(f.dbPath, { mustExist: true });
    const ctx = { db, blobs: new BlobStore(evidenceDirFor(f.dbPath)) };
    try {
      const touch = () =>
        inWriteTransaction(ctx, () =>
          db.prepare("UPDATE claim_responses SET status = 'done' WHERE assessment_id = ? AND claim_id = '1.1.1'").run(a.id),
        );
      plantLease(a.id, { pid: process.ppid }, false);
      expect(touch).toThrow(
        expect.objectContaining({
          kind: 'export-in-progress',
          message: expect.stringContaining('would change an assessment that is being signed'),
        }),
      );
      db.prepare('DELETE FROM export_leases').run();
      plantLease(a.id, { pid: deadPid() }, false);
      expect(touch().changes).toBe(1);
    } finally {
      db.close();
    }
  });
});
