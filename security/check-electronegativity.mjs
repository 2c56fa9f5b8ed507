// Runs @doyensec/electronegativity over the Electron layer (main/app, main/preload) and the
// page (renderer/index.html, with the CSP meta tag the build adds), and fails on any finding not explained in
// security/electronegativity-triage.json. The tool pins an old TypeScript, so it lives in
// .tmp/electronegativity rather than in the project, installed with `npm ci` from the
// committed security/electronegativity/package-lock.json so its whole dependency tree is
// pinned, not only the tool itself. It is reinstalled only when that lockfile changes.
// The tool always exits 0, so the verdict comes from its SARIF output.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The page is checked as the build writes it: with the CSP meta tag from shared/csp.ts.
register();
const { withCspMeta } = await import('../shared/csp.ts');

const root = fileURLToPath(new URL('..', import.meta.url));
const pinned = `${root}security/electronegativity`;
const VERSION = JSON.parse(readFileSync(`${pinned}/package.json`, 'utf8')).dependencies['@doyensec/electronegativity'];
const toolDir = `${root}.tmp/electronegativity`;
const bin = `${toolDir}/node_modules/@doyensec/electronegativity/dist/index.js`;
// The hash of the lockfile the install in toolDir came from; absent while an install is unfinished.
const installedHashFile = `${toolDir}/.installed-lock-sha256`;
const stage = `${root}.tmp/electronegativity-input`;
const sarif = `${root}.tmp/electronegativity.sarif`;

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { cwd: root, encoding: 'utf8', ...options });
  if (r.error) throw r.error;
  return r;
}

function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function install(lockHash) {
  mkdirSync(toolDir, { recursive: true });
  // Forget the old install first, so a failed or interrupted one is retried next run.
  rmSync(installedHashFile, { force: true });
  copyFileSync(`${pinned}/package.json`, `${toolDir}/package.json`);
  copyFileSync(`${pinned}/package-lock.json`, `${toolDir}/package-lock.json`);
  const npmArgs = ['ci', '--no-audit', '--no-fund', '--ignore-scripts'];
  // Others may be installing at the same time: take the shared npm lock where flock exists.
  const hasFlock = run('sh', ['-c', 'command -v flock']).status === 0;
  const r = hasFlock
    ? run('flock', ['/tmp/npm.lock', 'npm', ...npmArgs], { cwd: toolDir, stdio: 'inherit' })
    : run('npm', npmArgs, { cwd: toolDir, stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(bin)) {
    console.error('electronegativity could not be installed (is the npm registry or its cache reachable?).');
    process.exit(1);
  }
  writeFileSync(`${installedHashFile}.tmp`, `${lockHash}\n`);
  renameSync(`${installedHashFile}.tmp`, installedHashFile);
}

const lockHash = sha256(`${pinned}/package-lock.json`);
const installedHash = existsSync(installedHashFile) ? readFileSync(installedHashFile, 'utf8').trim() : null;
if (installedHash !== lockHash || !existsSync(bin)) install(lockHash);

// One staged tree, so the global checks (CSP, navigation limits, permission handler) see
// the main process, the preload and the page together, as in the packaged app.
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
cpSync(`${root}main/app`, `${stage}/app`, { recursive: true });
cpSync(`${root}main/preload`, `${stage}/preload`, { recursive: true });
writeFileSync(`${stage}/index.html`, withCspMeta(readFileSync(`${root}renderer/index.html`, 'utf8')));
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
