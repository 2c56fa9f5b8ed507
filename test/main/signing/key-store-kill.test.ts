import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityService } from '../../../main/signing/identity-service';
import { sqliteIdentityRows } from '../../../main/signing/identity-repo';
import { openKeyStore, type KeyStore } from '../../../main/signing/key-store';
import { adoptLegacyIdentities } from '../../../main/signing/legacy-identities';
import { openDatabase } from '../../../main/store/database';
import { runAndKill } from '../../helpers/kill-harness';
import { makeTempDir } from './helpers';

const PASSPHRASE = 'a long enough passphrase';
const CHILD = join(import.meta.dirname, 'fixtures', 'adopt-child.ts');

/** Moving identities out of an older database, killed between its steps: never lost, never doubled. */
describe('moving identities into the key store, killed at each step', () => {
  const temp = makeTempDir('adopt-kill');
  let scratch: KeyStore;

  beforeAll(async () => {
    scratch = openKeyStore(join(temp.dir, 'scratch'));
    const service = createIdentityService(scratch, { kdf: { name: 'pbkdf2-sha256', iterations: 600_000 } });
    await service.create({ label: 'Ada', sroName: 'Ada', sroRole: 'CTO', organisation: 'Org', withRoot: true, passphrase: PASSPHRASE });
    await service.create({ label: 'Bo', sroName: 'Bo', sroRole: 'CEO', organisation: 'Org', passphrase: PASSPHRASE });
  });
  afterAll(() => {
    scratch.close();
    temp.cleanup();
  });

  const counts = (db: string, home: string) => {
    const d = openDatabase(db, { mustExist: true });
    const store = openKeyStore(home);
    try {
      return {
        inDatabase: d.prepare('SELECT count(*) FROM signing_identities').pluck().get(),
        inStore: store.repository
          .list()
          .map((i) => i.label)
          .sort(),
      };
    } finally {
      d.close();
      store.close();
    }
  };

  for (const moment of ['copied:Ada', 'copied:Bo', 'removed:']) {
    it(`killed after "${moment}", the identities are in the store or the database or both, and the next open finishes the move`, async () => {
      const name = moment.replace(/\W/g, '-');
      const db = join(temp.dir, `${name}.sscp`);
      const home = join(temp.dir, `${name}-home`);
      const d = openDatabase(db);
      for (const label of ['Ada', 'Bo'])
        sqliteIdentityRows(d, 'signing_identities').repository.insert(scratch.repository.findByLabel(label)!);
      d.close();

      const outcome = await runAndKill(CHILD, [db, home], { when: (line) => line === moment, extraDelayMs: 0 });
      expect(outcome.killed).toBe(true);
      expect(outcome.lines).not.toContain('done');
      const after = counts(db, home);
      const expected = {
        'copied:Ada': { inDatabase: 2, inStore: ['Ada'] },
        'copied:Bo': { inDatabase: 2, inStore: ['Ada', 'Bo'] },
        'removed:': { inDatabase: 0, inStore: ['Ada', 'Bo'] },
      }[moment];
      expect(after).toEqual(expected);

      adoptLegacyIdentities(db, home);
      expect(counts(db, home)).toEqual({ inDatabase: 0, inStore: ['Ada', 'Bo'] });
      const store = openKeyStore(home);
      try {
        expect((await createIdentityService(store).unlock('Ada', PASSPHRASE)).label).toBe('Ada');
      } finally {
        store.close();
      }
    });
  }
});
