import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SscpError } from '../../shared/errors';
import { writeFileAtomic } from '../fs/write-file-atomic';
import type { CitedEvidence } from './cited-evidence';
import { count } from '../../shared/format/plural';

/** The repository this code runs from: the demo cites its own files. */
export const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Whether an optional piece of evidence can be used. A test report counts only if it parses
 * as a finished vitest report: a run still in progress may be rewriting it.
 */
export async function isEvidenceAvailable(evidence: CitedEvidence, projectDir = REPOSITORY_ROOT): Promise<boolean> {
  if (evidence.source.kind !== 'repo-file') return true;
  const path = join(projectDir, evidence.source.path);
  if (evidence.key === 'test-report') return (await readTestReport(path)) !== null;
  try {
    await access(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

interface TestReportSummary {
  readonly text: string;
  /** One sentence saying what the run covered, for the evidence description. */
  readonly sentence: string;
}

async function readTestReport(path: string): Promise<TestReportSummary | null> {
  try {
    const text = await readFile(path, 'utf8');
    const r = JSON.parse(text) as {
      numTotalTests?: unknown;
      numPassedTests?: unknown;
      numFailedTests?: unknown;
      testResults?: unknown;
      startTime?: unknown;
    };
    if (typeof r.numTotalTests !== 'number' || !Array.isArray(r.testResults)) return null;
    const started = typeof r.startTime === 'number' ? ` It started at ${new Date(r.startTime).toISOString()}.` : '';
    return {
      text,
      sentence: `This run: ${count(r.numTotalTests, 'test')} in ${count(r.testResults.length, 'file')}, ${Number(r.numPassedTests ?? 0)} passed, ${Number(r.numFailedTests ?? 0)} failed.${started}`,
    };
  } catch {
    return null;
  }
}

export interface MaterialisedEvidence {
  readonly path: string;
  /** The evidence's description, with what only this copy can say (where it came from, what a run covered). */
  readonly description: string;
}

/**
 * The file to attach for one cited item. Repository files are attached where they are,
 * except the test report, which is copied first so a test run finishing meanwhile cannot
 * change it under the copy. SBOMs are generated into `outDir`.
 */
export async function materialiseEvidence(
  evidence: CitedEvidence,
  outDir: string,
  projectDir = REPOSITORY_ROOT,
): Promise<MaterialisedEvidence> {
  const { source } = evidence;
  if (source.kind === 'sbom') {
    const outFile = join(outDir, source.fileName);
    try {
      await runSbomScript(projectDir, outFile, source.includeDev);
    } catch (e) {
      throw SscpError.because({ code: 'demo-sbom-failed', detail: e instanceof Error ? e.message : String(e) });
    }
    return { path: outFile, description: evidence.description };
  }
  const path = join(projectDir, source.path);
  const description = `${source.path} in the repository. ${evidence.description}`;
  if (evidence.key === 'test-report') {
    const report = await readTestReport(path);
    if (report === null) throw SscpError.because({ code: 'demo-test-report-unfinished', path });
    const snapshot = join(outDir, 'vitest-report.json');
    await writeFileAtomic(snapshot, report.text, { what: 'test report snapshot', replace: false });
    return { path: snapshot, description: `${description} ${report.sentence}` };
  }
  try {
    await access(path, constants.R_OK);
  } catch {
    throw SscpError.because({ code: 'demo-source-missing', sourcePath: source.path, projectDir });
  }
  return { path, description };
}

/**
 * The demo's SBOM is the one a release ships, so it comes from the repository's own release
 * script, run as a program against the repository it cites: main/ never imports scripts/.
 */
async function runSbomScript(projectDir: string, outFile: string, includeDev: boolean): Promise<void> {
  const args = [join(projectDir, 'scripts', 'sbom.mjs'), '--out', outFile, ...(includeDev ? ['--include-dev'] : [])];
  await new Promise<void>((resolvePromise, reject) => {
    execFile(process.execPath, args, { cwd: projectDir, maxBuffer: 4 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(stderr.trim().split('\n').pop() || error.message));
      else resolvePromise();
    });
  });
}
