import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeDemo } from '../../../main/cli/commands/demo';
import type { DemoResult } from '../../../main/demo/run-demo';
import { RESULT_LABELS as FORM_RESULT_LABELS, formatRecord, splitRecord } from '../../../main/form/result-block';
import { RESULT_LABELS as PACK_RESULT_LABELS, WORK_STATUS_LABELS as PACK_STATUS_LABELS } from '../../../main/pack/report/style';
import * as rendererLabels from '../../../renderer/format/labels';
import { PRINCIPLE_STATUS_LABELS, RESULT_LABELS, ROLLUP_LABELS, WORK_STATUS_LABELS, resultWords } from '../../../shared/domain/labels';
import { CLAIM_RESULTS } from '../../../shared/domain/types';

const ROOT = join(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

describe('result and status labels', () => {
  it('are the one shared map in the Word form, the pack report and the desktop app', () => {
    expect(FORM_RESULT_LABELS).toBe(RESULT_LABELS);
    expect(PACK_RESULT_LABELS).toBe(ROLLUP_LABELS);
    expect(PACK_STATUS_LABELS).toBe(WORK_STATUS_LABELS);
    expect(rendererLabels.RESULT_LABELS).toBe(RESULT_LABELS);
    expect(rendererLabels.ROLLUP_LABELS).toBe(ROLLUP_LABELS);
    expect(rendererLabels.STATUS_LABELS).toBe(WORK_STATUS_LABELS);
  });

  it('keep the wording the tests and older Word forms already use', () => {
    expect(RESULT_LABELS).toEqual({
      'not-assessed': 'Not assessed',
      met: 'Met',
      'partially-met': 'Partially met',
      'not-met': 'Not met',
      'not-applicable': 'Not applicable',
    });
    expect(ROLLUP_LABELS['out-of-scope']).toBe('Out of scope');
    expect(PRINCIPLE_STATUS_LABELS['not-assessed']).toBe('Not yet fully assessed');
    expect(PRINCIPLE_STATUS_LABELS['partially-met']).toBe(RESULT_LABELS['partially-met']);
    expect(resultWords('partially-met')).toBe('partially met');
  });

  it('round-trip through the Word form result block for every result', () => {
    for (const result of CLAIM_RESULTS) {
      expect(splitRecord(['Own text', ...formatRecord({ result, actions: [], evidenceFiles: [] })]).record?.result).toBe(result);
    }
  });

  it('are what the CLI demo counts results with', () => {
    const r = {
      outDir: '/tmp/d',
      databasePath: '/tmp/d/db.sqlite',
      packPath: '/tmp/d/p.pdf',
      rootCertificatePath: '/tmp/d/root.pem',
      passphrasePath: '/tmp/d/pass.txt',
      assessmentId: 'a1',
      identityLabel: 'Demo',
      rootFingerprint: 'ab',
      evidenceFiles: 1,
      results: { met: 2, 'partially-met': 3, 'not-applicable': 1 },
      acceptedExceptions: [],
      warnings: [],
      omittedEvidence: [],
    } as unknown as DemoResult;
    expect(describeDemo(r, '/tmp')).toContain(
      `Results: 2 ${resultWords('met')}, 3 ${resultWords('partially-met')}, 1 ${resultWords('not-applicable')}.`,
    );
  });

  it('are spelled out nowhere else in the code, so they cannot drift apart again', () => {
    const spelled = /'(Partially met|Not applicable|Not assessed|Needs review|Not started)'/;
    const offenders = ['main', 'shared', 'renderer']
      .flatMap((d) => sourceFiles(join(ROOT, d)))
      .filter((f) => !f.endsWith(join('shared', 'domain', 'labels.ts')))
      .filter((f) => spelled.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});
