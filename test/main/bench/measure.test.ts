import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasGnuTime, measure, settle } from '../../../main/bench/measure';
import { sweepStaleRuns } from '../../../main/bench/run-bench';

const dir = mkdtempSync(join(tmpdir(), 'sscp-measure-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A child that uses 0.3 s of processor time by its own account, then sleeps half a second so a
// poll of /proc sees the total before it exits. No wall time is asserted anywhere here.
const BURN = `const t = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
let x = 0; while (t() < 0.3) x += Math.sqrt(x + 1);
setTimeout(() => process.stdout.write('done ' + (x > 0)), 500);`;

describe('measuring a command', () => {
  it.runIf(hasGnuTime())('reads the child’s user and system time and peak memory from GNU time', async () => {
    const m = await measure(process.execPath, ['-e', BURN], { meter: 'gnu-time' });
    expect(m.status).toBe(0);
    expect(m.stdout).toBe('done true');
    expect(m.userSeconds! + m.systemSeconds!).toBeGreaterThanOrEqual(0.28);
    expect(m.peakRssMb).toBeGreaterThan(10);
  });

  it('reads them from /proc when GNU time is not there', async () => {
    const m = await measure(process.execPath, ['-e', BURN], { meter: 'proc' });
    expect(m.status).toBe(0);
    expect(m.userSeconds! + m.systemSeconds!).toBeGreaterThanOrEqual(0.28);
    expect(m.peakRssMb).toBeGreaterThan(10);
  });

  it('counts the processor time of the children a shell pipeline waits for', async () => {
    const script = join(dir, 'burn.js');
    writeFileSync(script, BURN);
    const m = await measure('sh', ['-c', `"$0" "$1" | cat`, process.execPath, script]);
    expect(m.stdout).toBe('done true');
    expect(m.userSeconds! + m.systemSeconds!).toBeGreaterThanOrEqual(0.28);
  });

  it('reports a failing command’s status with its figures', async () => {
    const m = await measure('sh', ['-c', 'echo nope >&2; exit 3']);
    expect(m.status).toBe(3);
    expect(m.stderr).toBe('nope\n');
    expect(m.userSeconds).not.toBeNull();
  });
});

describe('readying a timed run', () => {
  it('reads every byte of the files and folders given, nested ones included, then syncs', () => {
    const root = join(dir, 'inputs');
    mkdirSync(join(root, 'ab'), { recursive: true });
    writeFileSync(join(root, 'ab', 'blob'), Buffer.alloc(9 * 1024 * 1024 + 3, 1));
    writeFileSync(join(root, 'db'), 'x'.repeat(100));
    const single = join(dir, 'single.pdf');
    writeFileSync(single, 'y'.repeat(10));
    expect(settle([root, single])).toBe(9 * 1024 * 1024 + 3 + 100 + 10);
    expect(settle([])).toBe(0);
    // A path that is not there reads nothing rather than failing the bench.
    expect(settle([join(dir, 'missing')])).toBe(0);
  });
});

describe('what killed benches leave behind', () => {
  it('removes the run folders of processes that are gone and keeps those of running ones', async () => {
    const bench = join(dir, 'bench');
    mkdirSync(bench);
    // A process that has exited, and one still running.
    const gone = spawn('true');
    await new Promise((resolve) => gone.on('exit', resolve));
    const running = spawn('sleep', ['30']);
    try {
      const names = [
        `run-${gone.pid}`,
        `startup-${gone.pid}`,
        `run-${running.pid}`,
        `run-${process.pid}`,
        'evidence-1073741824-v2',
        'run-x',
      ];
      for (const n of names) mkdirSync(join(bench, n, 'attach-0'), { recursive: true });
      expect(sweepStaleRuns(bench).sort()).toEqual([`run-${gone.pid}`, `startup-${gone.pid}`]);
      expect(names.filter((n) => existsSync(join(bench, n)))).toEqual([
        `run-${running.pid}`,
        `run-${process.pid}`,
        'evidence-1073741824-v2',
        'run-x',
      ]);
    } finally {
      running.kill();
    }
  });
});
