// Before the unit tests, and in npm test before anything that opens a database (the end-to-end
// run too, which runs beside them): better-sqlite3 must be built for this Node. `npm start` rebuilds it
// for Electron's ABI (electron-builder install-app-deps), after which plain Node cannot load
// it; this puts it back, once, with a message that says why the wait.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function loads() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

const problem = loads();
if (problem === null) process.exit(0);

console.log(`better-sqlite3 does not load under Node ${process.version} (ABI ${process.versions.modules}):`);
console.log(`  ${problem.split('\n')[0]}`);
console.log('It was probably last built for Electron by `npm start`. Rebuilding it for this Node (this can take a couple of minutes)…');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const rebuilt = spawnSync(npm, ['rebuild', 'better-sqlite3'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (rebuilt.status !== 0 || loads() !== null) {
  console.error(
    'Could not rebuild better-sqlite3 for this Node. Install a C++ toolchain (python3, make, g++) and run `npm rebuild better-sqlite3`.',
  );
  process.exit(1);
}
console.log('better-sqlite3 rebuilt for this Node.');
