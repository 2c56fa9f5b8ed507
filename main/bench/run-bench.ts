import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  rmdirSync,
  rmSync,
  statfsSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeUnsafe } from '../../shared/domain/text-rules';
import { field } from '../cli/io';
import { evidenceDirFor } from '../fs/store-paths';
import { describeMix, ensureEvidence, evidenceKept, type BenchFile } from './generate-evidence';
import { measure, settle, type Measured } from './measure';
import { alternation, summarise, timeText, type Sample, type Summary } from './samples';

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
  /** Times each size command and its baseline are timed, alternating; the verdict takes the medians. */
  readonly runs: number;
}

/** Runs of each size command by default: an odd count, so the median is one real run. */
export const DEFAULT_RUNS = 3;
const MAX_RUNS = 99;

export const BENCH_USAGE = `Usage: npm run bench -- [--sizes 1,4 | --quick] [--runs N] [--report-only] [--dir DIR] [--json]

Times whole commands as a user runs them, each in a fresh process (start-up included),
against a real database and key store: sscp --version, sscp list (50 assessments) and
sscp set --from (45 claims), 5 runs each, against fixed targets; sscp attach, export
(identity unlock, build, sign), verify and import against a baseline from the same run,
N runs each alternating with the baseline's, the verdict from the medians. Before each
timed run its input is read once and dirty pages are flushed (sync), outside the timing.
Prints the median wall time, the range of the runs, user + system processor time, and
the command's peak memory.

  --sizes LIST    evidence sizes in GiB, comma-separated (default 1,4)
  --runs N        times each size command and its baseline are run (default ${DEFAULT_RUNS},
                  1 with --quick)
  --quick         one small size (${QUICK_BYTES / MIB} MiB), once, to check the bench itself works
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
  let quick = false;
  let runs: number | undefined;
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
        throw new BenchUsageError(`--sizes takes sizes in GiB such as 1,4 or 0.25, not "${field(text)}".`);
      sizes = gib.map((n) => Math.round(n * GIB));
    } else if (arg === '--runs') {
      const text = value();
      const n = Number(text);
      if (!/^\d+$/.test(text) || n < 1 || n > MAX_RUNS)
        throw new BenchUsageError(`--runs takes a whole number of runs from 1 to ${MAX_RUNS}, such as 3 or 5, not "${field(text)}".`);
      runs = n;
    } else if (arg === '--quick') {
      sizes = [QUICK_BYTES];
      quick = true;
    } else if (arg === '--report-only') reportOnly = true;
    else if (arg === '--json') json = true;
    else if (arg === '--dir') dir = value();
    else throw new BenchUsageError(`Unknown option ${JSON.stringify(arg)}.`);
  }
  return { sizes, reportOnly, dir, json, runs: runs ?? (quick ? 1 : DEFAULT_RUNS) };
}

async function must(what: string, cmd: string, args: readonly string[], options: Parameters<typeof measure>[2] = {}): Promise<Measured> {
  const r = await measure(cmd, args, options);
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}): ${r.stderr.trim() || r.stdout.trim()}`);
  return r;
}

const shq = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

/** Each run's own figures, in the order they were timed, for the JSON. */
export type RunFigures = Pick<Sample, 'seconds' | 'userSeconds' | 'systemSeconds' | 'peakRssMb'>;

/**
 * A size command against its baseline: the command's summary (median wall time `seconds`, its
 * range, processor time, the highest peak memory of its runs), the baseline's, prefixed.
 */
export interface Verdict extends Summary {
  readonly command: string;
  readonly baseline: string;
  readonly baselineSeconds: number;
  readonly baselineMinSeconds: number;
  readonly baselineMaxSeconds: number;
  readonly baselineCpuSeconds: number | null;
  readonly baselineUserSeconds: number | null;
  readonly baselineSystemSeconds: number | null;
  /** Median of the command over median of the baseline. */
  readonly ratio: number;
  readonly maxRatio: number;
  readonly extra?: Summary & { readonly what: string; readonly met: boolean };
  readonly samples: readonly RunFigures[];
  readonly baselineSamples: readonly RunFigures[];
  readonly met: boolean;
}

export interface SizeResult {
  readonly bytes: number;
  readonly files: number;
  readonly packBytes: number;
  /** Times each size command and its baseline were timed, alternating. */
  readonly runs: number;
  readonly load: readonly number[];
  readonly verdicts: readonly Verdict[];
}

const figures = (s: Sample): RunFigures => ({
  seconds: s.seconds,
  userSeconds: s.userSeconds,
  systemSeconds: s.systemSeconds,
  peakRssMb: s.peakRssMb,
});

/** The baseline's summary under the names the verdicts give it. */
function baselineFields(
  b: Summary,
): Omit<Verdict, keyof Summary | 'command' | 'baseline' | 'ratio' | 'maxRatio' | 'extra' | 'samples' | 'baselineSamples' | 'met'> {
  return {
    baselineSeconds: b.seconds,
    baselineMinSeconds: b.minSeconds,
    baselineMaxSeconds: b.maxSeconds,
    baselineCpuSeconds: b.cpuSeconds,
    baselineUserSeconds: b.userSeconds,
    baselineSystemSeconds: b.systemSeconds,
  };
}

function verdict(
  command: string,
  runs: readonly Sample[],
  baseline: string,
  base: readonly Sample[],
  maxRatio: number,
  extra?: { what: string; runs: readonly Sample[] },
): Verdict {
  const cmd = summarise(runs);
  const b = summarise(base);
  const ratio = cmd.seconds / b.seconds;
  const ex = extra && { what: extra.what, ...summarise(extra.runs) };
  const extraMet = ex ? cmd.seconds < ex.seconds : true;
  const met = ratio <= maxRatio && cmd.peakRssMb !== null && cmd.peakRssMb <= RSS_TARGET_MB && extraMet;
  return {
    command,
    ...cmd,
    baseline,
    ...baselineFields(b),
    ratio,
    maxRatio,
    ...(ex ? { extra: { ...ex, met: extraMet } } : {}),
    samples: runs.map(figures),
    baselineSamples: base.map(figures),
    met,
  };
}

/** Set when nobody reads the figures any more (stdout's reader has gone): the bench stops. */
let readerGone = false;
class ReaderGone extends Error {}

/** One of the programs timed against each other in a step, e.g. `openssl dgst` and `sscp verify`. */
interface Contender {
  /** How the progress lines name it. */
  readonly label: string;
  /** Untimed, before each timed run: make what the run needs (a fresh database). */
  readonly prepare?: (round: number) => Promise<void>;
  /** The files and folders the run reads, read once before it so every run starts warm. */
  readonly reads: (round: number) => readonly string[];
  readonly run: (round: number) => Promise<Measured>;
  /** Untimed, after each timed run: remove what it wrote unless a later step needs it. */
  readonly after?: (round: number, last: boolean) => void;
}

/**
 * Times each contender `runs` times, alternating round by round (see alternation), each run
 * readied by settle(): its inputs read once, then every dirty page flushed. Returns each
 * contender's samples in the order given.
 */
async function interleaved(runs: number, contenders: readonly Contender[], log: (line: string) => void): Promise<Sample[][]> {
  const samples: Sample[][] = contenders.map(() => []);
  for (const { round, who } of alternation(
    runs,
    contenders.map((_, i) => i),
  )) {
    if (readerGone) throw new ReaderGone('Nobody reads the figures any more.');
    const c = contenders[who]!;
    await c.prepare?.(round);
    settle(c.reads(round));
    const m = await c.run(round);
    samples[who]!.push(m);
    log(`  run ${round + 1} of ${runs}, ${c.label}: ${timeText(summarise([m]))}`);
    c.after?.(round, round === runs - 1);
  }
  return samples;
}

/**
 * Disk a size needs in the bench folder at its peak: the evidence (unless generated earlier),
 * plus, at once, two copies of about its size (the attached store and a pack being exported,
 * or the pack and an import of it), and a tenth to spare.
 */
export function roomNeeded(bytes: number, evidenceKept: boolean): number {
  return Math.ceil((evidenceKept ? 0 : bytes) + 2.1 * bytes);
}

/**
 * Why the bench folder cannot hold the largest size asked for, before anything is written, or
 * null when it can: a disk that fills mid-run stops the bench after minutes, with nothing to show.
 */
export function roomProblem(
  dir: string,
  sizes: readonly number[],
  freeBytes: number,
  evidenceKept: (bytes: number) => boolean,
): string | null {
  for (const bytes of sizes) {
    const need = roomNeeded(bytes, evidenceKept(bytes));
    if (need > freeBytes)
      return `The bench needs about ${gib(need)} free in ${field(dir)} for ${size(bytes)} of evidence (the evidence, its attached copy and the pack), and only ${gib(freeBytes)} is free. Free some space, give a folder on another disk with --dir, or choose smaller --sizes.`;
  }
  return null;
}

const gib = (n: number) => `${(n / GIB).toFixed(1)} GiB`;

const RUN_FOLDER = /^(?:run|startup)-(\d+)$/;

/** Whether a process of that id is running (one of another user's counts: it is not ours to judge). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the run folders of benches that were killed (Ctrl-C, SIGKILL, a crash) before they
 * could clean up: at 4 GiB one holds gigabytes of attached evidence and packs. A folder is
 * named after its bench's process, so one whose process is gone is left over; a running
 * bench's is kept. Returns the names removed.
 */
export function sweepStaleRuns(dir: string): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    const pid = Number(RUN_FOLDER.exec(name)?.[1] ?? NaN);
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
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

/** Recreates the folder tree `from` at `to`, each file a hard link to the original. */
function linkTree(from: string, to: string): void {
  mkdirSync(to);
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) linkTree(join(from, entry.name), join(to, entry.name));
    else if (entry.isFile()) linkSync(join(from, entry.name), join(to, entry.name));
  }
}

async function benchSize(opts: BenchOptions, bytes: number, log: (line: string) => void): Promise<SizeResult> {
  const files = await ensureEvidence(opts.dir, bytes, log);
  return inRunFolder(opts, 'run', async (run, env) => {
    const sscp = (args: readonly string[]) => [process.execPath, [SSCP, ...args]] as const;
    const passFile = join(run, 'pass.txt');
    writeFileSync(passFile, 'bench passphrase, not a secret\n', { mode: 0o600 });
    const rootPem = join(run, 'root.pem');
    const evidence = files.map((f) => f.path);
    const paths = evidence.map(shq).join(' ');
    const runs = opts.runs;
    const last = runs - 1;

    log('Setting up: a signing identity (not timed)…');
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

    // Each attach run gets a database and assessment of its own, in a folder of its own (the
    // database and its evidence store); the last run's is the one exported.
    const attachDir = (round: number) => join(run, `attach-${round}`);
    const attachDb = (round: number) => join(attachDir(round), 'bench.sscp');
    const ids: string[] = [];
    const copy = join(run, 'copy.bin');
    log(`Timing: sscp attach against its baseline, ${runs} run${runs === 1 ? '' : 's'} each, alternating…`);
    const [copyFloor, attach] = await interleaved(
      runs,
      [
        {
          label: 'cat | tee copy | openssl dgst, sync',
          reads: () => evidence,
          run: () => must('attach baseline', 'sh', ['-c', `cat ${paths} | tee ${shq(copy)} | openssl dgst -sha256 && sync ${shq(copy)}`]),
          after: () => rmSync(copy, { force: true }),
        },
        {
          label: 'sscp attach',
          prepare: async (round) => {
            mkdirSync(attachDir(round));
            const created = await must(
              'new',
              ...sscp([
                'new',
                '--db',
                attachDb(round),
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
            ids[round] = created.stdout.trim();
          },
          reads: () => evidence,
          run: (round) => must('sscp attach', ...sscp(['attach', ids[round]!, '1.1.1', ...evidence, '--db', attachDb(round)]), { env }),
          after: (round, isLast) => {
            if (!isLast) rmSync(attachDir(round), { recursive: true, force: true });
          },
        },
      ],
      log,
    );

    // Export signs the assessment, which can then not be signed again: each run exports from a
    // copy of the attached database, with the evidence store beside it hard-linked (the same
    // files, so the same cached pages, and no gigabytes copied).
    const attached = attachDb(last);
    const id = ids[last]!;
    const exportDir = (round: number) => join(run, `export-${round}`);
    const exportDb = (round: number) => join(exportDir(round), 'bench.sscp');
    const packOf = (round: number) => join(run, `pack-${round}.pdf`);
    log(`Timing: sscp export against its baseline, ${runs} run${runs === 1 ? '' : 's'} each, alternating…`);
    const [floor, exported] = await interleaved(
      runs,
      [
        {
          label: 'cat evidence | openssl dgst -sha256',
          reads: () => evidence,
          run: () => must('export baseline', 'sh', ['-c', `cat ${paths} | openssl dgst -sha256`]),
        },
        {
          label: 'sscp export',
          prepare: (round) => {
            mkdirSync(exportDir(round));
            copyFileSync(attached, exportDb(round));
            linkTree(evidenceDirFor(attached), evidenceDirFor(exportDb(round)));
            return Promise.resolve();
          },
          // The database and the evidence store beside it, which export reads the evidence from.
          reads: (round) => [exportDir(round)],
          run: (round) =>
            must(
              'sscp export',
              ...sscp([
                'export',
                id,
                '--db',
                exportDb(round),
                '--identity',
                'bench',
                '--out',
                packOf(round),
                '--profile',
                'certification',
                '--passphrase-file',
                passFile,
                '--accept-exceptions',
              ]),
              { env },
            ),
          after: (round, isLast) => {
            rmSync(exportDir(round), { recursive: true, force: true });
            if (!isLast) rmSync(packOf(round), { force: true });
          },
        },
      ],
      log,
    );
    // Export is done with the attached evidence: free its gigabytes before the next steps.
    rmSync(attachDir(last), { recursive: true, force: true });
    const pack = packOf(last);
    const packBytes = statSync(pack).size;

    log(`Timing: sscp verify against openssl dgst and pdfsig, ${runs} run${runs === 1 ? '' : 's'} each, alternating…`);
    const [dgst, pdfsig, verified] = await interleaved(
      runs,
      [
        { label: 'openssl dgst -sha256 pack', reads: () => [pack], run: () => must('openssl dgst', 'openssl', ['dgst', '-sha256', pack]) },
        {
          label: 'pdfsig',
          reads: () => [pack],
          run: async () => {
            const r = await must('pdfsig', 'pdfsig', [pack]);
            if (!r.stdout.includes('Signature is Valid.')) throw new Error('pdfsig did not accept the benchmark pack.');
            return r;
          },
        },
        {
          label: 'sscp verify',
          reads: () => [pack],
          run: () => must('sscp verify', ...sscp(['verify', pack, '--trust', rootPem]), { env }),
        },
      ],
      log,
    );

    const importCopy = join(run, 'import-copy.bin');
    const importDir = (round: number) => join(run, `import-${round}`);
    log(`Timing: sscp import against its baseline, ${runs} run${runs === 1 ? '' : 's'} each, alternating…`);
    const [importFloor, imported] = await interleaved(
      runs,
      [
        {
          label: 'cat pack | tee copy | openssl dgst, sync',
          reads: () => [pack],
          run: () =>
            must('import baseline', 'sh', [
              '-c',
              `cat ${shq(pack)} | tee ${shq(importCopy)} | openssl dgst -sha256 && sync ${shq(importCopy)}`,
            ]),
          after: () => rmSync(importCopy, { force: true }),
        },
        {
          label: 'sscp import',
          prepare: (round) => {
            mkdirSync(importDir(round));
            return Promise.resolve();
          },
          reads: () => [pack],
          run: (round) =>
            must('sscp import', ...sscp(['import', pack, '--db', join(importDir(round), 'imported.sscp'), '--trust', rootPem]), { env }),
          after: (round) => rmSync(importDir(round), { recursive: true, force: true }),
        },
      ],
      log,
    );

    const verdicts = [
      verdict('sscp attach (hash, copy, record every file)', attach!, 'cat | tee copy | openssl dgst, sync', copyFloor!, 2.0),
      verdict('sscp export (database, identity unlock, build, sign)', exported!, 'cat evidence | openssl dgst -sha256', floor!, 2.0),
      verdict('sscp verify', verified!, 'openssl dgst -sha256 pack', dgst!, 1.5, { what: 'pdfsig', runs: pdfsig! }),
      verdict('sscp import (verify, extract evidence, record)', imported!, 'cat pack | tee copy | openssl dgst, sync', importFloor!, 2.0),
    ];
    return { bytes, files: files.length, packBytes, runs, load: loadavg(), verdicts };
  });
}

/** A command that must finish within a fixed time, whatever the evidence: start-up and volume commands. */
export interface StartupVerdict extends Summary {
  readonly command: string;
  readonly targetSeconds: number;
  readonly baseline: string;
  readonly baselineSeconds: number;
  readonly baselineMinSeconds: number;
  readonly baselineMaxSeconds: number;
  readonly baselineCpuSeconds: number | null;
  readonly baselineUserSeconds: number | null;
  readonly baselineSystemSeconds: number | null;
  readonly met: boolean;
}

/** Assessments in the database `sscp list` is timed on, and claims `sscp set --from` changes. */
export const LIST_ASSESSMENTS = 50;
/** Runs of each start-up command: one of a fraction of a second is at the mercy of one slow start. */
const STARTUP_RUNS = 5;

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

    log(`Timing: node -e 0, sscp --version, sscp list, sscp set --from, ${STARTUP_RUNS} runs each, alternating…`);
    const copyOf = (round: number) => join(run, `set-${round}.sscp`);
    const [node, version, list, set] = await interleaved(
      STARTUP_RUNS,
      [
        { label: 'node -e 0', reads: () => [], run: () => must('node', process.execPath, ['-e', '0'], { env }) },
        { label: 'sscp --version', reads: () => [], run: () => must('sscp --version', process.execPath, [SSCP, '--version'], { env }) },
        { label: 'sscp list', reads: () => [db], run: () => must('sscp list', process.execPath, [SSCP, 'list', '--db', db], { env }) },
        {
          label: 'sscp set --from',
          // Each run applies the same change: after the first, every entry would change nothing and be
          // skipped, so each run gets a fresh copy of the database (closed above, so one file).
          prepare: (round) => Promise.resolve(copyFileSync(db, copyOf(round))),
          reads: (round) => [copyOf(round), claimsFile],
          run: async (round) => {
            const r = await must('sscp set --from', process.execPath, [SSCP, 'set', first, '--from', claimsFile, '--db', copyOf(round)], {
              env,
            });
            const all = `${claims.length} of ${claims.length} claims changed`;
            if (!r.stderr.includes(all)) throw new Error(`sscp set --from did not change all ${claims.length} claims: ${r.stderr.trim()}`);
            return r;
          },
        },
      ],
      log,
    );
    const base = summarise(node!);
    const startup = (command: string, runs: readonly Sample[], targetSeconds: number): StartupVerdict => {
      const m = summarise(runs);
      return { command, ...m, targetSeconds, baseline: 'node -e 0', ...baselineFields(base), met: m.seconds <= targetSeconds };
    };
    return {
      load: loadavg(),
      verdicts: [
        startup('sscp --version', version!, 0.3),
        startup(`sscp list (${LIST_ASSESSMENTS} assessments)`, list!, 0.5),
        startup(`sscp set --from (${claims.length} claims in one transaction)`, set!, 3),
      ],
    };
  });
}

function startupReport(r: { load: readonly number[]; verdicts: readonly StartupVerdict[] }): string {
  const runs = r.verdicts[0]?.runs ?? STARTUP_RUNS;
  const lines = [
    `\n== Commands a person types and waits for: median of ${runs} runs (range; user + system processor time of the median run); load average ${r.load.map((l) => l.toFixed(1)).join(' ')} ==`,
  ];
  for (const v of r.verdicts)
    lines.push(
      `  ${v.met ? 'PASS' : 'MISS'}  ${v.command}: ${timeText(v)}, target ≤ ${sec(v.targetSeconds)}; baseline ${v.baseline}: ${timeText(baselineSummary(v))}`,
    );
  return lines.join('\n');
}

const sec = (n: number) => `${n.toFixed(2)} s`;
const size = (n: number) => (n >= GIB ? `${(n / GIB).toFixed(2)} GiB` : `${(n / MIB).toFixed(0)} MiB`);

/** The baseline's figures of a verdict as a Summary, to print them alike. */
function baselineSummary(v: Verdict | StartupVerdict): Summary {
  return {
    runs: v.runs,
    seconds: v.baselineSeconds,
    minSeconds: v.baselineMinSeconds,
    maxSeconds: v.baselineMaxSeconds,
    cpuSeconds: v.baselineCpuSeconds,
    userSeconds: v.baselineUserSeconds,
    systemSeconds: v.baselineSystemSeconds,
    peakRssMb: null,
  };
}

function report(r: SizeResult, files: number): string {
  const lines = [
    `\n== ${size(r.bytes)} of evidence in ${files} files → pack ${size(r.packBytes)}; load average ${r.load.map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores ==`,
    r.runs === 1
      ? '   One run of each command and baseline (user + system processor time in brackets); peak RSS of the command.'
      : `   Median of ${r.runs} runs of each command and baseline, alternating (range; user + system processor time of the median run); ratio of the medians; highest peak RSS of the command's runs.`,
  ];
  for (const v of r.verdicts) {
    const rss = v.peakRssMb === null ? 'peak RSS unknown' : `peak RSS ${v.peakRssMb.toFixed(0)} MB (target ≤ ${RSS_TARGET_MB})`;
    lines.push(
      `  ${v.met ? 'PASS' : 'MISS'}  ${v.command}: ${timeText(v)} = ${v.ratio.toFixed(2)}× baseline (target ≤ ${v.maxRatio.toFixed(1)}×); baseline ${v.baseline}: ${timeText(baselineSummary(v))}; ${rss}`,
    );
    if (v.extra) lines.push(`        ${v.extra.met ? 'faster' : 'NOT faster'} than ${v.extra.what}: ${timeText(v.extra)} (target: faster)`);
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
  const dirExisted = existsSync(opts.dir);
  try {
    mkdirSync(opts.dir, { recursive: true });
  } catch (e) {
    process.stderr.write(
      `The bench folder ${field(opts.dir)} cannot be used (${(e as NodeJS.ErrnoException).code ?? String(e)}). Give a folder you can write with --dir.\n`,
    );
    return 2;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  // Figures piped into a reader that stops early (`| head`): stop before the next timed run,
  // removing the run folder, and end as a shell tool would on SIGPIPE (status 141).
  readerGone = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    readerGone = true;
  });
  const stale = sweepStaleRuns(opts.dir);
  if (stale.length) log(`Removed what killed benches left in ${field(opts.dir)}: ${stale.join(', ')}.`);
  const fs = statfsSync(opts.dir);
  const noRoom = roomProblem(opts.dir, opts.sizes, fs.bavail * fs.bsize, (bytes) => evidenceKept(opts.dir, bytes));
  if (noRoom) {
    if (!dirExisted) rmdirSync(opts.dir);
    process.stderr.write(`${noRoom}\n`);
    return 2;
  }
  process.stdout.write(
    `Evidence mix: ${describeMix()}.\nEach figure is a whole command in a fresh process, start-up included; ${cpus().length} cores.\n`,
  );
  let startup: Awaited<ReturnType<typeof benchStartup>>;
  const results: SizeResult[] = [];
  try {
    startup = await benchStartup(opts, log);
    process.stdout.write(`${startupReport(startup)}\n`);
    for (const bytes of opts.sizes) {
      const r = await benchSize(opts, bytes, log);
      results.push(r);
      process.stdout.write(`${report(r, r.files)}\n`);
    }
  } catch (e) {
    if (e instanceof ReaderGone) return 141;
    // A command that failed (a full disk, a broken build): its own message, and the run folder is gone.
    process.stderr.write(`The bench stopped: ${escapeUnsafe(e instanceof Error ? e.message : String(e), true)}\n`);
    return 1;
  }
  const allMet = startup.verdicts.every((v) => v.met) && results.every((r) => r.verdicts.every((v) => v.met));
  process.stdout.write(`\n${allMet ? 'All targets met.' : 'Some targets missed (see MISS lines).'}\n`);
  if (opts.json) process.stdout.write(`${JSON.stringify({ mix: describeMix(), rssTargetMb: RSS_TARGET_MB, startup, results })}\n`);
  return allMet || opts.reportOnly ? 0 : 1;
}

export type { BenchFile };
