import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatShow, showToJson } from '../../../main/cli/commands/show';
import { groupByOwner, namesOwner, ownerKey } from '../../../shared/domain/contribution';
import { summariseOwners } from '../../../renderer/screens/dashboard/OwnersCard';
import { makeWorkspace, type WorkspaceFixture } from '../services/workspace-fixture';

/**
 * Who an owner is has one rule (shared/domain/contribution.ts): their email when they have one,
 * else their name, case and surrounding spaces aside. `sscp show` and the app's Owners card
 * group by it, so both list the same people.
 */
let f: WorkspaceFixture;
let id: string;
beforeEach(() => {
  f = makeWorkspace();
  id = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' }).id;
  // Priya twice by email (her team renamed between assignments, her name typed differently);
  // two different people both called Sam, told apart by their emails; Lee with no email, twice.
  f.ws.assignOwner(id, '1.1.1', { name: 'Priya Raman', team: 'Platform', email: 'priya@example.com' });
  f.ws.assignOwner(id, '1.1.2', { name: 'priya raman', team: 'Platform Security', email: 'Priya@Example.com' });
  f.ws.assignOwner(id, '1.2.1', { name: 'Sam', email: 'sam.okafor@example.com' });
  f.ws.assignOwner(id, '1.2.2', { name: 'Sam', email: 'sam.lee@example.com' });
  f.ws.assignOwner(id, '1.3.1', { name: 'Lee Chen' });
  f.ws.assignOwner(id, '1.3.2', { name: 'LEE CHEN', team: 'Ops' });
});
afterEach(() => f.cleanup());

describe('who an owner is', () => {
  it('groups by email when there is one, else by name', () => {
    const groups = groupByOwner(f.ws.claimOwners(id));
    expect(groups.map((g) => g.claimIds)).toEqual([['1.1.1', '1.1.2'], ['1.2.1'], ['1.2.2'], ['1.3.1', '1.3.2']]);
    expect(ownerKey({ name: ' Lee Chen ', email: '' })).toBe(ownerKey({ name: 'lee chen', email: ' ' }));
    expect(ownerKey({ name: 'Sam', email: 'a@x' })).not.toBe(ownerKey({ name: 'Sam', email: 'b@x' }));
    expect(namesOwner({ name: 'Sam', email: 'sam.lee@example.com' }, ' SAM.LEE@example.com')).toBe(true);
    expect(namesOwner({ name: 'Sam', email: '' }, '')).toBe(false);
  });

  it('sscp show and the Owners card list the same owners', () => {
    const detail = f.ws.getAssessment(id);
    const app = summariseOwners(detail, f.ws.claimOwners(id), []).owners;
    expect(app.map((o) => [o.name, o.claimIds])).toEqual([
      ['Priya Raman', ['1.1.1', '1.1.2']],
      ['Sam', ['1.2.1']],
      ['Sam', ['1.2.2']],
      ['Lee Chen', ['1.3.1', '1.3.2']],
    ]);
    const text = formatShow(
      showToJson(detail, f.ws.completeness(id), undefined, null, {
        owners: f.ws.claimOwners(id),
        credits: { evidence: new Map(), answers: new Map() },
        pending: [],
      }),
    );
    const section = text
      .slice(text.indexOf('\nOwners\n') + '\nOwners\n'.length)
      .split('\n\n')[0]!
      .trimEnd()
      .split('\n');
    expect(section).toEqual([
      '  Priya Raman: 0 done; waiting on them: 1.1.1, 1.1.2',
      '  Sam: 0 done; waiting on them: 1.2.1',
      '  Sam: 0 done; waiting on them: 1.2.2',
      '  Lee Chen: 0 done; waiting on them: 1.3.1, 1.3.2',
    ]);
  });
});
