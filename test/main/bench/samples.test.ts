import { describe, expect, it } from 'vitest';
import { alternation, median, parseGnuTime, parseProcStat, summarise, timeText, type Sample } from '../../../main/bench/samples';

const sample = (
  seconds: number,
  userSeconds: number | null = null,
  systemSeconds: number | null = null,
  peakRssMb: number | null = 50,
): Sample => ({
  seconds,
  userSeconds,
  systemSeconds,
  peakRssMb,
});

describe('the bench arithmetic', () => {
  it('takes the median of odd and even counts without reordering the input', () => {
    const values = [3, 1, 2];
    expect(median(values)).toBe(2);
    expect(values).toEqual([3, 1, 2]);
    expect(median([5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    // One disturbed run does not decide it, as it would a mean or a single run.
    expect(median([2.1, 2.9, 2.0])).toBe(2.1);
    expect(() => median([])).toThrow(RangeError);
  });

  it('alternates contenders round by round, baseline first, so drift hits all alike', () => {
    expect(alternation(3, ['baseline', 'command']).map((s) => `${s.round}:${s.who}`)).toEqual([
      '0:baseline',
      '0:command',
      '1:baseline',
      '1:command',
      '2:baseline',
      '2:command',
    ]);
    expect(alternation(2, ['dgst', 'pdfsig', 'verify']).map((s) => s.who)).toEqual([
      'dgst',
      'pdfsig',
      'verify',
      'dgst',
      'pdfsig',
      'verify',
    ]);
    expect(alternation(1, ['a'])).toEqual([{ round: 0, who: 'a' }]);
    expect(() => alternation(0, ['a'])).toThrow(/at least 1/);
    expect(() => alternation(1.5, ['a'])).toThrow(RangeError);
  });

  it('summarises runs by median and range, with user and system from the median run', () => {
    const s = summarise([sample(2.9, 3.0, 0.5, 200), sample(2.1, 2.5, 0.4, 230), sample(2.0, 2.6, 0.3, 210)]);
    expect(s).toMatchObject({ runs: 3, seconds: 2.1, minSeconds: 2.0, maxSeconds: 2.9, peakRssMb: 230 });
    // Totals 3.5, 2.9 and 2.9: the median total is 2.9, and its parts add up to it.
    expect(s.cpuSeconds).toBeCloseTo(2.9);
    expect(s.userSeconds! + s.systemSeconds!).toBeCloseTo(s.cpuSeconds!);
    const even = summarise([sample(1, 1, 0), sample(3, 2, 1), sample(2, 1, 1), sample(4, 4, 0)]);
    expect(even.seconds).toBe(2.5);
    // Totals 1, 3, 2, 4: the two middle runs (2 and 3) give user 1.5 and system 1.
    expect([even.cpuSeconds, even.userSeconds, even.systemSeconds]).toEqual([2.5, 1.5, 1]);
  });

  it('reports processor time and peak memory as unknown when any run lacks them', () => {
    const s = summarise([sample(1, 0.5, 0.1), sample(1.2, null, null, null)]);
    expect([s.cpuSeconds, s.userSeconds, s.systemSeconds, s.peakRssMb]).toEqual([null, null, null, null]);
    expect(() => summarise([])).toThrow(RangeError);
  });

  it('reads GNU time output, also after a failed command', () => {
    expect(parseGnuTime('104532 2.41 0.37\n')).toEqual({ peakRssMb: 104532 / 1024, userSeconds: 2.41, systemSeconds: 0.37 });
    expect(parseGnuTime('Command exited with non-zero status 2\n5120 0.00 0.01\n')).toEqual({
      peakRssMb: 5,
      userSeconds: 0,
      systemSeconds: 0.01,
    });
    expect(parseGnuTime('')).toEqual({ peakRssMb: null, userSeconds: null, systemSeconds: null });
    expect(parseGnuTime('Command terminated by signal 9\n')).toEqual({ peakRssMb: null, userSeconds: null, systemSeconds: null });
  });

  it('reads user and system time, own and waited-for children, from /proc/<pid>/stat', () => {
    // Fields 14-17 (utime, stime, cutime, cstime) are 150, 30, 20 and 5 ticks.
    const stat = '4242 (node) S 1 4242 4242 0 -1 4194304 900 0 0 0 150 30 20 5 20 0 11 0 6033998 1000000 500 0 0';
    expect(parseProcStat(stat, 100)).toEqual({ userSeconds: 1.7, systemSeconds: 0.35 });
    // A command name may hold spaces and parentheses: fields are counted from the last ')'.
    const odd = '4242 (a) b (c d) R 1 4242 4242 0 -1 4194304 900 0 0 0 150 30 20 5 20 0 11 0';
    expect(parseProcStat(odd, 100)).toEqual({ userSeconds: 1.7, systemSeconds: 0.35 });
    expect(parseProcStat('not a stat line', 100)).toBeNull();
    expect(parseProcStat('4242 (node) S 1 2', 100)).toBeNull();
  });

  it('prints the median, then the range of several runs and the processor time', () => {
    const three = summarise([sample(2.53, 4, 0.52), sample(2.41, 4.0, 0.4), sample(2.93, 4.2, 0.6)]);
    expect(timeText(three)).toBe('2.53 s (2.41–2.93 s; user 4.00 + sys 0.52 s)');
    expect(timeText(summarise([sample(1.234, 0.9, 0.1)]))).toBe('1.23 s (user 0.90 + sys 0.10 s)');
    expect(timeText(summarise([sample(1, null, null), sample(2, null, null)]))).toBe('1.50 s (1.00–2.00 s; cpu unknown)');
  });
});
