import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBenchArgs, roomNeeded, roomProblem } from '../../../main/bench/run-bench';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sscp-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// No assertion on any time here: the bench is run only to prove it measures whole commands.
describe('npm run bench', () => {
  it('times attach, export, verify and import as whole commands, alternating with baselines, with processor time and peak memory', () => {
    const run = () =>
      spawnSync(process.execPath, ['bin/bench.mjs', '--sizes', '0.004', '--runs', '2', '--report-only', '--json', '--dir', dir], {
        cwd: root,
        encoding: 'utf8',
      });
    const r = run();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Evidence mix: .*base64 dumps \(high-entropy text\)/);
    type Figures = { seconds: number; userSeconds: number; systemSeconds: number; peakRssMb: number };
    type Timed = { runs: number; seconds: number; minSeconds: number; maxSeconds: number; cpuSeconds: number | null };
    type Based = { baselineSeconds: number; baselineMinSeconds: number; baselineMaxSeconds: number; baselineCpuSeconds: number | null };
    const json = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
      startup: { verdicts: (Timed & Based & { command: string; targetSeconds: number })[] };
      results: {
        runs: number;
        verdicts: (Timed &
          Based & {
            command: string;
            peakRssMb: number | null;
            ratio: number;
            samples: Figures[];
            baselineSamples: Figures[];
            extra?: Timed & { what: string };
          })[];
        packBytes: number;
      }[];
    };
    const shaped = (v: Timed & Based, runs: number) => {
      expect(v.runs).toBe(runs);
      expect(v.seconds).toBeGreaterThan(0);
      expect(v.baselineSeconds).toBeGreaterThan(0);
      expect(v.minSeconds).toBeLessThanOrEqual(v.seconds);
      expect(v.maxSeconds).toBeGreaterThanOrEqual(v.seconds);
      expect(v.baselineMinSeconds).toBeLessThanOrEqual(v.baselineSeconds);
      expect(v.baselineMaxSeconds).toBeGreaterThanOrEqual(v.baselineSeconds);
      expect(v.cpuSeconds).toEqual(expect.any(Number));
      expect(v.baselineCpuSeconds).toEqual(expect.any(Number));
    };
    // The commands a person types, each against its fixed target and Node's own start-up.
    expect(json.startup.verdicts.map((v) => [v.command.split(' (')[0], v.targetSeconds])).toEqual([
      ['sscp --version', 0.3],
      ['sscp list', 0.5],
      ['sscp set --from', 3],
    ]);
    for (const v of json.startup.verdicts) shaped(v, 5);
    expect(r.stdout).toMatch(
      /sscp list \(50 assessments\): [\d.]+ s \([\d.]+–[\d.]+ s; user [\d.]+ \+ sys [\d.]+ s\), target ≤ 0\.50 s; baseline node -e 0: [\d.]+ s \([\d.]+–[\d.]+ s; user [\d.]+ \+ sys [\d.]+ s\)/,
    );
    // Each size command and its baseline twice (--runs 2), the verdict from the medians.
    expect(json.results[0]!.runs).toBe(2);
    const verdicts = json.results[0]!.verdicts;
    expect(verdicts.map((v) => v.command.split(' ')[1])).toEqual(['attach', 'export', 'verify', 'import']);
    for (const v of verdicts) {
      shaped(v, 2);
      expect(v.ratio).toBeCloseTo(v.seconds / v.baselineSeconds);
      expect(v.samples).toHaveLength(2);
      expect(v.baselineSamples).toHaveLength(2);
      expect(v.peakRssMb).toBe(Math.max(...v.samples.map((s) => s.peakRssMb)));
      expect(v.peakRssMb).toBeGreaterThan(10);
    }
    expect(verdicts[2]!.extra).toMatchObject({ what: 'pdfsig', runs: 2, cpuSeconds: expect.any(Number) });
    expect(r.stdout).toMatch(/Median of 2 runs of each command and baseline, alternating/);
    expect(r.stdout).toMatch(
      /(?:PASS|MISS) {2}sscp export \(database, identity unlock, build, sign\): [\d.]+ s \([\d.]+–[\d.]+ s; user [\d.]+ \+ sys [\d.]+ s\) = [\d.]+× baseline/,
    );
    // The progress on stderr shows the order: baseline, command, baseline, command.
    const order = r.stderr.split('\n').filter((l) => /^ {2}run \d of 2, (cat \| tee copy|sscp attach)/.test(l));
    expect(order.map((l) => l.replace(/:.*/, ''))).toEqual([
      '  run 1 of 2, cat | tee copy | openssl dgst, sync',
      '  run 1 of 2, sscp attach',
      '  run 2 of 2, cat | tee copy | openssl dgst, sync',
      '  run 2 of 2, sscp attach',
    ]);
    // Nothing of the run is left behind: attached copies, packs, imports.
    expect(readdirSync(dir).filter((f) => !f.startsWith('evidence-'))).toEqual([]);
    expect(json.results[0]!.packBytes).toBeGreaterThan(0);
    // The generated evidence is kept, and a second run reuses it instead of generating again.
    expect(readdirSync(dir).filter((f) => f.startsWith('evidence-'))).toHaveLength(1);
    const again = spawnSync(process.execPath, ['bin/bench.mjs', '--help'], { cwd: root, encoding: 'utf8' });
    expect(again.stdout).toContain('--report-only');
    expect(again.stdout).toContain('--runs N');
  }, 300_000);

  it('refuses unknown options and bad sizes with a usage message', () => {
    expect(() => parseBenchArgs(['--size', '1'])).toThrow(/Unknown option "--size"/);
    expect(() => parseBenchArgs(['--sizes', 'big'])).toThrow(/GiB/);
    expect(() => parseBenchArgs(['--dir'])).toThrow(/needs a value/);
    expect(parseBenchArgs(['--quick']).sizes).toHaveLength(1);
    expect(parseBenchArgs([], {}).sizes).toEqual([1024 ** 3, 4 * 1024 ** 3]);
    // Three runs by default, one with --quick, either overridden by --runs wherever it stands.
    expect(parseBenchArgs([], {}).runs).toBe(3);
    expect(parseBenchArgs(['--quick'], {}).runs).toBe(1);
    expect(parseBenchArgs(['--runs', '5', '--quick'], {}).runs).toBe(5);
    expect(parseBenchArgs(['--quick', '--runs', '2'], {}).runs).toBe(2);
    for (const bad of ['0', '-1', '2.5', 'three', '100', ''])
      expect(() => parseBenchArgs(['--runs', bad], {}), bad).toThrow(/--runs takes a whole number of runs from 1 to 99/);
    expect(() => parseBenchArgs(['--runs'], {})).toThrow(/needs a value/);
    const r = spawnSync(process.execPath, ['bin/bench.mjs', '--frobnicate'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Unknown option');
    const badRuns = spawnSync(process.execPath, ['bin/bench.mjs', '--runs', '0'], { cwd: root, encoding: 'utf8' });
    expect(badRuns.status).toBe(2);
    expect(badRuns.stderr).toContain('--runs takes a whole number');
    expect(badRuns.stdout).toBe('');
    // What the user typed is shown, a control character in it as a visible escape, never acted on.
    const escape = spawnSync(process.execPath, ['bin/bench.mjs', '--runs', '\u001b[2J3'], { cwd: root, encoding: 'utf8' });
    expect(escape.status).toBe(2);
    expect(escape.stderr).toContain('not "\\u{1b}[2J3"');
    expect(escape.stderr).not.toContain('\u001b');
    const notAFolder = spawnSync(process.execPath, ['bin/bench.mjs', '--quick', '--dir', join(root, 'package.json')], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(notAFolder.status).toBe(2);
    expect(notAFolder.stderr).toContain('cannot be used');
    const ui = spawnSync(process.execPath, ['bin/bench.mjs', '--ui', '--sizes', '1'], { cwd: root, encoding: 'utf8' });
    expect(ui.status).toBe(2);
    expect(ui.stderr).toContain('--ui takes only --json and --report-only');
  }, 60_000);

  it('refuses to start when the bench folder cannot hold the largest size, before writing anything', () => {
    const GIB = 1024 ** 3;
    // Evidence, attached copy and pack at once; the evidence not counted when generated earlier.
    expect(roomNeeded(GIB, false)).toBeGreaterThan(3 * GIB);
    expect(roomNeeded(GIB, true)).toBeGreaterThan(2 * GIB);
    expect(roomNeeded(GIB, true)).toBeLessThan(roomNeeded(GIB, false));
    const kept = (bytes: number) => bytes === GIB;
    expect(roomProblem('/bench', [GIB, 4 * GIB], 20 * GIB, kept)).toBeNull();
    const problem = roomProblem('/bench', [GIB, 4 * GIB], 10 * GIB, kept);
    expect(problem).toContain('about 12.4 GiB free in /bench for 4.00 GiB of evidence');
    expect(problem).toContain('only 10.0 GiB is free');
    expect(problem).toContain('--dir');
    expect(roomProblem('/bench', [GIB], 2.5 * GIB, kept)).toBeNull();
    expect(roomProblem('/bench', [GIB], 2.5 * GIB, () => false)).toContain('3.1 GiB');
  });

  it('stops quietly when the reader of its figures goes away', async () => {
    const pipeDir = mkdtempSync(join(tmpdir(), 'sscp-bench-pipe-'));
    try {
      const child = spawn(process.execPath, ['bin/bench.mjs', '--sizes', '0.004', '--runs', '1', '--dir', pipeDir], { cwd: root });
      // The reader closes its end at once, as `| head -0` would.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      expect(stderr).not.toContain('EPIPE');
      expect(status).toBe(141);
      expect(readdirSync(pipeDir).filter((f) => !f.startsWith('evidence-'))).toEqual([]);
    } finally {
      rmSync(pipeDir, { recursive: true, force: true });
    }
  }, 120_000);
});
