// npm test: runs the npm scripts named on the command line at the same time and exits
// non-zero if any of them failed. An argument `a+b` is one lane: `a`, then `b` (even if `a`
// failed, so one run reports every failure), beside the other lanes. Each script's output is
// held back and printed whole once it ends, so two logs never interleave, except the one
// script named by `--live NAME`, whose output goes straight through as it comes (the unit
// suite's several minutes of progress). On two cores this keeps both busy: lint, the four tsc
// runs and the Electron scan each use one core, the end-to-end run mostly waits on Chromium,
// and the unit suite's two workers take whatever the others leave. See docs/testing.md,
// "Keeping npm test fast".
//
// Each script's wall time and CPU time (user + sys of it and every process it started, from
// the shell's `times`) is printed with its log and again in a closing table, so a slow phase
// shows whether it was busy or waiting.
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const liveAt = args.indexOf('--live');
const liveName = liveAt >= 0 ? args[liveAt + 1] : undefined;
if (liveAt >= 0) args.splice(liveAt, 2);
const lanes = args.map((arg) => arg.split('+').filter(Boolean));
if (lanes.length === 0 || lanes.some((lane) => lane.length === 0) || (liveAt >= 0 && !lanes.flat().includes(liveName))) {
  console.error('usage: node scripts/run-parallel.mjs [--live SCRIPT] SCRIPT[+SCRIPT...]...  (npm scripts from package.json)');
  process.exit(2);
}
const windows = process.platform === 'win32';
const npm = windows ? 'npm.cmd' : 'npm';

/** Seconds from one `times` figure such as `1m2.345s`. */
function seconds(figure) {
  const m = /^(\d+)m([\d.]+)s$/.exec(figure);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
}

function run(name) {
  // One script alone has nothing to interleave with: its output goes straight through too.
  const live = name === liveName || (lanes.length === 1 && lanes[0].length === 1);
  return new Promise((resolve) => {
    const started = Date.now();
    // On POSIX, through sh so that `times` reports the CPU time of npm and everything under it
    // once it has ended (its second line: the shell's children), on a descriptor of its own.
    const child = windows
      ? spawn(npm, ['run', name], { stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'], shell: true })
      : spawn('sh', ['-c', 'npm run "$1"; status=$?; times >&3; exit $status', 'sh', name], {
          stdio: live ? ['inherit', 'inherit', 'inherit', 'pipe'] : ['ignore', 'pipe', 'pipe', 'pipe'],
        });
    const output = [];
    let times = '';
    child.stdout?.on('data', (c) => output.push(c));
    child.stderr?.on('data', (c) => output.push(c));
    child.stdio[3]?.on('data', (c) => (times += c));
    const done = (code) => {
      const children = times.trim().split('\n')[1]?.trim().split(/\s+/) ?? [];
      const cpu = children.length === 2 ? seconds(children[0]) + seconds(children[1]) : NaN;
      resolve({ name, code, output, ms: Date.now() - started, cpu });
    };
    child.on('error', (e) => {
      output.push(Buffer.from(`${e.message}\n`));
      done(1);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

const fmt = (r) => `${(r.ms / 1000).toFixed(1)} s${Number.isNaN(r.cpu) ? '' : `, ${r.cpu.toFixed(1)} s CPU`}`;
const results = [];
await Promise.all(
  lanes.map(async (lane) => {
    for (const name of lane) {
      const r = await run(name);
      results.push(r);
      const text = Buffer.concat(r.output).toString('utf8');
      process.stdout.write(`\n> ${r.name} (${r.code === 0 ? 'passed' : `failed, exit ${r.code}`}, ${fmt(r)})\n${text}`);
    }
  }),
);
process.stdout.write(`\n${results.map((r) => `  ${r.name.padEnd(16)} ${r.code === 0 ? 'passed' : 'FAILED'}  ${fmt(r)}`).join('\n')}\n`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
