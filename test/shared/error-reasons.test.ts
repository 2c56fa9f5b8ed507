import { describe, expect, it } from 'vitest';
import { REASON_KIND, REASON_MESSAGES, wordReason, type ErrorReason, type ReasonCode } from '../../shared/error-reasons';
import { SscpError } from '../../shared/errors';
import { CLI_HINTS } from '../../main/cli/error-hints';
import { APP_HINTS } from '../../renderer/ipc/error-hints';
import { toIpcError } from '../../main/ipc/errors';
import { UiError } from '../../renderer/ipc/ui-error';
import { describeError } from '../../shared/errors';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_EXAMPLES } from './reason-examples/services';
import { FS_EXAMPLES } from './reason-examples/fs';
import { SIGNING_EXAMPLES } from './reason-examples/signing';
import { DOMAIN_EXAMPLES } from './reason-examples/domain';
import { APP_EXAMPLES, STORE_EXAMPLES } from './reason-examples/store';
import { IMPORT_EXAMPLES } from './reason-examples/import';
import { PACK_EXAMPLES } from './reason-examples/pack';
import { FORM_EXAMPLES } from './reason-examples/form';
import { OUTPUT_EXAMPLES } from './reason-examples/outputs';
import { CONTRIBUTION_EXAMPLES } from './reason-examples/contribution';

/** One example of every reason: a new code without an example fails to compile here. */
const EXAMPLES: { readonly [C in ReasonCode]: Extract<ErrorReason, { code: C }> } = {
  ...SERVICE_EXAMPLES,
  ...FS_EXAMPLES,
  ...SIGNING_EXAMPLES,
  ...DOMAIN_EXAMPLES,
  ...STORE_EXAMPLES,
  ...APP_EXAMPLES,
  ...IMPORT_EXAMPLES,
  ...PACK_EXAMPLES,
  ...FORM_EXAMPLES,
  ...OUTPUT_EXAMPLES,
  ...CONTRIBUTION_EXAMPLES,
  'batch-entry-refused': {
    code: 'batch-entry-refused',
    index: 2,
    claimId: '1.1.1',
    inner: { code: 'not-a-choice', value: 'finished', what: 'status', allowed: ['done'] },
  },
  'unknown-claim': { code: 'unknown-claim', claimId: '9.9.9', catalog: 'uk-sscp 2025.2' },
  'assessment-not-found': { code: 'assessment-not-found', id: 'abc' },
  'earlier-assessment-not-found': { code: 'earlier-assessment-not-found', id: 'abc' },
  'action-not-found': { code: 'action-not-found', id: 'act' },
  'evidence-not-found': { code: 'evidence-not-found', id: 'ev' },
  'evidence-not-linked': { code: 'evidence-not-linked', fileName: 'sbom.json', claimId: '1.1.1' },
  'response-row-missing': { code: 'response-row-missing', claimId: '1.1.1' },
  'evidence-changed': { code: 'evidence-changed', label: 'sbom.json', what: 'has changed' },
  'pack-already-imported': { code: 'pack-already-imported', importedAt: '2026-01-02T03:04:05Z', assessmentId: 'abc' },
  'form-already-imported': {
    code: 'form-already-imported',
    fileName: 'form.docx',
    importedAt: '2026-01-02T03:04:05Z',
    assessmentId: 'abc',
  },
  'form-without-organisation': { code: 'form-without-organisation', fileName: 'form.docx' },
  'identity-not-found': { code: 'identity-not-found', label: 'SRO 2026' },
  'certificate-not-valid-then': {
    code: 'certificate-not-valid-then',
    label: 'SRO 2026',
    from: '2026-01-01T00:00:00Z',
    to: '2027-01-01T00:00:00Z',
    at: '2028-01-01T00:00:00Z',
  },
  'no-database': { code: 'no-database', path: '/tmp/x.sscp' },
  'signoff-blocked': { code: 'signoff-blocked', count: 1 },
  'assessment-signed': { code: 'assessment-signed', signedAt: '2026-11-02T10:00:00Z', archived: false, attempt: 'change' },
  'assessment-archived': { code: 'assessment-archived', attempt: 'sign' },
  'evidence-kept-by-signed': {
    code: 'evidence-kept-by-signed',
    fileName: 'pentest.pdf',
    assessmentId: 'abc',
    organisation: 'Acme',
    signedAt: '2026-03-31T10:00:00Z',
    archived: false,
    kept: 3,
  },
  'removal-not-undoable': { code: 'removal-not-undoable', removalId: 'rem' },
};

const all = Object.values(EXAMPLES) as ErrorReason[];

describe('error reasons', () => {
  it('are worded by the app without ever asking the person to type a command or a flag', () => {
    for (const r of all) {
      const hint = wordReason(APP_HINTS, r);
      expect(hint, r.code).not.toMatch(/\bsscp\b|--[a-z]/);
      expect(hint.length, r.code).toBeGreaterThan(10);
    }
  });

  it('are worded by the CLI without sending the person to menus or screens', () => {
    for (const r of all) {
      const hint = wordReason(CLI_HINTS, r);
      expect(hint, r.code).not.toMatch(/\bSettings\b|\bscreen\b|\bin the app\b|\bmenu\b/);
    }
  });

  it('say what is wrong in one sentence shared by both surfaces, with the facts', () => {
    expect(wordReason(REASON_MESSAGES, EXAMPLES['unknown-claim'])).toBe(
      'Claim 9.9.9 is not in the Code of Practice (catalog uk-sscp 2025.2).',
    );
    expect(wordReason(REASON_MESSAGES, EXAMPLES['signoff-blocked'])).toBe('The assessment cannot be signed yet: 1 sign-off check fails.');
    expect(wordReason(REASON_MESSAGES, { code: 'signoff-blocked', count: 2 })).toBe(
      'The assessment cannot be signed yet: 2 sign-off checks fail.',
    );
  });

  it('name the command that exists for a changed evidence file (sscp check, not "sscp evidence verify")', () => {
    expect(wordReason(CLI_HINTS, EXAMPLES['evidence-changed'])).toMatch(/sscp check --db FILE/);
  });

  it("cross the IPC boundary as facts and come out in the app's words", () => {
    for (const r of all) {
      const e = SscpError.because(r);
      expect(e.kind).toBe(REASON_KIND[r.code]);
      const value = toIpcError(e);
      expect(value).toEqual({ kind: e.kind, message: e.message, reason: r });
      const ui = new UiError(value);
      expect(ui.message).toBe(e.message);
      expect(ui.hint).toBe(wordReason(APP_HINTS, r));
    }
  });

  it('are each worded by both maps, with a kind: nothing is left to a fallback at run time', () => {
    const codes = Object.keys(EXAMPLES).sort();
    for (const [name, map] of Object.entries({ REASON_KIND, REASON_MESSAGES, CLI_HINTS, APP_HINTS })) {
      expect(Object.keys(map).sort(), name).toEqual(codes);
    }
    for (const r of all) {
      for (const words of [REASON_MESSAGES, CLI_HINTS, APP_HINTS]) {
        const text = wordReason(words, r);
        expect(typeof text, r.code).toBe('string');
        expect(text.trim().length, r.code).toBeGreaterThan(5);
        expect(text, r.code).not.toMatch(/undefined|\[object Object\]|NaN/);
      }
    }
  });

  it('every reason a service raises in the source is one the maps word', () => {
    const raised = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name)) {
          for (const m of readFileSync(path, 'utf8').matchAll(/because\(\{\s*code:\s*'([a-z0-9-]+)'/g)) raised.add(m[1]!);
        }
      }
    };
    for (const root of ['main', 'shared']) walk(join(__dirname, '..', '..', root));
    expect(raised.size).toBeGreaterThan(50);
    for (const code of raised) {
      expect(Object.keys(CLI_HINTS), code).toContain(code);
      expect(Object.keys(APP_HINTS), code).toContain(code);
    }
  });

  it('name no flag and no command in the app when an entry of a list of changes is refused', () => {
    const entry = EXAMPLES['batch-entry-refused'];
    const e = SscpError.because(entry);
    expect(e.kind).toBe('invalid-input');
    expect(e.message).toBe('Entry [2] (claim "1.1.1"): "finished" is not a valid status. Nothing was changed.');
    expect(wordReason(CLI_HINTS, entry)).toBe('Use one of: done.');
    const signed = SscpError.because({ ...entry, inner: EXAMPLES['assessment-signed'] });
    expect(signed.kind).toBe('frozen');
    expect(wordReason(APP_HINTS, signed.reason!)).toBe(wordReason(APP_HINTS, EXAMPLES['assessment-signed']));
  });

  it('tell the CLI user to give --as when the name to record is unusable, and the app user their profile', () => {
    const r = EXAMPLES['actor-name-unusable'];
    expect(wordReason(CLI_HINTS, r)).toMatch(/--as NAME|SSCP_USER/);
    expect(wordReason(CLI_HINTS, r)).not.toMatch(/Settings/);
    expect(wordReason(APP_HINTS, r)).toMatch(/Settings, Your profile/);
  });

  it("word an existing file with the CLI's --force, and the app's own words without it", () => {
    const exists = EXAMPLES['destination-exists'];
    expect(wordReason(CLI_HINTS, exists)).toBe('Add --force to replace it, or give --out another name.');
    expect(wordReason(CLI_HINTS, { ...exists, cliHint: null })).toBe('Choose another name for the pack, or agree to replace the file.');
    expect(wordReason(APP_HINTS, exists)).toBe('Choose another name for the pack, or agree to replace the file.');
  });

  it('are worded by describeError in the words of the surface it is given', () => {
    const e = SscpError.because(EXAMPLES['contributor-not-assigned']);
    expect(describeError(e, CLI_HINTS)).toBe(`${e.message}\n${wordReason(CLI_HINTS, e.reason!)}`);
    expect(describeError(e, CLI_HINTS)).toContain('--unassigned');
    expect(describeError(e, APP_HINTS)).not.toContain('--unassigned');
    expect(describeError(new SscpError('conflict', 'Wrong.', 'Do this.'), CLI_HINTS)).toBe('Wrong.\nDo this.');
  });

  it('are how the converted areas refuse: no service there words its own hint any more', () => {
    /** Files left with a `new SscpError(` of their own, and why. */
    const allowed: Record<string, string> = {
      // Rewraps a refusal that carries no reason yet, keeping its own words.
      'main/services/assessment-ops.ts': 'an entry refused by an error without a reason',
    };
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts') && !(path in allowed) && readFileSync(join(ROOT, path), 'utf8').includes('new SscpError(')) {
          offenders.push(path);
        }
      }
    };
    for (const dir of CONVERTED) walk(dir);
    expect(offenders).toEqual([]);
  });
});

const ROOT = join(__dirname, '..', '..');
/** The areas whose refusals are all reasons; a new area joins this list once converted. */
const CONVERTED = [
  'main/services',
  'main/fs',
  'main/signing',
  'shared/domain',
  'main/store',
  'main/evidence',
  'main/ipc',
  'main/pack',
  'main/form',
  'main/import',
  'main/demo',
  'main/reminders',
  'main/attestation',
  'main/app',
  'main/contribution',
  'main/bench',
  'main/preload',
  'shared/format',
  'shared/ipc',
  'shared/catalog',
];
