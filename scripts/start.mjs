// npm start: build, rebuild native modules for Electron's ABI, and run the desktop app.
// Afterwards `npm test` rebuilds better-sqlite3 for plain Node again (scripts/ensure-native.mjs).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}${process.platform === 'win32' ? '.cmd' : ''}`;

// The two steps that fetch from Electron's download host the first time (its headers, its
// runtime): on a machine without that access, say so instead of leaving a stack trace.
const OFFLINE_HINT = [
  'The desktop app needs the Electron runtime, which is downloaded the first time you start it.',
  'If this machine cannot reach the download, start the app on one that can, or install a packaged',
  'release (see SUPPORT.md). Everything else works without it: `npx sscp --help` lists the commands.',
].join('\n');

function step(label, command, args, { needsDownload = false } = {}) {
  console.log(`> ${label}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`\n${label} failed.`);
    if (needsDownload) console.error(OFFLINE_HINT);
    process.exit(r.status ?? 1);
  }
}

// Build first: it needs no network, so a broken build is reported before any download.
step('Building the app', process.execPath, ['scripts/build.mjs']);
step('Rebuilding native modules for Electron', bin('electron-builder'), ['install-app-deps'], { needsDownload: true });
step('Starting SSCP Evidence Pack', bin('electron'), ['.'], { needsDownload: true });
