// Runs @doyensec/electronegativity over the Electron layer (main/app, main/preload) and the
// page (renderer/index.html), and fails on any finding not explained in
// security/electronegativity-triage.json. The tool pins an old TypeScript, so it lives in
// .tmp/electronegativity (installed on first use, under a lock) rather than in the project.
// It always exits 0, so the verdict comes from its SARIF output.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const VERSION = '1.10.3';
const toolDir = `${root}.tmp/electronegativity`;
const bin = `${toolDir}/node_modules/@doyensec/electronegativity/dist/index.js`;
const stage = `${root}.tmp/electronegativity-input`;
const sarif = `${root}.tmp/electronegativity.sarif`;

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { cwd: root, encoding: 'utf8', ...options });
  if (r.error) throw r.error;
  return r;
}

function install() {
  mkdirSync(toolDir, { recursive: true });
  writeFileSync(`${toolDir}/package.json`, JSON.stringify({ name: 'electronegativity-runner', private: true }));
  const npmArgs = ['install', '--no-audit', '--no-fund', '--ignore-scripts', `@doyensec/electronegativity@${VERSION}`];
  // Others may be installing at the same time: take the shared npm lock where flock exists.
  const hasFlock = run('sh', ['-c', 'command -v flock']).status === 0;
  const r = hasFlock ? run('flock', ['/tmp/npm.lock', 'npm', ...npmArgs], { cwd: toolDir, stdio: 'inherit' }) : run('npm', npmArgs, { cwd: toolDir, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('electronegativity could not be installed (is the npm registry or its cache reachable?).');
    process.exit(1);
  }
}

if (!existsSync(bin)) install();

// One staged tree, so the global checks (CSP, navigation limits, permission handler) see
// the main process, the preload and the page together, as in the packaged app.
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
cpSync(`${root}main/app`, `${stage}/app`, { recursive: true });
cpSync(`${root}main/preload`, `${stage}/preload`, { recursive: true });
cpSync(`${root}renderer/index.html`, `${stage}/index.html`);
rmSync(sarif, { force: true });
const electronVersion = JSON.parse(readFileSync(`${root}node_modules/electron/package.json`, 'utf8')).version;
const r = run(process.execPath, [bin, '-i', stage, '-r', '-v', 'false', '-e', electronVersion, '-o', sarif]);
if (!existsSync(sarif)) {
  console.error(r.stdout, r.stderr);
  console.error('electronegativity produced no report.');
  process.exit(1);
}

// The staged copies are not sources: remove them so no other tool (lint, tsc) trips on them.
rmSync(stage, { recursive: true, force: true });
const report = JSON.parse(readFileSync(sarif, 'utf8'));
const findings = report.runs.flatMap((runEntry) =>
  (runEntry.results ?? []).map((result) => {
    const location = result.locations?.[0]?.physicalLocation;
    return {
      issue: result.ruleId,
      file: (location?.artifactLocation?.uri ?? 'N/A').replace(/^.*electronegativity-input\//, ''),
      line: location?.region?.startLine ?? 0,
      message: result.message?.text ?? '',
    };
  }),
);
const triage = JSON.parse(readFileSync(`${root}security/electronegativity-triage.json`, 'utf8')).findings;
const matches = (t, f) => t.issue === f.issue && (t.file === '*' || t.file === f.file);
const untriaged = findings.filter((f) => !triage.some((t) => matches(t, f)));
const stale = triage.filter((t) => !findings.some((f) => matches(t, f)));

console.log(`electronegativity ${VERSION}: ${findings.length} findings, ${findings.length - untriaged.length} triaged.`);
for (const t of stale) console.log(`  note: triage entry no longer needed: ${t.issue} in ${t.file}`);
if (untriaged.length > 0) {
  console.error('Untriaged electronegativity findings (fix them, or explain them in security/electronegativity-triage.json):');
  for (const f of untriaged) console.error(`  ${f.issue} ${f.file}:${f.line} ${f.message}`);
  process.exit(1);
}
