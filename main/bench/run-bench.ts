import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMix, ensureEvidence, type BenchFile } from './generate-evidence';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
const QUICK_BYTES = 48 * MIB;
const SSCP = fileURLToPath(new URL('../../bin/sscp.mjs', import.meta.url));
export const RSS_TARGET_MB = 256;

export interface BenchOptions {
  readonly sizes: readonly number[];
  readonly reportOnly: boolean;
  readonly dir: string;
  readonly json: boolean;
}

export const BENCH_USAGE = `Usage: npm run bench -- [--sizes 1,4 | --quick] [--report-only] [--dir DIR] [--json]

Times whole commands as a user runs them, each in a fresh process (start-up included),
against a real database and key store: sscp --version, sscp list (50 assessments) and
sscp set --from (45 claims) against fixed targets; sscp attach, export (identity unlock,
build, sign), verify and import against a baseline from the same run, with peak memory.

  --sizes LIST    evidence sizes in GiB, comma-separated (default 1,4)
  --quick         one small size (${QUICK_BYTES / MIB} MiB), to check the bench itself works
  --report-only   print the figures but exit 0 even when a target is missed
  --dir DIR       bench folder: generated evidence is kept there and reused
                  (default $SSCP_BENCH_DIR, else ${join(tmpdir(), 'sscp-bench')})
  --json          also print one JSON object with every figure, last
  --ui            measure the desktop app's screens in Chromium instead: an assessment
                  of 45 claims and 2,000 evidence items; with --json, one JSON object with
                  openAssessmentMs, autosaveMs, libraryOpenMs, libraryFilterMs (per
                  keystroke) and dashboardMs, each beside its target`;

export class BenchUsageError extends Error {}

export function parseBenchArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  let sizes: number[] = [1 * GIB, 4 * GIB];
  let reportOnly = false;
  let json = false;
  let dir = env.SSCP_BENCH_DIR || join(tmpdir(), 'sscp-bench');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new BenchUsageError(`${arg} needs a value.`);
      return v;
    };
    if (arg === '--sizes') {
      const text = value();
      const gib = text.split(',').map((t) => Number(t.trim()));
      if (gib.some((n) => !Number.isFinite(n) || n <= 0 || n > 64))
        throw new BenchUsageError(`--sizes takes sizes in GiB such as 1,4 or 0.25, not "${text}".`);
      sizes = gib.map((n) => Math.round(n * GIB));
    } else if (arg === '--quick') sizes = [QUICK_BYTES];
    else if (arg === '--report-only') reportOnly = true;
    else if (arg === '--json') json = true;
    else if (arg === '--dir') dir = value();
    else throw new BenchUsageError(`Unknown option ${JSON.stringify(arg)}.`);
  }
  return { sizes, reportOnly, dir, json };
}

interface Measured {
  readonly seconds: number;
  readonly peakRssMb: number | null;
  readonly stdout: string;
  readonly status: number | null;
  readonly stderr: string;
}

const HAS_GNU_TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;

/**
 * Runs a command in a fresh process and measures its wall time from spawn to exit and its
 * peak resident memory: through GNU time (getrusage of the child) when installed, otherwise
 * by polling the child's VmHWM in /proc.
 */
export async function measure(
  cmd: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; stdin?: string } = {},
): Promise<Measured> {
  const rssFile = join(tmpdir(), `sscp-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const [file, argv] = HAS_GNU_TIME ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, cmd, ...args]] : [cmd, [...args]];
  const started = performance.now();
  const child = spawn(file, argv, { env: options.env ?? process.env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let hwmKb = 0;
  const poll = HAS_GNU_TIME
    ? null
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) hwmKb = Math.max(hwmKb, Number(m[1]));
        } catch {
          // The child has exited between two polls.
        }
      }, 20);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => out.push(d));
  child.stderr.on('data', (d: Buffer) => err.push(d));
  child.stdin.end(options.stdin ?? '');
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  const seconds = (performance.now() - started) / 1000;
  if (poll) clearInterval(poll);
  let peakRssMb: number | null = hwmKb ? hwmKb / 1024 : null;
  if (HAS_GNU_TIME) {
    try {
      const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
      peakRssMb = Number(lines[lines.length - 1]) / 1024;
    } catch {
      peakRssMb = null;
    }
    rmSync(rssFile, { force: true });
  }
  return { seconds, peakRssMb, stdout: Buffer.concat(out).toString('utf8'), status, stderr: Buffer.concat(err).toString('utf8') };
}

async function must(what: string, cmd: string, args: readonly string[], options: Parameters<typeof measure>[2] = {}): Promise<Measured> {
  const r = await measure(cmd, args, options);
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}): ${r.stderr.trim() || r.stdout.trim()}`);
  return r;
}

const shq = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

export interface Verdict {
  readonly command: string;
  readonly seconds: number;
  readonly peakRssMb: number | null;
  readonly baseline: string;
  readonly baselineSeconds: number;
  readonly ratio: number;
  readonly maxRatio: number;
  readonly extra?: { readonly what: string; readonly seconds: number; readonly met: boolean };
  readonly met: boolean;
}

export interface SizeResult {
  readonly bytes: number;
  readonly files: number;
  readonly packBytes: number;
  readonly load: readonly number[];
  readonly verdicts: readonly Verdict[];
}

function verdict(command: string, run: Measured, baseline: string, base: Measured, maxRatio: number, extra?: Verdict['extra']): Verdict {
  const ratio = run.seconds / base.seconds;
  const met = ratio <= maxRatio && run.peakRssMb !== null && run.peakRssMb <= RSS_TARGET_MB && (extra?.met ?? true);
  return { command, seconds: run.seconds, peakRssMb: run.peakRssMb, baseline, baselineSeconds: base.seconds, ratio, maxRatio, extra, met };
}

/**
 * Runs `fn` in a fresh folder of the bench folder, removed afterwards, with the environment
 * the timed commands get: a key store and user of its own, so the bench never touches the
 * user's identities, and none of the user's defaults (a passphrase, a database).
 */
async function inRunFolder<T>(opts: BenchOptions, name: string, fn: (run: string, env: NodeJS.ProcessEnv) => Promise<T>): Promise<T> {
  // Per process, so two benches sharing a folder do not delete each other's run.
  const run = join(opts.dir, `${name}-${process.pid}`);
  rmSync(run, { recursive: true, force: true });
  mkdirSync(run, { recursive: true });
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, SSCP_HOME: join(run, 'home'), SSCP_USER: 'bench' };
    delete env.SSCP_PASSPHRASE;
    delete env.SSCP_DB;
    return await fn(run, env);
  } finally {
    rmSync(run, { recursive: true, force: true });
  }
}

async function benchSize(opts: BenchOptions, bytes: number, log: (line: string) => void): Promise<SizeResult> {
  const files = await ensureEvidence(opts.dir, bytes, log);
  return inRunFolder(opts, 'run', async (run, env) => {
    const sscp = (args: readonly string[]) => [process.execPath, [SSCP, ...args]] as const;
    const passFile = join(run, 'pass.txt');
    writeFileSync(passFile, 'bench passphrase, not a secret\n', { mode: 0o600 });
    const db = join(run, 'bench.sscp');
    const pack = join(run, 'pack.pdf');
    const rootPem = join(run, 'root.pem');

    log('Setting up: a signing identity and an assessment (not timed)…');
    await must(
      'identity create',
      ...sscp([
        'identity',
        'create',
        '--label',
        'bench',
        '--sro',
        'Bench SRO',
        '--sro-role',
        'CTO',
        '--org',
        'Benchmark Ltd',
        '--with-root',
        '--passphrase-file',
        passFile,
      ]),
      { env },
    );
    await must('identity export-cert', ...sscp(['identity', 'export-cert', 'bench', '--root', '--out', rootPem]), { env });
    const created = await must(
      'new',
      ...sscp([
        'new',
        '--db',
        db,
        '--org',
        'Benchmark Ltd',
        '--role',
        'developer-distributor',
        '--product',
        'Bench',
        '--sro',
        'Bench SRO',
        '--sro-role',
        'CTO',
      ]),
      { env },
    );
    const id = created.stdout.trim();

    const paths = files.map((f) => shq(f.path)).join(' ');
    log('Timing: sscp attach…');
    const copyFloor = await must('attach baseline', 'sh', [
      '-c',
      `cat ${paths} | tee ${shq(join(run, 'copy.bin'))} | openssl dgst -sha256 && sync ${shq(join(run, 'copy.bin'))}`,
    ]);
    rmSync(join(run, 'copy.bin'));
    const attach = await must('sscp attach', ...sscp(['attach', id, '1.1.1', ...files.map((f) => f.path), '--db', db]), { env });

    log('Timing: sscp export…');
    const floor = await must('export floor', 'sh', ['-c', `cat ${paths} | openssl dgst -sha256`]);
    const exported = await must(
      'sscp export',
      ...sscp([
        'export',
        id,
        '--db',
        db,
        '--identity',
        'bench',
        '--out',
        pack,
        '--profile',
        'certification',
        '--passphrase-file',
        passFile,
        '--accept-exceptions',
      ]),
      { env },
    );
    const packBytes = statSync(pack).size;

    log('Timing: sscp verify…');
    const dgst = await must('openssl dgst', 'openssl', ['dgst', '-sha256', pack]);
    const pdfsig = await must('pdfsig', 'pdfsig', [pack]);
    if (!pdfsig.stdout.includes('Signature is Valid.')) throw new Error('pdfsig did not accept the benchmark pack.');
    const verified = await must('sscp verify', ...sscp(['verify', pack, '--trust', rootPem]), { env });

    log('Timing: sscp import…');
    const importCopy = join(run, 'import-copy.bin');
    const importFloor = await must('import baseline', 'sh', [
      '-c',
      `cat ${shq(pack)} | tee ${shq(importCopy)} | openssl dgst -sha256 && sync ${shq(importCopy)}`,
    ]);
    rmSync(importCopy);
    const imported = await must('sscp import', ...sscp(['import', pack, '--db', join(run, 'imported.sscp'), '--trust', rootPem]), { env });

    const verdicts = [
      verdict('sscp attach (hash, copy, record every file)', attach, 'cat | tee copy | openssl dgst, sync', copyFloor, 2.0),
      verdict('sscp export (database, identity unlock, build, sign)', exported, 'cat evidence | openssl dgst -sha256', floor, 2.0),
      verdict('sscp verify', verified, 'openssl dgst -sha256 pack', dgst, 1.5, {
        what: 'pdfsig',
        seconds: pdfsig.seconds,
        met: verified.seconds < pdfsig.seconds,
      }),
      verdict('sscp import (verify, extract evidence, record)', imported, 'cat pack | tee copy | openssl dgst, sync', importFloor, 2.0),
    ];
    return { bytes, files: files.length, packBytes, load: loadavg(), verdicts };
  });
}

/** A command that must finish within a fixed time, whatever the evidence: start-up and volume commands. */
export interface StartupVerdict {
  readonly command: string;
  /** The median of `runs` fresh processes. */
  readonly seconds: number;
  readonly targetSeconds: number;
  readonly baseline: string;
  readonly baselineSeconds: number;
  readonly runs: number;
  readonly peakRssMb: number | null;
  readonly met: boolean;
}

/** Assessments in the database `sscp list` is timed on, and claims `sscp set --from` changes. */
export const LIST_ASSESSMENTS = 50;
const STARTUP_RUNS = 5;

/**
 * The median of STARTUP_RUNS fresh runs of one command (a command of a fraction of a second is
 * at the mercy of one slow start); `once(i)` runs it the i-th time.
 */
async function medianOf(once: (i: number) => Promise<Measured>): Promise<Measured> {
  const all: Measured[] = [];
  for (let i = 0; i < STARTUP_RUNS; i++) all.push(await once(i));
  all.sort((a, b) => a.seconds - b.seconds);
  return all[Math.floor(all.length / 2)]!;
}

/**
 * The commands a person types and waits for, with a fixed target each: `sscp --version`,
 * `sscp list` on a database of 50 assessments with every claim answered, and
 * `sscp set --from` applying all 45 claims of one. The baseline is Node itself starting.
 */
async function benchStartup(
  opts: BenchOptions,
  log: (line: string) => void,
): Promise<{ load: readonly number[]; verdicts: StartupVerdict[] }> {
  return inRunFolder(opts, 'startup', async (run, env) => {
    const db = join(run, 'fifty.sscp');
    log(`Setting up: ${LIST_ASSESSMENTS} assessments with every claim answered (not timed)…`);
    const { openWorkspace } = await import('../services/workspace');
    const ws = openWorkspace(db, { mustExist: false });
    let first = '';
    try {
      for (let i = 0; i < LIST_ASSESSMENTS; i++) {
        const a = ws.createAssessment({
          organisation: 'Benchmark Ltd',
          role: 'developer-distributor',
          products: [`Product ${i + 1}`],
          theme3InScope: false,
          periodStart: null,
          periodEnd: null,
          sroName: 'Bench SRO',
          sroRole: 'CTO',
        });
        first ||= a.id;
        const detail = ws.getAssessment(a.id);
        ws.updateClaims(
          a.id,
          detail.responses.map((c) => ({
            claimId: c.claimId,
            patch: {
              status: 'done',
              result: 'met',
              evidenceText: `Evidence for ${c.claimId}: the policy, its review record and the audit log.`,
            },
          })),
        );
      }
    } finally {
      ws.close();
    }
    // The claims of one assessment as `sscp show --json` prints them, each changed, to apply at once.
    const shown = await must('show', process.execPath, [SSCP, 'show', first, '--db', db, '--json'], { env });
    const claims = (JSON.parse(shown.stdout) as { claims: { id: string }[] }).claims.map((c) => ({
      ...c,
      status: 'needs-review',
      result: 'partially-met',
      arguments: `Reviewed again for ${c.id}; the gap is tracked as an action.`,
    }));
    const claimsFile = join(run, 'claims.json');
    writeFileSync(claimsFile, JSON.stringify(claims, null, 2));

    log('Timing: sscp --version, sscp list, sscp set --from…');
    const node = await medianOf(() => must('node', process.execPath, ['-e', '0'], { env }));
    const version = await medianOf(() => must('sscp --version', process.execPath, [SSCP, '--version'], { env }));
    const list = await medianOf(() => must('sscp list', process.execPath, [SSCP, 'list', '--db', db], { env }));
    // Each run applies the same change: after the first, every entry would change nothing and be
    // skipped, so each run gets a fresh copy of the database (closed above, so one file).
    const set = await medianOf(async (i) => {
      const copy = join(run, `set-${i}.sscp`);
      copyFileSync(db, copy);
      const r = await must('sscp set --from', process.execPath, [SSCP, 'set', first, '--from', claimsFile, '--db', copy], { env });
      const all = `${claims.length} of ${claims.length} claims changed`;
      if (!r.stderr.includes(all)) throw new Error(`sscp set --from did not change all ${claims.length} claims: ${r.stderr.trim()}`);
      return r;
    });
    const startup = (command: string, m: Measured, targetSeconds: number): StartupVerdict => ({
      command,
      seconds: m.seconds,
      targetSeconds,
      baseline: 'node -e 0',
      baselineSeconds: node.seconds,
      runs: STARTUP_RUNS,
      peakRssMb: m.peakRssMb,
      met: m.seconds <= targetSeconds,
    });
    return {
      load: loadavg(),
      verdicts: [
        startup('sscp --version', version, 0.3),
        startup(`sscp list (${LIST_ASSESSMENTS} assessments)`, list, 0.5),
        startup(`sscp set --from (${claims.length} claims in one transaction)`, set, 3),
      ],
    };
  });
}

function startupReport(r: { load: readonly number[]; verdicts: readonly StartupVerdict[] }): string {
  const lines = [`\n== Commands a person types and waits for; load average ${r.load.map((l) => l.toFixed(1)).join(' ')} ==`];
  for (const v of r.verdicts)
    lines.push(
      `  ${v.met ? 'PASS' : 'MISS'}  ${v.command}: ${sec(v.seconds)} (target ≤ ${sec(v.targetSeconds)}); baseline ${v.baseline}: ${sec(v.baselineSeconds)}; median of ${v.runs} runs`,
    );
  return lines.join('\n');
}

const sec = (n: number) => `${n.toFixed(2)} s`;
const size = (n: number) => (n >= GIB ? `${(n / GIB).toFixed(2)} GiB` : `${(n / MIB).toFixed(0)} MiB`);

function report(r: SizeResult, files: number): string {
  const lines = [
    `\n== ${size(r.bytes)} of evidence in ${files} files → pack ${size(r.packBytes)}; load average ${r.load.map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores ==`,
  ];
  for (const v of r.verdicts) {
    const rss = v.peakRssMb === null ? 'peak RSS unknown' : `peak RSS ${v.peakRssMb.toFixed(0)} MB (target ≤ ${RSS_TARGET_MB})`;
    lines.push(
      `  ${v.met ? 'PASS' : 'MISS'}  ${v.command}: ${sec(v.seconds)} = ${v.ratio.toFixed(2)}× baseline (target ≤ ${v.maxRatio.toFixed(1)}×); baseline ${v.baseline}: ${sec(v.baselineSeconds)}; ${rss}`,
    );
    if (v.extra)
      lines.push(`        ${v.extra.met ? 'faster' : 'NOT faster'} than ${v.extra.what}: ${sec(v.extra.seconds)} (target: faster)`);
  }
  return lines.join('\n');
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The UI bench: builds the renderer as `npm run test:e2e` does, then runs test/e2e/ui-bench.ts
 * (the end-to-end harness: real services behind the bridge, the built renderer in Chromium).
 */
function runUiBench(argv: readonly string[]): number {
  const unknown = argv.find((a) => a !== '--json' && a !== '--report-only');
  if (unknown !== undefined) {
    process.stderr.write(`--ui takes only --json and --report-only, not ${JSON.stringify(unknown)}.\n\n${BENCH_USAGE}\n`);
    return 2;
  }
  if (!existsSync('/usr/bin/chromium')) {
    process.stderr.write('The UI bench needs Chromium at /usr/bin/chromium (apt-get install chromium).\n');
    return 2;
  }
  // The build's own output goes to stderr, so stdout holds only the figures (one JSON object with --json).
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--renderer-only'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (built.status !== 0) {
    process.stderr.write('The renderer did not build.\n');
    return 1;
  }
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/e2e/ui-bench.ts', ...argv], { cwd: ROOT, stdio: 'inherit' });
  return r.status ?? 1;
}

/**
 * `npm run bench`: see BENCH_USAGE and docs/testing.md. Returns the exit code: 0 when every
 * target is met (or --report-only), 1 when one is missed, 2 on a usage error.
 */
export async function runBench(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${BENCH_USAGE}\n`);
    return 0;
  }
  if (argv.includes('--ui')) return runUiBench(argv.filter((a) => a !== '--ui'));
  let opts: BenchOptions;
  try {
    opts = parseBenchArgs(argv);
  } catch (e) {
    if (!(e instanceof BenchUsageError)) throw e;
    process.stderr.write(`${e.message}\n\n${BENCH_USAGE}\n`);
    return 2;
  }
  try {
    mkdirSync(opts.dir, { recursive: true });
  } catch (e) {
    process.stderr.write(
      `The bench folder ${opts.dir} cannot be used (${(e as NodeJS.ErrnoException).code ?? String(e)}). Give a folder you can write with --dir.\n`,
    );
    return 2;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  process.stdout.write(
    `Evidence mix: ${describeMix()}.\nEach figure is a whole command in a fresh process, start-up included; ${cpus().length} cores.\n`,
  );
  const startup = await benchStartup(opts, log);
  process.stdout.write(`${startupReport(startup)}\n`);
  const results: SizeResult[] = [];
  for (const bytes of opts.sizes) {
    const r = await benchSize(opts, bytes, log);
    results.push(r);
    process.stdout.write(`${report(r, r.files)}\n`);
  }
  const allMet = startup.verdicts.every((v) => v.met) && results.every((r) => r.verdicts.every((v) => v.met));
  process.stdout.write(`\n${allMet ? 'All targets met.' : 'Some targets missed (see MISS lines).'}\n`);
  if (opts.json) process.stdout.write(`${JSON.stringify({ mix: describeMix(), rssTargetMb: RSS_TARGET_MB, startup, results })}\n`);
  return allMet || opts.reportOnly ? 0 : 1;
}

export type { BenchFile };
