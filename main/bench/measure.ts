import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseGnuTime, parseProcStat, type Sample } from './samples';

/** One timed run: a Sample, plus what the command said and how it ended. */
export interface Measured extends Sample {
  readonly stdout: string;
  readonly status: number | null;
  readonly stderr: string;
}

/**
 * How peak memory and processor time are read: `gnu-time` runs the command under
 * /usr/bin/time (getrusage of the child, exact); `proc` polls the child's /proc/<pid>/status
 * (VmHWM) and /proc/<pid>/stat (utime, stime and those of the children it waited for) every
 * 20 ms, which can miss up to the last poll interval of processor time.
 */
export type Meter = 'gnu-time' | 'proc';

let gnuTime: boolean | undefined;
/** GNU time with the fields the bench reads; BusyBox's or a shell keyword's `time` will not do. */
export function hasGnuTime(): boolean {
  gnuTime ??= existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M %U %S', 'true'], { encoding: 'utf8' }).status === 0;
  return gnuTime;
}

let ticks: number | undefined;
function ticksPerSecond(): number {
  if (ticks === undefined) {
    const n = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim());
    ticks = Number.isInteger(n) && n > 0 ? n : 100;
  }
  return ticks;
}

const POLL_MS = 20;

/**
 * Runs a command in a fresh process and measures its wall time from spawn to exit, its peak
 * resident memory and its processor time (user and system, with the children it waited for):
 * through GNU time when installed, otherwise by polling /proc (see Meter).
 */
export async function measure(
  cmd: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; stdin?: string; meter?: Meter } = {},
): Promise<Measured> {
  const meter = options.meter ?? (hasGnuTime() ? 'gnu-time' : 'proc');
  const timeFile = join(tmpdir(), `sscp-bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const [file, argv] = meter === 'gnu-time' ? ['/usr/bin/time', ['-f', '%M %U %S', '-o', timeFile, cmd, ...args]] : [cmd, [...args]];
  const tps = meter === 'proc' ? ticksPerSecond() : 100;
  const started = performance.now();
  const child = spawn(file, argv, { env: options.env ?? process.env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let hwmKb = 0;
  let cpu: { userSeconds: number; systemSeconds: number } | null = null;
  const poll =
    meter === 'gnu-time'
      ? null
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) hwmKb = Math.max(hwmKb, Number(m[1]));
            cpu = parseProcStat(readFileSync(`/proc/${child.pid}/stat`, 'utf8'), tps) ?? cpu;
          } catch {
            // The child has exited between two polls.
          }
        }, POLL_MS);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => out.push(d));
  child.stderr.on('data', (d: Buffer) => err.push(d));
  child.stdin.on('error', () => {
    // A command that exits without reading its input: its exit status tells what happened.
  });
  child.stdin.end(options.stdin ?? '');
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  const seconds = (performance.now() - started) / 1000;
  if (poll) clearInterval(poll);
  let used: Pick<Sample, 'peakRssMb' | 'userSeconds' | 'systemSeconds'>;
  if (meter === 'gnu-time') {
    try {
      used = parseGnuTime(readFileSync(timeFile, 'utf8'));
    } catch {
      used = { peakRssMb: null, userSeconds: null, systemSeconds: null };
    }
    rmSync(timeFile, { force: true });
  } else {
    const last = cpu as { userSeconds: number; systemSeconds: number } | null;
    used = { peakRssMb: hwmKb ? hwmKb / 1024 : null, userSeconds: last?.userSeconds ?? null, systemSeconds: last?.systemSeconds ?? null };
  }
  return {
    seconds,
    ...used,
    stdout: Buffer.concat(out).toString('utf8'),
    status,
    stderr: Buffer.concat(err).toString('utf8'),
  };
}

const WARM_BLOCK = 8 * 1024 * 1024;

/** Every regular file at or under each path (a folder is walked), in a stable order. */
function filesUnder(paths: readonly string[]): string[] {
  const files: string[] = [];
  const visit = (p: string) => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) for (const name of readdirSync(p).sort()) visit(join(p, name));
    else if (st.isFile()) files.push(p);
  };
  for (const p of paths) visit(p);
  return files;
}

/**
 * Readies the machine for one timed run, outside its timing: reads every byte the run will
 * read, so command and baseline both start from the page cache rather than whichever happened
 * to be evicted, then flushes every dirty page (sync(2)), so the write-back of what an earlier
 * step wrote (a gigabyte of attached evidence, a pack) is not done while this run is timed.
 * Returns the bytes read.
 */
export function settle(reads: readonly string[]): number {
  const block = Buffer.allocUnsafe(WARM_BLOCK);
  let total = 0;
  for (const path of filesUnder(reads)) {
    const fd = openSync(path, 'r');
    try {
      for (let n = readSync(fd, block, 0, WARM_BLOCK, null); n > 0; n = readSync(fd, block, 0, WARM_BLOCK, null)) total += n;
    } finally {
      closeSync(fd);
    }
  }
  const synced = spawnSync('sync', [], { stdio: 'ignore' });
  if (synced.status !== 0) throw new Error(`sync failed (${synced.error?.message ?? `exit ${synced.status}`}).`);
  return total;
}
