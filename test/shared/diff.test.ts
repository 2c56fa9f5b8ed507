import { describe, expect, it } from 'vitest';
import { CURRENT_CATALOG, findCatalog, findClaim } from '../../shared/catalog/index';
import { describeDiffTotals, diffAssessments } from '../../shared/domain/diff';
import { diffText, renderInline, sideOf, tokenize } from '../../shared/domain/text-diff';
import type { AssessmentDetail } from '../../shared/domain/types';
import { makeDetail } from '../fixtures/form/make-detail';

const hash = (c: string): string => c.repeat(64);

describe('word diff', () => {
  it('marks added and removed words and rebuilds both sides exactly', () => {
    const from = 'Policy v2 reviewed\nby the CTO.';
    const to = 'Policy v3 reviewed\nby the CTO and the board.';
    const d = diffText(from, to);
    expect(renderInline(d)).toBe('Policy [-v2-]{+v3+} reviewed\nby the [-CTO.-]{+CTO and the board.+}');
    expect(sideOf(d, 'from')).toBe(from);
    expect(sideOf(d, 'to')).toBe(to);
    expect(d.wordsAdded).toBe(5);
    expect(d.wordsRemoved).toBe(2);
  });

  it('handles empty sides, Unicode and line changes', () => {
    expect(renderInline(diffText('', 'Neu — “Richtlinie”'))).toBe('{+Neu — “Richtlinie”+}');
    expect(renderInline(diffText('gone', ''))).toBe('[-gone-]');
    const d = diffText('line one\nline two\nline three', 'line one\nline three\nline four');
    expect(sideOf(d, 'from')).toBe('line one\nline two\nline three');
    expect(sideOf(d, 'to')).toBe('line one\nline three\nline four');
    expect(tokenize('a  b\n\tc')).toEqual(['a', '  ', 'b', '\n', '\t', 'c']);
  });

  it('stays correct on texts too long for a full table', () => {
    const from = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' ');
    const to = Array.from({ length: 3000 }, (_, i) => `x${i}`).join(' ');
    const d = diffText(from, to);
    expect(sideOf(d, 'from')).toBe(from);
    expect(sideOf(d, 'to')).toBe(to);
  });
});

describe('diffAssessments', () => {
  const before: AssessmentDetail = makeDetail(CURRENT_CATALOG, {
    assessment: { id: 'y1', periodStart: '2025-01-01', periodEnd: '2025-12-31' },
    responses: {
      '1.1.1': { result: 'partially-met', status: 'done', evidenceText: 'Policy v2', arguments: 'Same' },
      '1.2.1': { result: 'met', status: 'done', evidenceText: 'SBOM' },
      '3.2.1': { result: 'met', status: 'done' },
    },
    evidence: [
      { id: 'e-policy-2', sha256: hash('a'), fileName: 'policy.pdf' },
      { id: 'e-sbom-1', sha256: hash('b'), fileName: 'sbom-2025.json' },
      { id: 'e-old', sha256: hash('c'), fileName: 'old-scan.pdf' },
      { id: 'e-kept', sha256: hash('d'), fileName: 'security.txt' },
    ],
    links: [
      { claimId: '1.1.1', evidenceId: 'e-policy-2' },
      { claimId: '1.2.1', evidenceId: 'e-sbom-1' },
      { claimId: '2.2.1', evidenceId: 'e-old' },
      { claimId: '3.2.1', evidenceId: 'e-kept' },
    ],
    actions: [
      { id: 'a1', claimId: '1.1.1', description: 'Update the policy', state: 'open' },
      { id: 'a2', claimId: '2.1.6', description: 'Start access reviews', state: 'open' },
      { id: 'a3', claimId: '2.1.6', description: 'Write access policy', state: 'open' },
    ],
  });
  const after: AssessmentDetail = makeDetail(CURRENT_CATALOG, {
    assessment: { id: 'y2', periodStart: '2026-01-01', periodEnd: '2026-12-31' },
    responses: {
      '1.1.1': { result: 'met', status: 'done', evidenceText: 'Policy v3', arguments: 'Same' },
      '1.2.1': { result: 'met', status: 'needs-review', evidenceText: 'SBOM' },
      '3.2.1': { result: 'met', status: 'done' },
    },
    evidence: [
      { id: 'e-policy-3', sha256: hash('e'), fileName: 'policy.pdf' },
      { id: 'e-sbom-2', sha256: hash('f'), fileName: 'sbom-2026.json' },
      { id: 'e-new', sha256: hash('0'), fileName: 'pentest.pdf' },
      { id: 'e-kept-copy', sha256: hash('d'), fileName: 'security.txt' },
    ],
    links: [
      { claimId: '1.1.1', evidenceId: 'e-policy-3' },
      { claimId: '1.2.1', evidenceId: 'e-sbom-2' },
      { claimId: '1.3.1', evidenceId: 'e-new' },
      { claimId: '3.2.1', evidenceId: 'e-kept-copy' },
    ],
    actions: [
      // Carried forward: a new id, the same description, now done.
      { id: 'b1', claimId: '1.1.1', description: 'update the  policy', state: 'done' },
      { id: 'b2', claimId: '2.1.6', description: 'Start access reviews', state: 'open' },
      { id: 'b3', claimId: '4.2.1', description: 'Publish end-of-support policy', state: 'open' },
    ],
  });

  const diff = diffAssessments(before, after, CURRENT_CATALOG);
  const claim = (id: string) => diff.claims.find((c) => c.claimId === id);

  it('reports result, status and text changes per claim', () => {
    expect(claim('1.1.1')).toMatchObject({ presence: 'both', result: { from: 'partially-met', to: 'met' }, status: null, arguments: null });
    expect(claim('1.1.1')?.evidenceText && renderInline(claim('1.1.1')!.evidenceText!)).toBe('Policy [-v2-]{+v3+}');
    expect(claim('1.2.1')).toMatchObject({ result: null, status: { from: 'done', to: 'needs-review' } });
  });

  it('tells evidence added, removed and replaced apart by hash, file name and slot', () => {
    expect(claim('1.1.1')?.evidenceReplaced).toEqual([
      {
        from: { evidenceId: 'e-policy-2', fileName: 'policy.pdf', sha256: hash('a') },
        to: { evidenceId: 'e-policy-3', fileName: 'policy.pdf', sha256: hash('e') },
      },
    ]);
    // Different names, but the only file in the slot on both sides.
    expect(claim('1.2.1')?.evidenceReplaced.map((r) => [r.from.fileName, r.to.fileName])).toEqual([['sbom-2025.json', 'sbom-2026.json']]);
    expect(claim('1.3.1')?.evidenceAdded.map((e) => e.fileName)).toEqual(['pentest.pdf']);
    expect(claim('2.2.1')?.evidenceRemoved.map((e) => e.fileName)).toEqual(['old-scan.pdf']);
    // Same bytes under a new evidence id: no change.
    expect(claim('3.2.1')).toBeUndefined();
  });

  it('matches carried-forward actions by description and reports opened, closed and dropped', () => {
    expect(claim('1.1.1')?.actionsClosed).toEqual([{ description: 'Update the policy', owner: '', dueDate: null }]);
    expect(claim('2.1.6')).toMatchObject({
      actionsOpened: [],
      actionsClosed: [],
      actionsDropped: [{ description: 'Write access policy' }],
    });
    expect(claim('4.2.1')?.actionsOpened).toEqual([{ description: 'Publish end-of-support policy', owner: '', dueDate: null }]);
  });

  it('summarises per theme and counts unchanged claims', () => {
    expect(diff.claims.map((c) => c.claimId)).toEqual(['1.1.1', '1.2.1', '1.3.1', '2.1.6', '2.2.1', '4.2.1']);
    expect(diff.unchangedClaims).toBe(39);
    expect(diff.totals).toEqual({
      changedClaims: 6,
      unchangedClaims: 39,
      resultChanges: 1,
      statusChanges: 1,
      textChanges: 1,
      evidenceAdded: 1,
      evidenceRemoved: 1,
      evidenceReplaced: 2,
      actionsOpened: 1,
      actionsClosed: 1,
      actionsDropped: 1,
      statementChanges: 0,
    });
    expect(diff.themes.map((t) => [t.themeId, t.changedClaims, t.unchangedClaims])).toEqual([
      ['1', 3, 16],
      ['2', 2, 8],
      ['3', 0, 10],
      ['4', 1, 5],
    ]);
    expect(diff.from).toEqual({
      assessmentId: 'y1',
      organisation: 'Acme Widgets Ltd',
      catalogVersion: CURRENT_CATALOG.version,
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
    });
  });

  it('compares across catalog versions by claim id', () => {
    const older: AssessmentDetail = {
      ...before,
      assessment: { ...before.assessment, catalogVersion: '2024.9' },
      responses: [
        ...before.responses.filter((r) => r.claimId !== '4.3.1'),
        { ...before.responses[0]!, claimId: '4.3.9', evidenceText: 'Only in the old version' },
      ],
    };
    const d = diffAssessments(older, after, CURRENT_CATALOG);
    expect(d.claims.find((c) => c.claimId === '4.3.1')?.presence).toBe('only-to');
    expect(d.claims.find((c) => c.claimId === '4.3.9')).toMatchObject({ presence: 'only-from', themeId: '4' });
    expect(d.claims.at(-1)?.claimId).toBe('4.3.9');
  });

  it('shows a claim whose statement the later catalog words differently, given both catalogs', () => {
    const v1 = findCatalog('uk-sscp', '2025.1')!;
    const v2 = findCatalog('uk-sscp', '2025.2')!;
    const old: AssessmentDetail = { ...before, assessment: { ...before.assessment, catalogVersion: '2025.1' } };
    const d = diffAssessments(old, after, v2, v1);
    expect(d.totals.statementChanges).toBe(18);
    expect(d.claims.find((c) => c.claimId === '1.4.3')?.statement).toEqual({
      fromVersion: '2025.1',
      toVersion: '2025.2',
      from: findClaim(v1, '1.4.3')!.claim.statement,
      to: findClaim(v2, '1.4.3')!.claim.statement,
      note: expect.stringMatching(/own tools/),
    });
    // Nothing else changed on 3.2.1, but its wording did: it is a changed claim.
    expect(d.claims.find((c) => c.claimId === '3.2.1')).toMatchObject({ result: null, status: null, statement: { toVersion: '2025.2' } });
    expect(d.claims.find((c) => c.claimId === '1.1.1')?.statement).toBeNull();
    // Without the earlier catalog there is nothing to compare the wording with.
    expect(diffAssessments(old, after, v2).totals.statementChanges).toBe(0);
  });

  it('finds nothing to report between an assessment and itself', () => {
    const same = diffAssessments(after, after, CURRENT_CATALOG);
    expect(same.claims).toEqual([]);
    expect(same.unchangedClaims).toBe(45);
  });

  it('tells changes of substance apart from work-status-only ones, in one line', () => {
    // Status changes that come with other changes are changes of substance.
    const d = diffAssessments(before, after, CURRENT_CATALOG);
    expect(describeDiffTotals(d)).toBe(`${d.claims.length} claims changed; ${d.unchangedClaims} unchanged.`);
    const reviewOnly = makeDetail(CURRENT_CATALOG, {
      assessment: { id: 'y3' },
      responses: { '1.2.1': { result: 'met', status: 'needs-review', evidenceText: 'SBOM' } },
    });
    const same = makeDetail(CURRENT_CATALOG, {
      assessment: { id: 'y4' },
      responses: { '1.2.1': { result: 'met', status: 'done', evidenceText: 'SBOM' } },
    });
    expect(describeDiffTotals(diffAssessments(same, reviewOnly, CURRENT_CATALOG))).toBe(
      '0 claims changed; 1 changed only their work status; 44 unchanged.',
    );
  });
});
