import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../../main/bench/run-bench';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sscp-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// No assertion on any time here: the bench is run only to prove it measures whole commands.
describe('npm run bench', () => {
  it('times attach, export, verify and import as whole commands, with baselines and peak memory', () => {
    const run = () =>
      spawnSync(process.execPath, ['bin/bench.mjs', '--sizes', '0.004', '--report-only', '--json', '--dir', dir], {
        cwd: root,
        encoding: 'utf8',
      });
    const r = run();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Evidence mix: .*base64 dumps \(high-entropy text\)/);
    const json = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
      startup: { verdicts: { command: string; seconds: number; targetSeconds: number; baselineSeconds: number; runs: number }[] };
      results: { verdicts: { command: string; seconds: number; baselineSeconds: number; peakRssMb: number | null }[]; packBytes: number }[];
    };
    // The commands a person types, each against its fixed target and Node's own start-up.
    expect(json.startup.verdicts.map((v) => [v.command.split(' (')[0], v.targetSeconds])).toEqual([
      ['sscp --version', 0.3],
      ['sscp list', 0.5],
      ['sscp set --from', 3],
    ]);
    for (const v of json.startup.verdicts) {
      expect(v.seconds).toBeGreaterThan(0);
      expect(v.baselineSeconds).toBeGreaterThan(0);
      expect(v.runs).toBe(5);
    }
    expect(r.stdout).toMatch(/sscp list \(50 assessments\): [\d.]+ s \(target ≤ 0\.50 s\)/);
    const verdicts = json.results[0]!.verdicts;
    expect(verdicts.map((v) => v.command.split(' ')[1])).toEqual(['attach', 'export', 'verify', 'import']);
    for (const v of verdicts) {
      expect(v.seconds).toBeGreaterThan(0);
      expect(v.baselineSeconds).toBeGreaterThan(0);
      expect(v.peakRssMb).toBeGreaterThan(10);
    }
    expect(json.results[0]!.packBytes).toBeGreaterThan(0);
    // The generated evidence is kept, and a second run reuses it instead of generating again.
    expect(readdirSync(dir).filter((f) => f.startsWith('evidence-'))).toHaveLength(1);
    const again = spawnSync(process.execPath, ['bin/bench.mjs', '--help'], { cwd: root, encoding: 'utf8' });
    expect(again.stdout).toContain('--report-only');
  }, 300_000);

  it('refuses unknown options and bad sizes with a usage message', () => {
    expect(() => parseBenchArgs(['--size', '1'])).toThrow(/Unknown option "--size"/);
    expect(() => parseBenchArgs(['--sizes', 'big'])).toThrow(/GiB/);
    expect(() => parseBenchArgs(['--dir'])).toThrow(/needs a value/);
    expect(parseBenchArgs(['--quick']).sizes).toHaveLength(1);
    expect(parseBenchArgs([], {}).sizes).toEqual([1024 ** 3, 4 * 1024 ** 3]);
    const r = spawnSync(process.execPath, ['bin/bench.mjs', '--frobnicate'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Unknown option');
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
});
