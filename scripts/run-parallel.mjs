// npm test: runs the npm scripts named on the command line at the same time, each with its
// own output held back and printed whole once it ends (so two logs never interleave), and
// exits non-zero if any of them failed. Only for phases that each keep one core busy and
// share nothing (prettier + ESLint, and the four tsc runs): on two cores they then take the
// time of the longer one instead of the sum. See docs/testing.md, "Keeping npm test fast".
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('usage: node scripts/run-parallel.mjs SCRIPT...  (npm scripts from package.json)');
  process.exit(2);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(name) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(npm, ['run', name], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    const output = [];
    child.stdout.on('data', (c) => output.push(c));
    child.stderr.on('data', (c) => output.push(c));
    child.on('error', (e) => resolve({ name, code: 1, output: [Buffer.from(`${e.message}\n`)], ms: Date.now() - started }));
    child.on('close', (code, signal) => resolve({ name, code: code ?? (signal ? 1 : 0), output, ms: Date.now() - started }));
  });
}

let failed = false;
await Promise.all(
  names.map(async (name) => {
    const r = await run(name);
    const text = Buffer.concat(r.output).toString('utf8');
    process.stdout.write(`\n> ${r.name} (${r.code === 0 ? 'passed' : `failed, exit ${r.code}`}, ${(r.ms / 1000).toFixed(1)} s)\n${text}`);
    if (r.code !== 0) failed = true;
  }),
);
process.exit(failed ? 1 : 0);
