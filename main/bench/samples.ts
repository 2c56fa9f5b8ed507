/**
 * The bench's arithmetic, apart from anything that runs a process: the order of interleaved
 * runs, the median and range of repeated runs, processor time read from GNU time or /proc,
 * and how a summary is printed. Kept pure so it is unit-tested without timing anything.
 */

/** One timed run of one command in a fresh process. */
export interface Sample {
  /** Wall time from spawn to exit. */
  readonly seconds: number;
  /** Processor time of the process and the children it waited for, or null when unknown. */
  readonly userSeconds: number | null;
  readonly systemSeconds: number | null;
  readonly peakRssMb: number | null;
}

/** Several runs of one command, as the verdict uses them. */
export interface Summary {
  readonly runs: number;
  /** Median wall time. */
  readonly seconds: number;
  readonly minSeconds: number;
  readonly maxSeconds: number;
  /** Median processor time (user + system), and its two parts from the same run(s); null when unknown. */
  readonly cpuSeconds: number | null;
  readonly userSeconds: number | null;
  readonly systemSeconds: number | null;
  /** The highest peak of all runs: the memory target must hold every time. Null when any run's is unknown. */
  readonly peakRssMb: number | null;
}

/** The median: the middle value, or the mean of the two middle values of an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The order in which `runs` rounds of several contenders are timed: round by round, each
 * contender once per round in the order given (baseline first, then the command), so a drift
 * of the machine over the minutes of a bench hits all of them alike instead of one.
 */
export function alternation<T>(runs: number, contenders: readonly T[]): { readonly round: number; readonly who: T }[] {
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a whole number of at least 1, not ${runs}`);
  const order: { round: number; who: T }[] = [];
  for (let round = 0; round < runs; round++) for (const who of contenders) order.push({ round, who });
  return order;
}

/** Median, range, processor time and worst peak memory of several runs of one command. */
export function summarise(samples: readonly Sample[]): Summary {
  if (samples.length === 0) throw new RangeError('no samples to summarise');
  const walls = samples.map((s) => s.seconds);
  const cpuKnown = samples.every((s) => s.userSeconds !== null && s.systemSeconds !== null);
  let cpu: Pick<Summary, 'cpuSeconds' | 'userSeconds' | 'systemSeconds'> = { cpuSeconds: null, userSeconds: null, systemSeconds: null };
  if (cpuKnown) {
    // User and system are taken from the run(s) whose total is the median, so they add up to it.
    const byTotal = [...samples].sort((a, b) => a.userSeconds! + a.systemSeconds! - (b.userSeconds! + b.systemSeconds!));
    const mid = Math.floor(byTotal.length / 2);
    const middle = byTotal.length % 2 === 1 ? [byTotal[mid]!] : [byTotal[mid - 1]!, byTotal[mid]!];
    const userSeconds = middle.reduce((t, s) => t + s.userSeconds!, 0) / middle.length;
    const systemSeconds = middle.reduce((t, s) => t + s.systemSeconds!, 0) / middle.length;
    cpu = { cpuSeconds: userSeconds + systemSeconds, userSeconds, systemSeconds };
  }
  const peaks = samples.map((s) => s.peakRssMb);
  return {
    runs: samples.length,
    seconds: median(walls),
    minSeconds: Math.min(...walls),
    maxSeconds: Math.max(...walls),
    ...cpu,
    peakRssMb: peaks.some((p) => p === null) ? null : Math.max(...(peaks as number[])),
  };
}

/**
 * Peak memory and processor time from GNU time's `-f '%M %U %S'` output file: the last line
 * (GNU time writes "Command exited with non-zero status N" above it when the command fails).
 */
export function parseGnuTime(text: string): { peakRssMb: number | null; userSeconds: number | null; systemSeconds: number | null } {
  const last = text.trim().split('\n').pop() ?? '';
  const m = /^(\d+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/.exec(last.trim());
  if (!m) return { peakRssMb: null, userSeconds: null, systemSeconds: null };
  return { peakRssMb: Number(m[1]) / 1024, userSeconds: Number(m[2]), systemSeconds: Number(m[3]) };
}

/**
 * User and system time, in seconds, from the text of `/proc/<pid>/stat`: the process's own
 * (fields 14 and 15) plus that of the children it has waited for (16 and 17), in clock ticks.
 * The command name (field 2) is in parentheses and may itself hold spaces and parentheses, so
 * the fields are counted from its last closing parenthesis. Null when the text is not a stat line.
 */
export function parseProcStat(text: string, ticksPerSecond: number): { userSeconds: number; systemSeconds: number } | null {
  const close = text.lastIndexOf(')');
  if (close < 0) return null;
  // After the name: field 3 (state) is index 0, so field n is index n - 3.
  const fields = text
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const tick = (n: number) => Number(fields[n - 3]);
  const [utime, stime, cutime, cstime] = [tick(14), tick(15), tick(16), tick(17)];
  if (![utime, stime, cutime, cstime].every((n) => Number.isInteger(n) && n >= 0)) return null;
  return { userSeconds: (utime + cutime) / ticksPerSecond, systemSeconds: (stime + cstime) / ticksPerSecond };
}

const sec = (n: number) => `${n.toFixed(2)} s`;

/**
 * A summary as the report prints it: the median wall time, then in brackets the range of the
 * runs (when there were several) and the processor time, user + system, of the median run(s),
 * e.g. `2.53 s (2.41–2.93 s; user 3.92 + sys 0.60 s)`: system time is the kernel's work for the
 * command (reading, writing, page faults), user time its own.
 */
export function timeText(s: Summary): string {
  const cpu =
    s.userSeconds === null || s.systemSeconds === null ? 'cpu unknown' : `user ${s.userSeconds.toFixed(2)} + sys ${sec(s.systemSeconds)}`;
  const range = s.runs > 1 ? `${s.minSeconds.toFixed(2)}–${sec(s.maxSeconds)}; ` : '';
  return `${sec(s.seconds)} (${range}${cpu})`;
}
