import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSscpError } from '../../../shared/errors';
import { exportForm, importForm } from '../../../main/form/import-form';
import { exportAttestation } from '../../../main/attestation/export-attestation';
import { exportPack } from '../../../main/pack/export-pack';
import { exportReminders } from '../../../main/reminders/export-reminders';
import { openWorkspace } from '../../../main/services/workspace';
import { LABEL, PASSPHRASE, makeExportFixture, withExportServices } from '../pack/export-fixture';
import { makeTempDir } from '../pack/fixtures';

const TEMPLATE = join(import.meta.dirname, '../../fixtures/form/form-43.docx');

/**
 * A signal that the work finds aborted from its `n`th look on (and that is then really aborted,
 * so listeners fire too): running the work with n = 1, 2, 3… cancels it at each point where it
 * checks, in turn, until it completes without looking an nth time.
 */
function abortedOnLook(n: number): { readonly signal: AbortSignal; readonly looks: () => number } {
  const controller = new AbortController();
  let looks = 0;
  Object.defineProperty(controller.signal, 'aborted', {
    get() {
      looks += 1;
      if (looks >= n && !controller.signal.reason) controller.abort();
      return looks >= n;
    },
  });
  return { signal: controller.signal, looks: () => looks };
}

interface CancelRun {
  /** How many points the work checked for a cancel, all of which were tried. */
  readonly cancelPoints: number;
}

/**
 * Cancels `work` at each point it checks in turn; after each cancel, `folder` must be empty (no
 * file, no temp) and `unchanged` must hold. Ends with the run that was never cancelled.
 */
async function cancelAtEveryPoint(
  folderFor: (n: number) => string,
  work: (signal: AbortSignal, folder: string) => Promise<unknown>,
  unchanged: (n: number) => void,
): Promise<CancelRun> {
  for (let n = 1; n < 200; n += 1) {
    const folder = folderFor(n);
    mkdirSync(folder, { recursive: true });
    const { signal, looks } = abortedOnLook(n);
    let error: unknown = null;
    await work(signal, folder).catch((e: unknown) => (error = e));
    if (looks() < n) {
      // It never looked an nth time: it completed, and wrote its file.
      expect(error).toBeNull();
      expect(readdirSync(folder)).toHaveLength(1);
      return { cancelPoints: n - 1 };
    }
    expect(isSscpError(error) && error.kind, `cancelled at point ${n}: ${String(error)}`).toBe('cancelled');
    expect(readdirSync(folder), `cancelled at point ${n}`).toEqual([]);
    unchanged(n);
  }
  throw new Error('the work never completed');
}

describe('cancelling a Word form export or import at any point', () => {
  const tmp = makeTempDir('cancel-form');
  afterAll(() => tmp.cleanup());

  it('leaves no file and no temp file at every point, generated or filled into a template', async () => {
    const ws = openWorkspace(join(tmp.dir, 'form.sscp'));
    try {
      const a = ws.createAssessment({ organisation: 'Widgets Ltd', role: 'developer-distributor', sroName: 'Ada', sroRole: 'CTO' });
      ws.updateClaim(a.id, '1.1.1', { result: 'met', evidenceText: 'Policy v3.' });
      for (const templatePath of [null, TEMPLATE]) {
        const run = await cancelAtEveryPoint(
          (n) => join(tmp.dir, `${templatePath ? 'filled' : 'generated'}-${n}`),
          (signal, folder) => exportForm(ws, a.id, join(folder, 'form.docx'), { replace: false, templatePath, signal }),
          () => undefined,
        );
        // Before reading, after the destination check, after building, before putting it in place.
        expect(run.cancelPoints).toBeGreaterThanOrEqual(4);
      }
    } finally {
      ws.close();
    }
  });

  it('leaves no calendar file when the reminders export is cancelled', async () => {
    const ws = openWorkspace(join(tmp.dir, 'reminders.sscp'));
    try {
      const a = ws.createAssessment({ organisation: 'Widgets Ltd', role: 'developer-distributor', sroName: 'Ada', sroRole: 'CTO' });
      ws.addAction(a.id, { claimId: '1.1.1', description: 'Write the policy', owner: 'Ada', dueDate: '2026-06-30' });
      const run = await cancelAtEveryPoint(
        (n) => join(tmp.dir, `ics-${n}`),
        (signal, folder) => exportReminders(ws, a.id, join(folder, 'reminders.ics'), { replace: false, signal }),
        () => undefined,
      );
      expect(run.cancelPoints).toBeGreaterThanOrEqual(2);
    } finally {
      ws.close();
    }
  });

  it('imports nothing when the import is cancelled at any point', async () => {
    const ws = openWorkspace(join(tmp.dir, 'import.sscp'));
    try {
      const a = ws.createAssessment({ organisation: 'Widgets Ltd', role: 'developer-distributor', sroName: 'Ada', sroRole: 'CTO' });
      ws.updateClaim(a.id, '1.1.1', { result: 'met', evidenceText: 'Policy v3.' });
      const form = join(tmp.dir, 'to-import.docx');
      await exportForm(ws, a.id, form, { replace: false });
      const before = ws.listAssessments().length;
      let imported = 0;
      for (let n = 1; n < 50; n += 1) {
        const { signal, looks } = abortedOnLook(n);
        const result = await importForm(ws, form, { signal }).catch((e: unknown) => e);
        if (looks() < n) {
          expect(isSscpError(result)).toBe(false);
          imported = n - 1;
          break;
        }
        expect(isSscpError(result) && result.kind).toBe('cancelled');
        expect(ws.listAssessments()).toHaveLength(before);
      }
      expect(imported).toBeGreaterThanOrEqual(3);
      expect(ws.listAssessments()).toHaveLength(before + 1);
    } finally {
      ws.close();
    }
  });
});

describe('cancelling a pack export at any point', () => {
  const tmp = makeTempDir('cancel-pack');
  afterAll(() => tmp.cleanup());

  it('leaves no pack and no temp file, and releases the assessment, at every point until it is signed', async () => {
    const { dbPath, assessmentId } = await makeExportFixture(tmp.dir, 'points', 2);
    await withExportServices(dbPath, async (ws, identities) => {
      let unlocks = 0;
      const unlock = identities.unlock.bind(identities);
      identities.unlock = (label, passphrase) => ((unlocks += 1), unlock(label, passphrase));
      const run = await cancelAtEveryPoint(
        (n) => join(tmp.dir, `out-${n}`),
        (signal, folder) =>
          exportPack(
            ws,
            identities,
            {
              assessmentId,
              identityLabel: LABEL,
              passphrase: PASSPHRASE,
              outPath: join(folder, 'pack.pdf'),
              profile: 'certification',
              acceptExceptions: true,
            },
            { signal },
          ),
        (n) => {
          // A cancel before the work starts does none of it: not even the slow unlock of the key.
          if (n === 1) expect(unlocks).toBe(0);
          expect(ws.exportsInProgress()).toEqual([]);
          expect(ws.getAssessment(assessmentId).assessment.signedAt).toBeNull();
        },
      );
      // Before the lease, after unlocking, after layout, per evidence file and chunk, before signing, before the rename.
      expect(run.cancelPoints).toBeGreaterThanOrEqual(6);
      expect(ws.getAssessment(assessmentId).assessment.signedAt).not.toBeNull();
      // The signed assessment's standalone attestation stops the same way.
      const attestation = await cancelAtEveryPoint(
        (n) => join(tmp.dir, `cdx-${n}`),
        (signal, folder) => exportAttestation(ws, assessmentId, join(folder, 'attestation.cdx.json'), { replace: false, signal }),
        () => undefined,
      );
      expect(attestation.cancelPoints).toBeGreaterThanOrEqual(2);
    });
  });
});
