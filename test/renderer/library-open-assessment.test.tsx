// @vitest-environment jsdom
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Assessment, EvidenceItem } from '../../shared/domain/types';
import { ContributionsScreen } from '../../renderer/screens/contributions/ContributionsScreen';
import { DashboardScreen } from '../../renderer/screens/dashboard/DashboardScreen';
import { WorkspaceScreen } from '../../renderer/screens/workspace/WorkspaceScreen';
import { useAnnouncer } from '../../renderer/stores/announcer';
import { useAssessment } from '../../renderer/stores/assessment';
import { useAssessments } from '../../renderer/stores/assessments';
import { holdsAllEvidence } from '../../renderer/stores/evidence-replies';
import { useLibrary } from '../../renderer/stores/library';
import { installRealApi, type RealApi } from './real-api';
import { SIGNED_PACK } from '../main/services/workspace-fixture';

// Issue 11: the open assessment stays true after every change made from the evidence library
// (and from a claim's own list), updated from main's reply, never by reading it again. The page's
// real stores and screens talk to main's real handlers over a real database.

const READS = ['assessments.get', 'assessments.open', 'assessments.evidence'];

let real: RealApi;
beforeEach(async () => {
  real = await installRealApi();
  useAssessment.setState({ detail: null, saveState: 'idle', lastChange: null });
  useAnnouncer.setState({ message: '', error: null });
  useLibrary.setState(useLibrary.getInitialState(), true);
});
afterEach(async () => {
  await useLibrary.getState().finishRemoval();
  cleanup();
  await real.cleanup();
});

const draft = (organisation = 'Acme'): Assessment => real.ws().createAssessment({ organisation, role: 'developer-distributor' });
const attach = (a: Assessment, claimId: string, name: string, content = name): Promise<EvidenceItem> =>
  real.ws().attachEvidence(a.id, claimId, real.file(name, content));
/** How many times the page read the assessment: each case checks the change added none. */
const reads = () => real.calls.filter((c) => READS.includes(c)).length;

/** Opens the claim's page as the app does (two replies) and waits until every record is there. */
async function openClaim(a: Assessment, claimId: string): Promise<void> {
  render(<WorkspaceScreen assessmentId={a.id} claimId={claimId} />);
  await screen.findByRole('heading', { name: new RegExp(`^${claimId.replace(/\./g, '\\.')}`) });
  await waitFor(() => expect(holdsAllEvidence(useAssessment.getState().detail!)).toBe(true));
}
/** The names in the claim's evidence list, as the page shows them. */
function shownFiles(claimId: string): string[] {
  const list = screen.queryByRole('list', { name: `Files on claim ${claimId}` });
  if (!list) return [];
  return within(list)
    .queryAllByRole('listitem')
    .map((li) => li.querySelector('.evidence-name')!.textContent!)
    .sort();
}
const badgesOf = (claimId: string, name: string): string[] => {
  const row = within(screen.getByRole('list', { name: `Files on claim ${claimId}` }))
    .getAllByRole('listitem')
    .find((li) => li.querySelector('.evidence-name')!.textContent === name)!;
  return [...row.querySelectorAll('.evidence-badges .badge')].map((b) => b.textContent!);
};
const linksOf = (claimId: string) =>
  useAssessment
    .getState()
    .detail!.links.filter((l) => l.claimId === claimId)
    .map((l) => l.evidenceId)
    .sort();

describe('changes made from the library reach the open assessment from the reply', () => {
  it('a bulk change of details shows on its claims at once', async () => {
    const a = draft();
    const policy = await attach(a, '1.1.1', 'policy.pdf');
    const scan = await attach(a, '1.1.1', 'scan.txt');
    await openClaim(a, '1.1.1');
    expect(badgesOf('1.1.1', 'policy.pdf')).toEqual(['Shareable']);
    const before = reads();

    useLibrary.getState().select([policy.id, scan.id]);
    await useLibrary.getState().updateSelected({ confidential: true, expiryDate: '2027-06-30' });

    await waitFor(() => expect(badgesOf('1.1.1', 'policy.pdf')).toEqual(['Confidential']));
    expect(badgesOf('1.1.1', 'scan.txt')).toEqual(['Confidential']);
    expect(useAssessment.getState().detail!.evidence.map((e) => e.expiryDate)).toEqual(['2027-06-30', '2027-06-30']);
    expect(reads()).toBe(before);
  });

  it('a bulk change of files a signed assessment cites moves the open draft to the new versions, and the signed one keeps the old', async () => {
    const signed = draft('Signed Co');
    const policy = await attach(signed, '1.1.1', 'policy.pdf');
    real.ws().markSigned(signed.id, SIGNED_PACK);
    const a = draft();
    real.ws().linkEvidence(a.id, '1.1.1', policy.id);
    real.ws().linkEvidence(a.id, '1.2.1', policy.id);
    await openClaim(a, '1.1.1');
    const before = reads();

    useLibrary.getState().select([policy.id]);
    await useLibrary.getState().updateSelected({ confidential: true });

    await waitFor(() => expect(badgesOf('1.1.1', 'policy.pdf')).toEqual(['Confidential']));
    // Both claims of the draft are on the version main made, as the database has them.
    const version = real
      .ws()
      .getAssessment(a.id)
      .links.map((l) => l.evidenceId);
    expect(new Set(version).size).toBe(1);
    expect(version[0]).not.toBe(policy.id);
    expect(linksOf('1.1.1')).toEqual([version[0]]);
    expect(linksOf('1.2.1')).toEqual([version[0]]);
    expect(useAssessment.getState().detail!.evidence.map((e) => [e.id, e.confidential])).toEqual([[version[0], true]]);
    expect(reads()).toBe(before);

    // A signed assessment open here keeps what it was signed with.
    cleanup();
    await openClaim(signed, '1.1.1');
    const again = reads();
    useLibrary.getState().clearSelection();
    useLibrary.getState().select([version[0]!]);
    await useLibrary.getState().updateSelected({ expiryDate: '2027-01-31' });
    expect(linksOf('1.1.1')).toEqual([policy.id]);
    expect(badgesOf('1.1.1', 'policy.pdf')).toEqual(['Shareable']);
    expect(reads()).toBe(again);
  });

  it('an open assessment archived meanwhile keeps its files when a change makes new versions for the drafts', async () => {
    const a = draft();
    const policy = await attach(a, '1.1.1', 'policy.pdf');
    const b = draft('Other Co');
    real.ws().linkEvidence(b.id, '1.1.1', policy.id);
    await openClaim(a, '1.1.1');
    const before = reads();

    await useAssessments.getState().archive(a.id);
    expect(useAssessment.getState().detail!.assessment.state).toBe('archived');
    useLibrary.getState().select([policy.id]);
    await useLibrary.getState().updateSelected({ confidential: true });

    // Main made a new version for the draft that uses it; the archived one keeps the file as it was.
    expect(
      real
        .ws()
        .getAssessment(b.id)
        .links.map((l) => l.evidenceId),
    ).not.toEqual([policy.id]);
    expect(
      real
        .ws()
        .getAssessment(a.id)
        .links.map((l) => l.evidenceId),
    ).toEqual([policy.id]);
    expect(linksOf('1.1.1')).toEqual([policy.id]);
    expect(useAssessment.getState().detail!.evidence).toEqual(real.ws().getAssessment(a.id).evidence);
    expect(reads()).toBe(before);
  });

  it('linking files to a claim of the open assessment shows them on the claim and in the dashboard at once', async () => {
    const a = draft();
    const other = draft('Other Co');
    real.ws().updateClaim(a.id, '1.2.1', { result: 'met' });
    const policy = await attach(other, '1.1.1', 'policy.pdf');
    const scan = await attach(other, '1.1.1', 'scan.txt');
    render(<DashboardScreen assessmentId={a.id} />);
    const unsupported = /1\.2\.1.* is marked met but has no evidence attached/;
    expect(await screen.findByText(unsupported)).toBeTruthy();
    const toResolve = () => Number(/(\d+) to resolve/.exec(screen.getByText(/to resolve$/).textContent!)![1]);
    const blockersBefore = toResolve();
    const before = reads();

    useLibrary.getState().select([policy.id, scan.id]);
    await useLibrary.getState().linkSelected({ assessmentId: a.id, claimId: '1.2.1', organisation: 'Acme' });

    await waitFor(() => expect(screen.queryByText(unsupported)).toBeNull());
    expect(toResolve()).toBe(blockersBefore - 1);
    expect(linksOf('1.2.1')).toEqual([policy.id, scan.id].sort());
    expect(useAssessment.getState().detail!.evidence.map((e) => e.fileName)).toEqual(['policy.pdf', 'scan.txt']);
    expect(reads()).toBe(before);

    // Links made to another assessment change nothing here.
    useLibrary.getState().clearSelection();
    useLibrary.getState().select([policy.id]);
    const shown = useAssessment.getState().detail;
    await useLibrary.getState().linkSelected({ assessmentId: other.id, claimId: '1.2.1', organisation: 'Other Co' });
    expect(useAssessment.getState().detail).toBe(shown);
  });

  it('a file replaced in the library is the one every claim of the open draft uses', async () => {
    const a = draft();
    const policy = await attach(a, '1.1.1', 'policy v1.pdf', 'version 1');
    real.ws().linkEvidence(a.id, '1.2.1', policy.id);
    await openClaim(a, '1.1.1');
    expect(shownFiles('1.1.1')).toEqual(['policy v1.pdf']);
    const before = reads();

    real.platform.answerNextDialog('chooseFile', [real.file('policy v2.pdf', 'version 2')]);
    await useLibrary.getState().replace(policy.id);

    await waitFor(() => expect(shownFiles('1.1.1')).toEqual(['policy v2.pdf']));
    const [version] = real.ws().getAssessment(a.id).evidence;
    expect(version!.fileName).toBe('policy v2.pdf');
    expect(linksOf('1.1.1')).toEqual([version!.id]);
    expect(linksOf('1.2.1')).toEqual([version!.id]);
    expect(useAssessment.getState().detail!.evidence).toEqual([version]);
    expect(reads()).toBe(before);
  });

  it('files removed from the library leave the open claims, come back on Undo, and stay gone once final', async () => {
    const a = draft();
    const policy = await attach(a, '1.1.1', 'policy.pdf');
    const scan = await attach(a, '1.1.1', 'scan.txt');
    real.ws().linkEvidence(a.id, '1.2.1', policy.id);
    await openClaim(a, '1.1.1');
    const before = reads();

    await useLibrary.getState().remove([policy.id]);
    await waitFor(() => expect(shownFiles('1.1.1')).toEqual(['scan.txt']));
    expect(linksOf('1.2.1')).toEqual([]);
    expect(useAssessment.getState().detail!.evidence.map((e) => e.id)).toEqual([scan.id]);

    await useLibrary.getState().undoRemoval();
    await waitFor(() => expect(shownFiles('1.1.1')).toEqual(['policy.pdf', 'scan.txt']));
    expect(linksOf('1.2.1')).toEqual([policy.id]);
    expect(useAssessment.getState().detail!.evidence).toEqual(real.ws().getAssessment(a.id).evidence);

    await useLibrary.getState().remove([policy.id, scan.id]);
    await useLibrary.getState().finishRemoval();
    await waitFor(() => expect(shownFiles('1.1.1')).toEqual([]));
    expect(useAssessment.getState().detail!.links).toEqual([]);
    expect(useAssessment.getState().detail!.evidence).toEqual([]);
    expect(reads()).toBe(before);
  });
});

describe("changes made from a claim's own list reach the open assessment from the reply", () => {
  it("removing the selected files shows the claim's evidence as main has it, with a file linked meanwhile elsewhere", async () => {
    const a = draft();
    await attach(a, '1.1.1', 'policy.pdf');
    await attach(a, '1.1.1', 'scan.txt');
    const other = draft('Other Co');
    const log = await attach(other, '1.1.1', 'audit log.csv');
    await openClaim(a, '1.1.1');
    // Another window links a file to the same claim while this one shows it.
    real.ws().linkEvidence(a.id, '1.1.1', log.id);
    const before = reads();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Select all 2 files' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove 2 files from this claim…' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove 2 files' }));

    await waitFor(() => expect(shownFiles('1.1.1')).toEqual(['audit log.csv']));
    expect(linksOf('1.1.1')).toEqual([log.id]);
    expect(reads()).toBe(before);
  });
});

describe('a contribution accepted into the open assessment reaches it from the reply', () => {
  it("shows the claim's contributed answer and files at once, and a rejection changes nothing", async () => {
    const a = draft();
    await attach(a, '1.2.1', 'policy.pdf');
    // A claim owner's signed contribution, imported (in a child process: see the fixture). Through
    // tsx, not the bundled children (childEntry): a page's test runs in a VM context whose URL and
    // TextEncoder are jsdom's, where the bundler's own modules do not load.
    const child = join(__dirname, 'fixtures', 'contribution-child.ts');
    expect(execFileSync(process.execPath, ['--import', 'tsx', child, real.dbPath, a.id, real.dir], { encoding: 'utf8' })).toBe(
      'imported\n',
    );
    await openClaim(a, '1.2.1');
    cleanup();
    render(<ContributionsScreen assessmentId={a.id} />);
    const review = await screen.findByRole('region', { name: /Claim 1\.2\.1/ });
    const answerBefore = useAssessment.getState().detail!.responses.find((r) => r.claimId === '1.1.1');
    const before = reads();

    await userEvent.click(within(review).getByLabelText('I have checked that they may answer for it'));
    await userEvent.click(within(review).getByRole('button', { name: 'Accept claim 1.2.1' }));

    await waitFor(() =>
      expect(
        useAssessment
          .getState()
          .detail!.evidence.map((e) => e.fileName)
          .sort(),
      ).toEqual(['mfa.png', 'policy.pdf']),
    );
    const saved = real.ws().getAssessment(a.id);
    expect(linksOf('1.2.1')).toEqual(saved.links.map((l) => l.evidenceId).sort());
    const response = useAssessment.getState().detail!.responses.find((r) => r.claimId === '1.2.1')!;
    expect(response).toEqual(saved.responses.find((r) => r.claimId === '1.2.1'));
    expect(response).toMatchObject({ result: 'met', evidenceText: 'MFA on every admin account' });
    expect(reads()).toBe(before);

    // Rejecting the other claim changes nothing in the assessment, and reads nothing of it.
    const shown = useAssessment.getState().detail;
    const other = await screen.findByRole('region', { name: /Claim 1\.1\.1/ });
    await userEvent.click(within(other).getByRole('button', { name: 'Reject claim 1.1.1' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: /Claim 1\.1\.1/ })).toBeNull());
    expect(useAssessment.getState().detail).toBe(shown);
    expect(useAssessment.getState().detail!.responses.find((r) => r.claimId === '1.1.1')).toEqual(answerBefore);
    expect(reads()).toBe(before);
  });
});
