import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { SIZES, sidewaysScrolling } from './reflow';
import { startBridge, type Bridge } from './bridge';
import { writeEvidenceFiles } from './fixtures';
import { readPkcs12 } from '../../main/signing/pkcs12';
import { writeContribution } from '../../main/contribution/write-contribution';
import { makeContributor } from '../main/contribution/helpers';
import { META_CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { bundleStandinPreload, launchChromium, openApp, serveRenderer, type AppPage } from './harness';

const appRoot = fileURLToPath(new URL('../..', import.meta.url));
const screenshots = join(appRoot, 'test/e2e/screenshots');

let work: string;
let bridge: Bridge;
let renderer: Awaited<ReturnType<typeof serveRenderer>>;
let browser: Browser;
let app: AppPage;
let page: Page;
let files: Awaited<ReturnType<typeof writeEvidenceFiles>>;
let fingerprint = '';
let packPath: string;
let formPath: string;
let attestationPath: string;
const PASSPHRASE = 'correct horse battery staple';

/** Every screen: no serious accessibility problem, and a picture to look at. */
async function checkScreen(name: string): Promise<void> {
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: false });
  const violations = await seriousViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

/** How long a step that writes many files to disk may take before it counts as hung. */
const BULK_WAIT_MS = 180_000;

async function visible(locator: ReturnType<Page['locator']>, timeout = 10_000): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout });
}

async function waitForSaved(): Promise<void> {
  await expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 10_000 }).toBe('All changes saved');
}

/** The id of the assessment open in the workspace, from the app's own list. */
async function currentAssessmentId(): Promise<string> {
  const res = await fetch(`${bridge.url}/invoke`, {
    method: 'POST',
    headers: { 'x-sscp-token': bridge.token },
    body: JSON.stringify({ channel: 'assessments.list', args: {} }),
  });
  const list = (await res.json()) as { value: { assessment: { id: string } }[] };
  return list.value[0]!.assessment.id;
}

async function openClaim(id: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Claims' })
    .getByRole('button', { name: new RegExp(`^${id.replace(/\./g, '\\.')} `) })
    .click();
  await expect.poll(() => page.locator('#claim-heading').textContent()).toContain(id);
}

describe('the SRO journey in Chromium', () => {
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'sscp-e2e-'));
    await mkdir(screenshots, { recursive: true });
    files = await writeEvidenceFiles(join(work, 'evidence to attach'));
    packPath = join(work, 'Acme pack.pdf');
    formPath = join(work, 'Acme form.docx');
    attestationPath = join(work, 'Acme attestation.cdx.json');
    bridge = await startBridge(appRoot);
    renderer = await serveRenderer(join(appRoot, 'dist/renderer'));
    browser = await launchChromium();
    app = await openApp(browser, renderer.url, bridge, await bundleStandinPreload(appRoot));
    page = app.page;
    page.setDefaultTimeout(10_000);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await page?.screenshot({ path: join(screenshots, `failed-${ctx.task.name.slice(0, 40)}.png`) });
  });

  afterAll(async () => {
    await browser?.close();
    await renderer?.close();
    await bridge?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('starts on the welcome page and creates a database', async () => {
    await expect.poll(() => page.getByRole('heading', { name: 'Welcome' }).isVisible()).toBe(true);
    await checkScreen('01-welcome');
    bridge.platform.answerNextDialog('newDatabase', [join(work, 'Acme assessments.sscp')]);
    await page.getByRole('button', { name: 'Start keeping assessments…' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Assessments' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Acme assessments.sscp');
  });

  it('creates an assessment, explaining what each vendor role puts in scope', async () => {
    await page.getByRole('button', { name: 'Start your first assessment' }).click();
    await page.getByLabel('Organisation name').fill('Acme Software Ltd');
    await page.getByLabel('Products covered').fill('Acme Ledger\nAcme Payroll Cloud');
    await visible(page.getByText('All 14 principles in all 4 themes apply.'));
    // A finished period: one not yet ended would need the SRO's explicit early-signing consent.
    await page.getByLabel('From', { exact: true }).fill('2025-01-01');
    await page.getByLabel('To', { exact: true }).fill('2025-12-31');
    await page.getByLabel('Name', { exact: true }).fill('Priya Raman');
    await page.getByLabel('Job title').fill('Chief Technology Officer');
    await checkScreen('02-new-assessment');
    await page.getByRole('button', { name: 'Create assessment' }).click();
    await expect.poll(() => page.locator('#claim-heading').textContent()).toContain('1.1.1');
  });

  it('fills several claims with autosave, and undoes the last change', async () => {
    await page.getByRole('radio', { name: 'Met', exact: true }).check();
    await waitForSaved();
    await page
      .getByLabel('Evidence', { exact: true })
      .fill('Secure development policy v1.3, approved by the board; peer review records in the code host.');
    await page.getByLabel('Arguments and assumptions').fill('The policy covers every product team, including contractors.');
    await page.getByLabel('Work status', { exact: true }).selectOption('done');
    await waitForSaved();

    await openClaim('1.1.2');
    await page.getByRole('radio', { name: 'Partially met' }).check();
    await page.getByLabel('Evidence', { exact: true }).fill('Threat models exist for Acme Ledger only.');
    await waitForSaved();

    await openClaim('1.2.1');
    await page.getByRole('radio', { name: 'Not met' }).check();
    await waitForSaved();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByRole('radio', { name: 'Not assessed' }).isChecked()).toBe(true);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Undid the last change to claim 1.2.1');
    await page.getByRole('radio', { name: 'Not met' }).check();
    await waitForSaved();
  });

  it('saves the last words typed when the window closes before the autosave pause', async () => {
    await openClaim('1.2.1');
    await page.getByLabel('Arguments and assumptions').fill('No inventory of third-party components yet.');
    bridge.emit('app.closing', {});
    await expect.poll(() => bridge.platform.closeReadyCalls.length, { timeout: 10_000 }).toBe(1);
    const res = await fetch(`${bridge.url}/invoke`, {
      method: 'POST',
      headers: { 'x-sscp-token': bridge.token },
      body: JSON.stringify({ channel: 'assessments.get', args: { assessmentId: await currentAssessmentId() } }),
    });
    const detail = (await res.json()) as { value: { responses: { claimId: string; arguments: string }[] } };
    expect(detail.value.responses.find((r) => r.claimId === '1.2.1')?.arguments).toBe('No inventory of third-party components yet.');
  });

  it('attaches real files with progress, and links one from the library to another claim', async () => {
    await openClaim('1.1.1');
    bridge.platform.answerNextDialog('openEvidenceFiles', [files.policy, files.chart]);
    await page.getByRole('button', { name: 'Attach files…' }).click();
    await expect.poll(() => page.locator('.evidence-item').count(), { timeout: 20_000 }).toBe(2);
    await visible(page.getByText('Secure development policy.txt'));
    await page.getByRole('button', { name: 'Preview Vulnerability trend.png' }).click();
    await visible(page.getByRole('img', { name: 'Contents of Vulnerability trend.png' }));
    await checkScreen('04-evidence-preview');
    await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();

    await openClaim('1.1.2');
    await page.getByRole('button', { name: 'Link from library' }).click();
    await page.getByLabel('Find by name').fill('policy');
    await page.getByRole('button', { name: 'Link Secure development policy.txt' }).click();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.locator('.evidence-item').count()).toBe(1);
  });

  it('records a remedial action with an owner and due date', async () => {
    await page.getByLabel('New action').fill('Write threat models for Acme Payroll Cloud');
    await page.getByLabel('Owner').fill('Head of Engineering');
    await page.getByLabel('Due date').fill('2027-03-31');
    await page.getByRole('button', { name: 'Add action' }).click();
    await visible(page.getByRole('cell', { name: 'Write threat models for Acme Payroll Cloud', exact: true }));
    await checkScreen('03-workspace');
  });

  it('shows the dashboard: results chart, sign-off blockers, open actions', async () => {
    await page.getByRole('button', { name: 'Dashboard' }).click();
    await visible(page.getByRole('heading', { name: 'Results by theme and principle' }));
    await visible(page.getByRole('heading', { name: 'Head of Engineering' }));
    await visible(page.getByText('Blocks signing').first());
    // Who made each change, from the profile, through direct calls and the job host alike.
    const history = page.locator('.history-list');
    await visible(history.locator('li', { hasText: 'Evidence attached' }).first().getByText('By Priya Raman (CTO)'));
    await visible(history.locator('li', { hasText: 'Remedial action added' }).first().getByText('By Priya Raman (CTO)'));
    await checkScreen('05-dashboard');
  });

  it('lists every file in the evidence library and replaces one with a newer version, keeping its links', async () => {
    await page.getByRole('button', { name: 'Evidence library' }).click();
    await expect.poll(() => page.locator('.library-body [role="row"]').count()).toBe(2);
    bridge.platform.answerNextDialog('chooseFile', [files.policyV2]);
    await page.getByRole('button', { name: 'Replace Secure development policy.txt with a newer version' }).click();
    await visible(page.locator('.library-grid').getByText('Secure development policy v2.txt', { exact: true }), 20_000);
    await visible(page.getByText('Older version, replaced by Secure development policy v2.txt'));
    const row = page.locator('.library-body [role="row"]', { hasText: 'Secure development policy v2.txt' });
    await visible(row.getByRole('button', { name: '1.1.1' }));
    await visible(row.getByRole('button', { name: '1.1.2' }));
    await page.getByLabel('Find by name').fill('trend');
    await expect.poll(() => page.locator('.library-body [role="row"]').count()).toBe(1);
    await page.getByLabel('Find by name').fill('');
    await checkScreen('06-library');
  });

  it(
    'handles many files: a claim with 45 scans, the library sorted naturally and changed in bulk',
    async () => {
      const scans = join(work, 'scans');
      await mkdir(scans, { recursive: true });
      const paths: string[] = [];
      for (let i = 1; i <= 45; i += 1) {
        const path = join(scans, `scan ${i}.txt`);
        await writeFile(path, `scan number ${i}`);
        paths.push(path);
      }
      await page.getByRole('button', { name: 'Claims' }).click();
      await openClaim('1.3.1');
      bridge.platform.answerNextDialog('openEvidenceFiles', paths);
      await page.getByRole('button', { name: 'Attach files…' }).click();
      // 45 attaches, each flushed to disk: under `npm test` the unit suite writes and flushes a 2 GiB
      // pack at the same time, and this alone has taken over a minute. A guard against a hang, not a time.
      await visible(page.getByText('Select all 45 files'), BULK_WAIT_MS);
      // A compact list that renders only what is in view, in natural order.
      const claimRows = page.getByRole('list', { name: 'Files on claim 1.3.1' }).getByRole('listitem');
      expect(await claimRows.count()).toBeLessThan(45);
      expect(await claimRows.first().locator('.evidence-name').textContent()).toBe('scan 1.txt');
      expect(await claimRows.nth(1).locator('.evidence-name').textContent()).toBe('scan 2.txt');
      await checkScreen('06b-claim-many-files');

      await page.getByRole('button', { name: 'Evidence library' }).click();
      await page.getByLabel('Claim').selectOption('1.3.1');
      await visible(page.getByText(/^45 of \d+ files$/));
      const rows = page.locator('.library-body [role="row"]');
      expect(await rows.nth(0).locator('.evidence-name').textContent()).toBe('scan 1.txt');
      expect(await rows.nth(9).locator('.evidence-name').textContent()).toBe('scan 10.txt');
      await page.getByRole('button', { name: /^Size/ }).click();
      await expect.poll(() => page.locator('[role="columnheader"][aria-sort="ascending"]').textContent()).toContain('Size');
      await rows.first().focus();
      await page.keyboard.press('End');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe('46');
      await page.getByRole('checkbox', { name: 'Select all 45 files shown' }).check();
      await page.getByRole('button', { name: 'Mark confidential…' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Mark 45 files confidential' }).click();
      await page.getByLabel('Sharing').selectOption('confidential');
      await visible(page.getByText(/^45 of \d+ files$/));
      await checkScreen('06c-library-bulk');

      // Take them off the claim again in one step; they stay in the library, unused.
      await page.getByRole('button', { name: 'Claims' }).click();
      await openClaim('1.3.1');
      await page.getByText('Select all 45 files').click();
      await page.getByRole('button', { name: 'Remove 45 files from this claim…' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Remove 45 files' }).click();
      await visible(page.getByText(/^No evidence yet\. Drop files here, use Attach files, or Add a reference/));
      await page.getByRole('button', { name: 'Evidence library' }).click();
      await page.getByLabel('Claim').selectOption('unused');
      await visible(page.getByText(/^4[5-9] of \d+ files$/));
      await page.getByRole('button', { name: 'Clear filters' }).click();
    },
    2 * BULK_WAIT_MS,
  );

  it('changes the theme in settings and shows the about facts', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await checkScreen('08-settings-dark');
    await page.getByRole('button', { name: 'All assessments' }).click();
    await checkScreen('09-start-dark');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: 'Light' }).check();
    await page.getByRole('button', { name: 'All assessments' }).click();
    await visible(page.getByRole('button', { name: 'Acme Software Ltd', exact: true }));
    await checkScreen('10-start');
  });

  it('creates a signing identity in settings and exports its certificate', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Create identity' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name for this identity').fill('Priya Raman 2026');
    await dialog.getByLabel('Your name').fill('Priya Raman');
    await dialog.getByLabel('Your job title').fill('Chief Technology Officer');
    await dialog.getByLabel('Organisation', { exact: true }).fill('Acme Software Ltd');
    await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await dialog.getByLabel('Passphrase again').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Create identity' }).click();
    await visible(page.locator('.identity .evidence-name', { hasText: 'Priya Raman 2026' }), 30_000);
    const certificate = join(work, 'Priya certificate.pem');
    bridge.platform.answerNextDialog('saveFile', [certificate]);
    await page.getByRole('button', { name: /^Export certificate.*Priya Raman 2026/ }).click();
    await expect.poll(() => readFile(certificate, 'utf8').catch(() => ''), { timeout: 10_000 }).toContain('BEGIN CERTIFICATE');
    fingerprint = ((await page.locator('.identity .fingerprint').first().textContent()) ?? '').replace(/^SHA-256 /, '').replace(/\s+/g, '');
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    await checkScreen('08-settings');
  });

  it('reminds once that the new identity has no backup, and backs it up with its root key to a .p12', async () => {
    const reminder = page.locator('.banner', { hasText: 'has no backup.' });
    await visible(reminder);
    const backup = join(work, 'Priya backup.p12');
    bridge.platform.answerNextDialog('saveFile', [backup]);
    await reminder.getByRole('button', { name: /^Export backup/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Passphrase of this identity').fill(PASSPHRASE);
    await dialog.getByLabel('New password for the backup file').fill('a long backup password');
    await dialog.getByLabel('Backup password again').fill('a long backup password');
    await dialog.getByRole('checkbox', { name: /Include the organisation root/ }).check();
    await checkScreen('08b-backup');
    await dialog.getByRole('button', { name: 'Choose where to save and back up…' }).click();
    await visible(page.locator('.identity', { hasText: 'Backed up' }), 60_000);
    expect(await reminder.count()).toBe(0);
    const contents = await readPkcs12(backup, 'a long backup password');
    expect(contents.rootPrivateKeyPkcs8).not.toBeNull();
  });

  it('exports the official Word form from the dashboard', async () => {
    await page.getByRole('button', { name: 'Dashboard' }).click();
    bridge.platform.answerNextDialog('saveFile', [formPath]);
    await page.getByRole('button', { name: 'Export Word form…' }).click();
    await expect
      .poll(
        () =>
          stat(formPath)
            .then((s) => s.size)
            .catch(() => 0),
        { timeout: 30_000 },
      )
      .toBeGreaterThan(1000);
  });

  it('exports the CycloneDX attestation from the dashboard, beside the Word form', async () => {
    bridge.platform.answerNextDialog('saveFile', [attestationPath]);
    await page.getByRole('button', { name: 'Export attestation (CycloneDX)…' }).click();
    await expect
      .poll(
        () =>
          stat(attestationPath)
            .then((s) => s.size)
            .catch(() => 0),
        { timeout: 30_000 },
      )
      .toBeGreaterThan(1000);
    const doc = JSON.parse(await readFile(attestationPath, 'utf8')) as {
      bomFormat: string;
      specVersion: string;
      declarations: { affirmation?: unknown };
    };
    expect(doc).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
    // Not signed yet: no affirmation.
    expect(doc.declarations.affirmation).toBeUndefined();
  });

  it('signs and exports with a progress bar, then shows the verification of the written pack', async () => {
    await page.getByRole('button', { name: 'Sign and export' }).first().click();
    await visible(page.getByRole('heading', { name: 'Readiness' }));
    await checkScreen('07-sign');
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    bridge.platform.answerNextDialog('saveFile', [packPath]);
    await page.getByRole('button', { name: 'Choose where to save…' }).click();
    await expect.poll(() => page.getByTestId('out-path').textContent()).toBe('Acme pack.pdf');
    await page.getByRole('checkbox', { name: /I accept the/ }).check();
    // Record whether the progress bar ever showed, however quickly signing finishes.
    await page.evaluate(() => {
      const w = window as unknown as { sawProgress: boolean };
      w.sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="job-progress-sign"] [role="progressbar"]')) w.sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByRole('button', { name: 'Sign and export', exact: true }).last().click();
    await visible(page.getByText('Signature valid and signer trusted.'), 60_000);
    expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
    expect((await stat(packPath)).size).toBeGreaterThan(1000);
    await page.getByRole('button', { name: 'Show in folder' }).click();
    await expect.poll(() => bridge.platform.revealed).toEqual([packPath]);
    await checkScreen('07-sign-result');
  });

  it('checks a pack before importing it, then imports it', async () => {
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByLabel("Signer's published fingerprint (optional)").fill(fingerprint);
    bridge.platform.answerNextDialog('chooseFile', [packPath]);
    await page.getByRole('button', { name: 'Choose a pack…' }).click();
    await visible(page.getByText('Signature valid and signer trusted.'), 60_000);
    await checkScreen('11-import-pack');
    await page.getByRole('button', { name: 'Import this pack' }).click();
    await visible(page.getByText('Imported as a signed, read-only assessment.'), 60_000);
  });

  it('imports the Word form with a placement report', async () => {
    bridge.platform.answerNextDialog('chooseFile', [formPath]);
    await page.getByRole('button', { name: 'Choose a form…' }).click();
    await visible(page.getByRole('heading', { name: /Where each row of/ }), 30_000);
    await visible(page.getByRole('cell', { name: '1.1.1', exact: true }).first());
    await checkScreen('12-import-form');
    await page.getByRole('button', { name: 'Import this form' }).click();
    await visible(page.getByText('Imported as a new draft.'), 30_000);
  });

  it('carries the signed assessment forward and compares the two periods', async () => {
    await page.getByRole('button', { name: 'All assessments' }).click();
    await page
      .getByRole('button', { name: /^Carry forward.*Acme Software Ltd/ })
      .first()
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Carry forward' }).click();
    await visible(page.getByRole('heading', { name: 'Next period started' }));
    await checkScreen('13-carry-forward');
    await page.getByRole('button', { name: 'Open the new draft' }).click();
    await openClaim('1.2.1');
    await page.getByRole('radio', { name: 'Met', exact: true }).check();
    await page.getByLabel('Evidence', { exact: true }).fill('Software bill of materials kept for every release since March.');
    await waitForSaved();
    await page.getByRole('button', { name: 'Compare' }).click();
    await visible(page.getByRole('heading', { name: 'Claim 1.2.1' }), 20_000);
    await checkScreen('14-compare');
  });

  it("imports a claim owner's signed contribution, shows it beside the current answer, and accepts it", async () => {
    const owner = await makeContributor('Bob Builder');
    const contribution = join(work, 'Bob SBOM.sscp-contribution');
    await writeContribution(owner.identity, {
      organisation: 'Acme Software Ltd',
      claims: [
        {
          claimId: '1.3.1',
          result: 'met',
          status: 'done',
          evidenceText: 'Release checklist run by CI on every tag.',
          files: [files.policy],
        },
      ],
      outPath: contribution,
      replace: false,
    });
    await page.getByRole('button', { name: 'Contributions', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Contributions', exact: true }));
    bridge.platform.answerNextDialog('chooseFile', [contribution]);
    await page.getByRole('button', { name: 'Choose a contribution…' }).click();
    await visible(page.getByText('A new contributor: confirm their fingerprint once.'), 30_000);
    await visible(page.getByText(owner.fingerprint));
    await page.getByLabel('The fingerprint matches the one they gave me').check();
    await checkScreen('14b-contribution-import');
    await page.getByRole('button', { name: 'Import for review' }).click();
    await visible(page.getByText(/Imported as contribution [0-9a-f]{8}, waiting for your review/), 30_000);
    const review = page.getByRole('region', { name: /Claim 1\.3\.1/ });
    await visible(review);
    await visible(review.getByText('Release checklist run by CI on every tag.'));
    await checkScreen('14c-contribution-review');
    await review.getByLabel('I have checked that they may answer for it').check();
    await review.getByRole('button', { name: 'Accept claim 1.3.1' }).click();
    await visible(page.getByText('No contribution is waiting.'));
    await checkScreen('14d-contribution-accepted');
  });

  it('reads well in the dark theme too: workspace and dashboard pass the contrast checks', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.getByRole('button', { name: 'Claims' }).click();
    await visible(page.locator('#claim-heading'));
    await checkScreen('15-workspace-dark');
    await page.getByRole('button', { name: 'Dashboard' }).click();
    await visible(page.getByRole('heading', { name: 'Results by theme and principle' }));
    await checkScreen('16-dashboard-dark');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: 'Light' }).check();
  });

  it('finds no damage when the SRO checks the database', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Check for damage' }).click();
    await visible(page.getByText('No damage found', { exact: false }), 30_000);
  });

  it('answers a whole assessment by keyboard alone, within a keystroke budget', async () => {
    let keystrokes = 0;
    const press = async (key: string) => {
      keystrokes++;
      await page.keyboard.press(key);
    };
    const type = async (text: string) => {
      keystrokes += text.length;
      await page.keyboard.type(text);
    };
    const focused = () => page.evaluate(() => `${document.activeElement?.id ?? ''}|${document.activeElement?.textContent?.trim() ?? ''}`);
    /** Presses Tab (or Shift+Tab) until focus is on what `wanted` matches, counting each press. */
    const tabTo = async (wanted: RegExp, key: 'Tab' | 'Shift+Tab' = 'Tab') => {
      for (let i = 0; i < 40; i++) {
        await press(key);
        if (wanted.test(await focused())) return;
      }
      throw new Error(`Tab never reached ${wanted}`);
    };

    await page.getByRole('button', { name: 'All assessments' }).click();
    await expect.poll(focused).toMatch(/^page-title\|/);
    await tabTo(/\|New assessment$/, 'Shift+Tab');
    await press('Enter');
    await expect.poll(focused).toMatch(/^page-title\|New assessment/);
    await tabTo(/^organisation\|/);
    await type('Keyboard Ltd');
    await tabTo(/^sroName\|/);
    await type('Priya Raman');
    await press('Tab');
    await type('CTO');
    await press('Enter');
    await expect.poll(() => page.locator('#claim-heading').textContent()).toContain('1.1.1');
    // Focus is where the work is: the shortcuts work straight away.
    await expect.poll(focused).toMatch(/^page-title\|Keyboard Ltd/);
    const beforeAnswering = keystrokes;
    const results = ['1', '2', '3', '4'];
    for (let i = 0; i < 45; i++) {
      const heading = (await page.locator('#claim-heading').textContent()) ?? '';
      await press(results[i % results.length]!);
      await press('j');
      if (i < 44) await expect.poll(() => page.locator('#claim-heading').textContent()).not.toBe(heading);
    }
    await visible(page.getByText('That was the last claim in the list.'));
    await waitForSaved();
    // Two keys a claim: a result, then the next claim. 3,642 keystrokes before, nothing to a
    // signed pack, when each claim's result was reached by Tab through the 45-item list.
    expect(keystrokes - beforeAnswering).toBeLessThanOrEqual(45 * 2);
    // Creating it (typing the three required fields included) and answering all 45 claims.
    expect(keystrokes).toBeLessThanOrEqual(150);

    const list = (await (
      await fetch(`${bridge.url}/invoke`, {
        method: 'POST',
        headers: { 'x-sscp-token': bridge.token },
        body: JSON.stringify({ channel: 'assessments.list', args: {} }),
      })
    ).json()) as {
      value: { assessment: { id: string; organisation: string } }[];
    };
    const id = list.value.find((i) => i.assessment.organisation === 'Keyboard Ltd')!.assessment.id;
    const res = await fetch(`${bridge.url}/invoke`, {
      method: 'POST',
      headers: { 'x-sscp-token': bridge.token },
      body: JSON.stringify({ channel: 'assessments.get', args: { assessmentId: id } }),
    });
    const detail = (await res.json()) as { value: { responses: { result: string }[] } };
    expect(detail.value.responses.filter((r) => r.result !== 'not-assessed')).toHaveLength(45);

    // The shortcuts are listed in the help overlay, and never fire while typing.
    await press('?');
    await visible(page.getByRole('dialog', { name: 'Keyboard shortcuts' }));
    await checkScreen('18-shortcuts');
    await press('Escape');
    await press('/');
    await expect.poll(focused).toMatch(/^claim-search\|/);
    await type('1j');
    await expect.poll(() => page.getByTestId('claim-count').textContent()).toMatch(/^\d+ of 45 claims$/);
    expect(detail.value.responses).toHaveLength(45);
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect.poll(() => page.getByTestId('claim-count').textContent()).toBe('45 claims');
  });

  it('reflows every main screen at 200 % zoom, 320 px, 1024×700 and 1920×1080 without sideways scrolling', async () => {
    const screens = [
      ['start', 'All assessments'],
      ['workspace', 'Claims'],
      ['dashboard', 'Dashboard'],
      ['sign', 'Sign and export'],
      ['library', 'Evidence library'],
      ['import', 'Import'],
      ['compare', 'Compare'],
      ['settings', 'Settings'],
    ] as const;
    try {
      for (const size of SIZES) {
        await page.setViewportSize({ width: size.width, height: size.height });
        for (const [name, button] of screens) {
          await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: button, exact: true }).click();
          await visible(page.locator('#page-title'));
          expect(await sidewaysScrolling(page), `${name} at ${size.name}`).toEqual([]);
          await checkScreen(`r-${name}-${size.name}`);
        }
      }
    } finally {
      await page.setViewportSize({ width: 1366, height: 860 });
    }
  });

  it('switches to another database and back through the recent list', async () => {
    await page.getByRole('button', { name: 'All assessments' }).click();
    bridge.platform.answerNextDialog('openDatabase', [join(work, 'Recipient.sscp')]);
    await page.getByRole('button', { name: 'Open other assessments…' }).click();
    await visible(page.getByText('There are no assessments yet.'));
    // The other database's assessment is no longer offered in the sidebar.
    expect(await page.getByRole('button', { name: 'Claims' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Acme assessments.sscp' }).click();
    await visible(page.getByRole('heading', { name: 'In this file' }));
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(1);
    await checkScreen('17-start-recent');
  });

  it('never made a request outside the app, the CSP held, and the bridge refuses callers without the token', async () => {
    expect(app.strayRequests).toEqual([]);
    const anonymous = await fetch(`${bridge.url}/invoke`, {
      method: 'POST',
      body: JSON.stringify({ channel: 'assessments.list', args: {} }),
    });
    expect(anonymous.status).toBe(403);
    const forged = await fetch(`${bridge.url}/invoke`, { method: 'POST', headers: { 'x-sscp-token': '0'.repeat(64) }, body: '{}' });
    expect(forged.status).toBe(403);
    const blocked = await page.evaluate(async () => {
      try {
        await fetch('https://example.com/');
        return false;
      } catch {
        return true;
      }
    });
    expect(blocked).toBe(true);
    // The built page carries the policy itself, for file:// where no response header applies.
    const meta = await page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
    );
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    expect(app.consoleErrors.filter((e) => !e.includes('example.com'))).toEqual([]);
  });
});
