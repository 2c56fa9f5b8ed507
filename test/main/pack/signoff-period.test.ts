import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ExportJson } from '../../../main/cli/commands/export';
import { openWorkspace } from '../../../main/services/workspace';
import { sscp, tempFolder } from '../../cli/run-sscp';
import { createIdentity, newAssessment, writePassphraseFile } from '../../cli/cli-fixtures';
import { run } from './fixtures';

/** `sscp export` on 15 June 2026 (the store's clock, set here) for periods before, around and after it. */
describe('sign-off checks cover the assessment period', () => {
  const { dir, db, cleanup } = tempFolder();
  const passFile = join(dir, 'pass.txt');

  const assessment = (start: string, end: string) => newAssessment(db, '--period-start', start, '--period-end', end);
  const exportArgs = (id: string, out: string) => [
    'export',
    id,
    '--db',
    db,
    '--identity',
    'sro',
    '--out',
    join(dir, out),
    '--passphrase-file',
    passFile,
    '--accept-exceptions',
  ];
  const state = (id: string) => {
    const ws = openWorkspace(db);
    try {
      return ws.getAssessment(id).assessment.state;
    } finally {
      ws.close();
    }
  };

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-15T12:00:00'));
    writePassphraseFile(dir);
    await createIdentity({ passFile, label: 'sro' });
  });
  afterAll(() => {
    vi.useRealTimers();
    cleanup();
  });

  it('a period that has not started cannot be signed, not even with --accept-exceptions or --before-period-end', async () => {
    const id = await assessment('2026-07-01', '2027-06-30');
    const r = await sscp(...exportArgs(id, 'future.pdf'), '--before-period-end');
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'The assessment period starts on 1 July 2026, after today: the SRO cannot attest to practices that have not happened yet.',
    );
    expect(() => readFileSync(join(dir, 'future.pdf'))).toThrow();
    expect(state(id)).toBe('draft');
  });

  it('a period not yet ended is signed only with --before-period-end, and the pack says so on the cover and in the attestation', async () => {
    const id = await assessment('2026-01-01', '2026-12-31');
    const refused = await sscp(...exportArgs(id, 'early.pdf'));
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('The assessment period runs until 31 December 2026');
    expect(refused.err).toContain('Add --before-period-end to confirm.');
    expect(() => readFileSync(join(dir, 'early.pdf'))).toThrow();
    expect(state(id)).toBe('draft');

    const signed = await sscp(...exportArgs(id, 'early.pdf'), '--before-period-end', '--json');
    expect(signed.code, signed.err).toBe(0);
    const json = JSON.parse(signed.out) as ExportJson;
    expect(json.warnings).toContain('Signed before the assessment period ends (31 December 2026), as you confirmed; the pack says so.');
    const text = run('pdftotext', ['-layout', join(dir, 'early.pdf'), '-']).stdout.replace(/\s+/g, ' ');
    const note = 'Signed on 15 June 2026, before the period ends on 31 December 2026.';
    expect(text.split(note).length - 1).toBe(2);
    expect(text).toContain('The Senior Responsible Owner confirmed signing before the end of the period');
    expect(state(id)).toBe('signed');
  });

  it('a finished period needs no confirmation and the pack says nothing about early signing', async () => {
    const id = await assessment('2025-06-01', '2026-05-31');
    const r = await sscp(...exportArgs(id, 'done.pdf'));
    expect(r.code, r.err).toBe(0);
    expect(run('pdftotext', [join(dir, 'done.pdf'), '-']).stdout).not.toContain('before the period ends');
  });
});
