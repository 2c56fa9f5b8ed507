import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPack, summariseAudit } from '../../../main/pack/export-pack';
import { openWorkspace } from '../../../main/services/workspace';
import { createIdentityService } from '../../../main/signing/identity-service';
import { openKeyStore } from '../../../main/signing/key-store';
import { canonicalJson } from '../../../shared/format/canonical-json';
import { openDatabase } from '../../../main/store/database';
import { MIGRATIONS } from '../../../main/store/migrations/index';
import { CURRENT_CATALOG } from '../../../shared/catalog/index';
import type { Actor } from '../../../shared/domain/actor';
import { makeTempDir, run } from './fixtures';

/**
 * A database first used by a build that did not record names, then worked on by two people,
 * then signed: the pack's audit trail lists who contributed, and what it cannot know.
 */
describe('the pack lists who contributed', () => {
  const { dir, cleanup } = makeTempDir('sscp-contributors-');
  const db = join(dir, 'team.sscp');
  const packPath = join(dir, 'pack.pdf');
  let text = '';

  beforeAll(async () => {
    const old = openDatabase(db, { migrations: MIGRATIONS.filter((m) => m.version <= 2) });
    const at = '2026-01-05T09:00:00.000Z';
    old
      .prepare(
        'INSERT INTO assessments (id, organisation, role, catalog_id, catalog_version, sro_name, sro_role, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run('a1', 'Acme Ltd', 'reseller', CURRENT_CATALOG.id, CURRENT_CATALOG.version, 'Priya Raman', 'CTO', at, at);
    for (const claimId of ['1.1.1', '1.1.2'])
      old.prepare('INSERT INTO claim_responses (assessment_id, claim_id, updated_at) VALUES (?, ?, ?)').run('a1', claimId, at);
    const detail = { organisation: 'Acme Ltd' };
    const hash = createHash('sha256')
      .update(canonicalJson([1, at, 'a1', 'assessment.created', detail, '0'.repeat(64)]), 'utf8')
      .digest('hex');
    old
      .prepare('INSERT INTO audit_log (seq, at, assessment_id, action, detail_json, prev_hash, hash) VALUES (1, ?, ?, ?, ?, ?, ?)')
      .run(at, 'a1', 'assessment.created', canonicalJson(detail), '0'.repeat(64), hash);
    old.prepare('INSERT INTO audit_head (id, seq, hash) VALUES (1, 1, ?)').run(hash);
    old.close();

    let actor: Actor = { name: 'Sam Okafor', role: 'Security lead', source: 'profile' };
    const ws = openWorkspace(db, { mustExist: true, actor: () => actor });
    const identityDb = openKeyStore(join(dir, 'home'));
    try {
      ws.updateClaim('a1', '1.1.1', { status: 'done', result: 'met' });
      ws.updateClaim('a1', '1.1.2', { status: 'in-progress' });
      actor = { name: 'Priya Raman', role: 'CTO', email: 'priya@example.com', source: 'profile' };
      ws.updateClaim('a1', '1.1.2', { arguments: 'Reviewed with the team.' });
      const identities = createIdentityService(identityDb);
      await identities.create({
        label: 'sro',
        sroName: 'Priya Raman',
        sroRole: 'CTO',
        organisation: 'Acme Ltd',
        withRoot: false,
        passphrase: 'correct horse battery staple',
      });
      await exportPack(ws, identities, {
        assessmentId: 'a1',
        identityLabel: 'sro',
        passphrase: 'correct horse battery staple',
        outPath: packPath,
        profile: 'certification',
        acceptExceptions: true,
      });
      expect((await ws.checkIntegrity()).auditChain).toMatchObject({ ok: true, problems: [] });
    } finally {
      identityDb.close();
      ws.close();
    }
    text = run('pdftotext', ['-enc', 'UTF-8', '-layout', packPath, '-']).stdout;
  }, 60_000);
  afterAll(() => cleanup());

  it('prints each contributor with the number of changes, and the changes from before names were kept as not recorded', () => {
    const section = text.slice(text.indexOf('Contributors'));
    expect(section).toMatch(/Sam Okafor \(Security lead\)\s+2\b/);
    expect(section).toMatch(/Priya Raman \(CTO\)\s+1\b/);
    expect(section).toMatch(/not recorded\s+1\b/);
    expect(section).toMatch(/did\s+not\s+yet\s+record\s+who\s+made\s+each\s+change/);
    // Sam made the most changes, so Sam is listed first.
    expect(section.indexOf('Sam Okafor')).toBeLessThan(section.indexOf('Priya Raman (CTO)'));
  });

  it('names who made each key event, in words rather than action ids', () => {
    const events = text.slice(text.indexOf('Key events'));
    expect(events).toMatch(/not recorded\s+Assessment created/);
    expect(events).not.toContain('assessment.created');
  });

  it('summarises from the log, counting only this assessment, including the signing itself', () => {
    const ws = openWorkspace(db, { mustExist: true });
    try {
      expect(summariseAudit(ws, 'a1').contributors).toEqual([
        { who: 'Sam Okafor (Security lead)', changes: 2 },
        { who: 'Priya Raman (CTO)', changes: 2 },
        { who: 'not recorded', changes: 1 },
      ]);
    } finally {
      ws.close();
    }
  });
});
