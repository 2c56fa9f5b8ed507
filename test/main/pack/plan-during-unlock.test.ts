import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExportPackOptions, ExportStep } from '../../../main/pack/export-pack';
import type { IdentityService } from '../../../main/signing/identity-service';
import type { Workspace } from '../../../main/services/workspace';
import { LABEL, exportOf, leftovers, makeExportFixture, withExportServices } from './export-fixture';
import { makeTempDir } from './fixtures';

/**
 * The export plans the pack (the manifest's entries, each evidence file sampled to decide
 * whether to deflate it) while the signing key is being derived, rather than after: these
 * tests hold the unlock until the export has said it planned, which an export that plans only
 * after the unlock never does.
 */
function exportWithUnlockHeld(
  ws: Workspace,
  identities: IdentityService,
  request: { assessmentId: string; outPath: string; passphrase?: string },
  options: ExportPackOptions & { atPlanned?: () => void } = {},
) {
  const steps: ExportStep[] = [];
  let planned!: () => void;
  const plannedSeen = new Promise<void>((resolve) => (planned = resolve));
  const held: IdentityService = {
    ...identities,
    unlock: async (label, passphrase) => {
      // The unlock ends only once the export has planned the pack meanwhile.
      const unlocked = identities.unlock(label, passphrase);
      unlocked.catch(() => undefined);
      await plannedSeen;
      return unlocked;
    },
  };
  const exported = exportOf(
    ws,
    held,
    request.assessmentId,
    request.outPath,
    {
      ...options,
      onStep: (step) => {
        steps.push(step);
        if (step === 'planned') {
          options.atPlanned?.();
          planned();
        }
      },
    },
    request.passphrase,
  );
  return { exported, steps };
}

/** An export that stopped after planning: the assessment released, no pack, no temp file. */
function expectStoppedAfterPlanning(ws: Workspace, steps: readonly ExportStep[]): void {
  expect(steps).toEqual(['leased', 'planned']);
  expect(ws.exportsInProgress()).toEqual([]);
}

function expectNothingWritten(dir: string, outPath: string): void {
  expect(existsSync(outPath)).toBe(false);
  expect(leftovers(dir)).toEqual([]);
}

describe('an export plans its pack while the signing key is unlocked', () => {
  const tmp = makeTempDir('plan-during-unlock');
  afterAll(() => tmp.cleanup());

  it('has planned the pack before the unlock returns, with nothing written yet, and then exports as before', async () => {
    const { dbPath, assessmentId } = await makeExportFixture(tmp.dir, 'ahead', 3);
    const outPath = join(tmp.dir, 'ahead.pdf');
    let atPlanned: { out: boolean; partial: string[] } | null = null;
    const result = await withExportServices(dbPath, async (ws, identities) => {
      const { exported, steps } = exportWithUnlockHeld(
        ws,
        identities,
        { assessmentId, outPath },
        { atPlanned: () => (atPlanned = { out: existsSync(outPath), partial: leftovers(tmp.dir) }) },
      );
      const r = await exported;
      expect(steps).toEqual(['leased', 'planned', 'built', 'renamed', 'committed']);
      expect(ws.getAssessment(assessmentId).assessment.state).toBe('signed');
      return r;
    });
    // Planned while the key was still locked: no pack, no temp file.
    expect(atPlanned).toEqual({ out: false, partial: [] });
    expect(result.embeddedFiles).toBe(3);
    expect(existsSync(outPath)).toBe(true);
    expect(leftovers(tmp.dir)).toEqual([]);
  }, 60_000);

  it('a wrong passphrase is refused as before once the pack is planned: nothing written, the assessment released', async () => {
    const { dbPath, assessmentId } = await makeExportFixture(tmp.dir, 'wrong', 2);
    const outPath = join(tmp.dir, 'wrong.pdf');
    await withExportServices(dbPath, async (ws, identities) => {
      const { exported, steps } = exportWithUnlockHeld(ws, identities, { assessmentId, outPath, passphrase: 'not the passphrase' });
      await expect(exported).rejects.toMatchObject({ reason: { code: 'wrong-passphrase', label: LABEL } });
      expectStoppedAfterPlanning(ws, steps);
      expect(ws.getAssessment(assessmentId).assessment.state).toBe('draft');
      expect(ws.updateClaim(assessmentId, '1.1.1', { status: 'in-progress' }).status).toBe('in-progress');
    });
    expectNothingWritten(tmp.dir, outPath);
  }, 60_000);

  it('a cancel while the key is unlocked stops the export there: no file, the assessment released', async () => {
    const { dbPath, assessmentId } = await makeExportFixture(tmp.dir, 'cancel', 2);
    const outPath = join(tmp.dir, 'cancel.pdf');
    const controller = new AbortController();
    await withExportServices(dbPath, async (ws, identities) => {
      const { exported, steps } = exportWithUnlockHeld(
        ws,
        identities,
        { assessmentId, outPath },
        { signal: controller.signal, atPlanned: () => controller.abort() },
      );
      await expect(exported).rejects.toMatchObject({ kind: 'cancelled' });
      expectStoppedAfterPlanning(ws, steps);
    });
    expectNothingWritten(tmp.dir, outPath);
  }, 60_000);
});
