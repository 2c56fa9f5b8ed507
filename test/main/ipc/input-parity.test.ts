import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateRequest } from '../../../main/ipc/validate';
import { MAX_PRODUCTS } from '../../../shared/domain/text-rules';
import { SscpError } from '../../../shared/errors';
import { appHintOf, cliHintOf } from '../../setup/error-words';
import { makeWorkspace, type WorkspaceFixture } from '../services/workspace-fixture';

/**
 * The app's requests are parsed with the same input schemas (shared/domain/inputs.ts) the
 * services use, so the app refuses exactly what `sscp` refuses, with the same words, and
 * accepts what it accepts. Lengths are counted in characters as a person counts them, and
 * surrounding spaces do not count (they are trimmed before the check, as the service does).
 */
let f: WorkspaceFixture;
let assessmentId: string;
beforeEach(() => {
  f = makeWorkspace();
  assessmentId = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' }).id;
});
afterEach(() => f.cleanup());

/** What the app's request gets: null when accepted, else the error's message and hint. */
function ipc(channel: string, args: unknown): { message: string; hint: string | undefined } | null {
  try {
    validateRequest(channel, args);
    return null;
  } catch (e) {
    if (!(e instanceof SscpError)) throw e;
    return { message: e.message, hint: appHintOf(e) };
  }
}

/** What the service (so the CLI) does with the same input. */
function service(fn: () => unknown): { message: string; hint: string | undefined } | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (!(e instanceof SscpError)) throw e;
    return { message: e.message, hint: cliHintOf(e) };
  }
}

const ASTRAL = '\u{1D49C}'; // MATHEMATICAL SCRIPT CAPITAL A: one character, two UTF-16 units.

describe('input rules: the app and the services agree', () => {
  const owners: Record<string, { name: string; team?: string; email?: string }> = {
    'a long name in an astral script (60 characters)': { name: ASTRAL.repeat(60) },
    'a name of 101 characters': { name: 'n'.repeat(101) },
    'a blank name': { name: '   ' },
    'an email that is not one': { name: 'Bob', email: 'bob at example' },
    'an email padded with spaces': { name: 'Bob', email: `  ${'e'.repeat(243)}@example.com  ` },
    'a team with a line break': { name: 'Bob', team: 'Plat\nform' },
    'a team of 100 astral characters': { name: 'Bob', team: ASTRAL.repeat(100) },
  };
  for (const [what, owner] of Object.entries(owners)) {
    it(`owners: ${what}`, () => {
      const fromApp = ipc('owners.assign', { assessmentId, claimId: '1.2.1', owner });
      const fromService = service(() => f.ws.assignOwner(assessmentId, '1.2.1', owner));
      expect(fromApp).toEqual(fromService);
    });
  }

  it('owners: what both accept is stored trimmed, as the service stores it', () => {
    expect(ipc('owners.assign', { assessmentId, claimId: '1.2.1', owner: { name: ASTRAL.repeat(100) } })).toBeNull();
    expect(f.ws.assignOwner(assessmentId, '1.2.1', { name: ` ${ASTRAL.repeat(100)} ` })?.name).toBe(ASTRAL.repeat(100));
  });

  it('a rejection reason is held to the service rule (2,000 characters, one line)', () => {
    const args = (reason: string) => ({ assessmentId, contributionId: 'c1', reason });
    expect(ipc('contributions.reject', args(ASTRAL.repeat(1500)))).toBeNull();
    expect(ipc('contributions.reject', args('x'.repeat(2001)))).toEqual({
      message: 'The reason is longer than 2000 characters.',
      hint: 'Give the reason on one line.',
    });
  });

  it('a contribution names its organisation, team and email by the rules writing one applies', () => {
    const base = {
      claims: [{ claimId: '1.2.1', result: 'met' }],
      filePaths: [],
      identityLabel: 'sro',
      passphrase: 'pw',
      outPath: '/tmp/x.sscp-contribution',
    };
    // 150 characters: within the organisation's 200, though 300 UTF-16 units.
    expect(ipc('contributions.create', { ...base, organisation: ASTRAL.repeat(150), team: ASTRAL.repeat(80) })).toBeNull();
    expect(ipc('contributions.create', { ...base, organisation: 'Acme', email: 'nobody' })?.message).toBe(
      '"nobody" is not an email address.',
    );
    expect(ipc('contributions.create', { ...base, organisation: 'Acme\u202E' })?.message).toMatch(/organisation name/);
  });

  it('the same product named twice is one product, in the app as in the service', () => {
    const products = [...Array.from({ length: MAX_PRODUCTS }, (_, i) => `Product ${i + 1}`), 'Product 1'];
    expect(ipc('assessments.update', { assessmentId, patch: { products } })).toBeNull();
    expect(f.ws.updateAssessment(assessmentId, { products }).products).toHaveLength(MAX_PRODUCTS);
  });
});
