// npm start: rebuild native modules for Electron's ABI, build, and run the desktop app.
// Afterwards `npm test` rebuilds better-sqlite3 for plain Node again (scripts/ensure-native.mjs).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}${process.platform === 'win32' ? '.cmd' : ''}`;

function step(label, command, args) {
  console.log(`> ${label}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`${label} failed.`);
    process.exit(r.status ?? 1);
  }
}

step('Rebuilding native modules for Electron', bin('electron-builder'), ['install-app-deps']);
step('Building the app', process.execPath, ['scripts/build.mjs']);
step('Starting SSCP Evidence Pack', bin('electron'), ['.']);
