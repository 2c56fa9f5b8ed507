import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportPack, type ExportPackOptions, type ExportedPack } from '../../../main/pack/export-pack';
import { openWorkspace, type Workspace } from '../../../main/services/workspace';
import { createIdentityService, type IdentityService } from '../../../main/signing/identity-service';
import { openKeyStore } from '../../../main/signing/key-store';

export const LABEL = 'sro';
export const PASSPHRASE = 'correct horse battery staple';
/** Cheap to unlock in tests; the production default costs a fraction of a second per unlock. */
const TEST_KDF = { name: 'scrypt' as const, N: 2 ** 10, r: 8, p: 1 };

export interface ExportFixture {
  readonly dbPath: string;
  readonly assessmentId: string;
}

/**
 * A database with a signing identity and a draft assessment holding `files` evidence files of
 * `fileBytes` each (distinct random bytes), ready to export.
 */
export async function makeExportFixture(dir: string, name: string, files = 3, fileBytes = 64 * 1024): Promise<ExportFixture> {
  const dbPath = join(dir, `${name}.sscp`);
  const ws = openWorkspace(dbPath);
  const db = openKeyStore(keyStoreHomeFor(dbPath));
  try {
    await createIdentityService(db, { kdf: TEST_KDF }).create({
      label: LABEL,
      sroName: 'Zoë Okafor',
      sroRole: 'CTO',
      organisation: 'Widgets Ltd',
      withRoot: false,
      passphrase: PASSPHRASE,
    });
    const a = ws.createAssessment({ organisation: 'Widgets Ltd', role: 'developer-distributor', sroName: 'Zoë Okafor', sroRole: 'CTO' });
    ws.updateClaim(a.id, '1.1.1', { result: 'met', status: 'done', evidenceText: 'As signed.' });
    for (let i = 0; i < files; i += 1) {
      const path = join(dir, `${name}-evidence-${i}.bin`);
      writeFileSync(path, randomBytes(fileBytes));
      await ws.attachEvidence(a.id, '1.1.1', path);
    }
    return { dbPath, assessmentId: a.id };
  } finally {
    db.close();
    ws.close();
  }
}

/** The fixture's own key store, beside its database: tests never share the user's. */
export function keyStoreHomeFor(dbPath: string): string {
  return `${dbPath}.home`;
}

/** Runs `fn` with a workspace and the fixture's identities, closing both. */
export async function withExportServices<T>(dbPath: string, fn: (ws: Workspace, identities: IdentityService) => Promise<T>): Promise<T> {
  const ws = openWorkspace(dbPath);
  const db = openKeyStore(keyStoreHomeFor(dbPath));
  try {
    return await fn(ws, createIdentityService(db));
  } finally {
    db.close();
    ws.close();
  }
}

/** Exports the fixture's assessment as its SRO would (certification, exceptions accepted), with the fixture's identity. */
export function exportOf(
  ws: Workspace,
  identities: IdentityService,
  assessmentId: string,
  outPath: string,
  options: ExportPackOptions = {},
  passphrase = PASSPHRASE,
): Promise<ExportedPack> {
  return exportPack(
    ws,
    identities,
    { assessmentId, identityLabel: LABEL, passphrase, outPath, profile: 'certification', acceptExceptions: true },
    options,
  );
}

export function sha256Of(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Temp or partial files an export left in a folder. */
export function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.partial'));
}
