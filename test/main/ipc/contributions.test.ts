import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentDetail } from '../../../shared/domain/types';
import type {
  ContributionDecisionView,
  ContributionImportView,
  ContributionPreviewView,
  ContributionReviewView,
  ContributionWrittenView,
} from '../../../shared/ipc/views-contributions';
import { ipcHarness } from './ipc-harness';
import { contribute, makeContributor, type Contributor } from '../contribution/helpers';
import { appHintOf } from '../../setup/error-words';

function setup(keyStoreHome: string) {
  return ipcHarness({ actor: () => ({ name: 'Sam SRO', source: 'profile' }), keyStoreHome, trustOpened: true });
}

/** The app's side of contributions: the same services through the IPC contract, with path grants. */
describe('contributions over IPC', () => {
  let dir: string;
  let bob: Contributor;
  let h: ReturnType<typeof setup>;
  let assessmentId: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sscp-ipc-contrib-'));
    h = setup(join(dir, 'home'));
    bob = await makeContributor('Bob Builder');
    const dbPath = join(dir, 'a.sscp');
    h.grants.grant(dbPath, 'database');
    await h.call('workspace.open', { dbPath });
    assessmentId = (
      await h.call<{ id: string }>('assessments.create', {
        organisation: 'Acme Ltd',
        products: [],
        role: 'developer-distributor',
        theme3InScope: false,
        periodStart: null,
        periodEnd: null,
        sroName: 'Sam SRO',
        sroRole: 'CTO',
      })
    ).id;
  });
  afterAll(async () => {
    h.session.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('assigns owners, previews and imports a contribution (the SRO confirms the fingerprint once), reviews and accepts it per claim', async () => {
    expect(
      await h.call('owners.assign', { assessmentId, claimId: '1.2.1', owner: { name: 'Bob Builder', team: 'Platform' } }),
    ).toMatchObject({ claimId: '1.2.1', name: 'Bob Builder', team: 'Platform' });
    expect(await h.call('owners.list', { assessmentId })).toHaveLength(1);
    const file = join(dir, 'bob.sscp-contribution');
    await contribute(bob, file, [
      { claimId: '1.2.1', result: 'met', evidenceText: 'SBOM' },
      { claimId: '1.2.2', status: 'in-progress' },
    ]);

    // Not chosen in a dialog: refused before any service runs.
    expect(await h.dispatch('contributions.previewImport', { path: file })).toMatchObject({ ok: false });
    h.grants.grant(file, 'read');
    const preview = await h.runJob('contributions.previewImport', { path: file });
    expect(preview.ok).toBe(true);
    expect((preview as { value: ContributionPreviewView }).value).toMatchObject({
      signerTrust: 'unknown',
      signerFingerprint: bob.fingerprint,
      contributor: { name: 'Bob Builder' },
    });
    const unconfirmed = await h.runJob('contributions.import', { path: file });
    expect(unconfirmed).toMatchObject({ ok: false, error: { kind: 'untrusted-signer' } });
    // What the app shows names its own checkbox, never a flag to type.
    if (!unconfirmed.ok) {
      expect(appHintOf(unconfirmed.error)).toContain(bob.fingerprint);
      expect(appHintOf(unconfirmed.error)).toMatch(/tick that the fingerprint matches/);
      expect(`${unconfirmed.error.message} ${appHintOf(unconfirmed.error) ?? ''}`).not.toMatch(/--|sscp |command line/);
    }
    const imported = await h.runJob('contributions.import', { path: file, confirmSigner: bob.fingerprint });
    expect(imported.ok, JSON.stringify(imported)).toBe(true);
    const view = (imported as { value: ContributionImportView }).value;
    expect(view).toMatchObject({ assessmentId, signerConfirmed: true, unassignedClaims: ['1.2.2'] });

    const pending = await h.call<ContributionReviewView[]>('contributions.review', { assessmentId });
    expect(pending.map((p) => [p.claimId, p.assigned])).toEqual([
      ['1.2.1', true],
      ['1.2.2', false],
    ]);
    expect(pending[0]).toMatchObject({
      proposed: { result: 'met', evidenceText: 'SBOM', status: null },
      current: { result: 'not-assessed' },
    });
    const refused = await h.dispatch('contributions.accept', {
      assessmentId,
      contributionId: view.contributionId,
      claimId: '1.2.2',
      allowUnassigned: false,
    });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    if (!refused.ok) {
      expect(appHintOf(refused.error)).toMatch(/tick that you have checked/);
      expect(`${refused.error.message} ${appHintOf(refused.error) ?? ''}`).not.toMatch(/--|sscp |command line/);
    }
    const accepted = await h.call<ContributionDecisionView>('contributions.accept', {
      assessmentId,
      contributionId: view.contributionId,
      claimId: '1.2.1',
      allowUnassigned: false,
    });
    expect(accepted).toMatchObject({ decided: [{ claimId: '1.2.1', state: 'accepted' }] });
    // The claim as it is now, answer and evidence, read in the same transaction: the app updates the open assessment from it.
    const detail = await h.call<AssessmentDetail>('assessments.get', { assessmentId });
    const ids = detail.links.filter((l) => l.claimId === '1.2.1').map((l) => l.evidenceId);
    expect(accepted.claims).toEqual([
      {
        assessmentId,
        claimId: '1.2.1',
        response: detail.responses.find((r) => r.claimId === '1.2.1'),
        evidence: detail.evidence.filter((e) => ids.includes(e.id)),
      },
    ]);
    expect(accepted.claims[0]!.response).toMatchObject({ result: 'met', evidenceText: 'SBOM' });
    expect(accepted.claims[0]!.evidence.map((e) => e.id)).toEqual(accepted.decided[0]!.evidenceIds);
    expect(
      await h.call('contributions.reject', { assessmentId, contributionId: view.contributionId, claimId: '1.2.2', reason: 'Not yours' }),
    ).toEqual(expect.objectContaining({ decided: [expect.objectContaining({ claimId: '1.2.2', state: 'rejected' })], claims: [] }));
    const credits = await h.call<{ answers: Record<string, { name: string }> }>('contributions.credits', { assessmentId });
    expect(credits.answers['1.2.1']).toMatchObject({ name: 'Bob Builder' });
  });

  it('writes a contribution from the Contribute screen with an identity in the key store, only to and from granted paths', async () => {
    await h.call('identities.create', {
      label: 'me',
      sroName: 'Sam SRO',
      sroRole: 'CTO',
      organisation: 'Acme Ltd',
      withRoot: false,
      passphrase: 'correct horse battery staple',
    });
    const evidence = join(dir, 'log.txt');
    await writeFile(evidence, 'build ok\n');
    const out = join(dir, 'mine.sscp-contribution');
    const args = {
      organisation: 'Acme Ltd',
      claims: [{ claimId: '2.1.1', result: 'met' }],
      filePaths: [evidence],
      identityLabel: 'me',
      passphrase: 'correct horse battery staple',
      outPath: out,
    };
    h.grants.grant(out, 'write');
    // The attached file was never chosen: refused, nothing written.
    expect(await h.dispatch('contributions.create', args)).toMatchObject({ ok: false });
    h.grants.grant(evidence, 'read');
    h.grants.grant(out, 'write');
    const r = await h.runJob('contributions.create', args);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect((r as { value: ContributionWrittenView }).value).toMatchObject({ contributor: 'Sam SRO', claims: ['2.1.1'], files: 1 });
  });
});
