// Loaded with `--import` into every Node 24 process of `npm run test:node24` (scripts/test-node24.mjs
// passes it in NODE_OPTIONS, so the test workers and every `sscp` they spawn get it too). The
// shared node_modules/better-sqlite3 is built for the Node that installed it (Node 20 here);
// this resolves `better-sqlite3` to the copy that script built for Node 24's ABI instead,
// for `import` and `require` alike, by name or by path. Nothing else changes: the code under
// test is the same.
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const folder = process.env.SSCP_NODE24_SQLITE;
if (!folder || !existsSync(join(folder, 'lib', 'index.js'))) {
  throw new Error(`SSCP_NODE24_SQLITE must name a better-sqlite3 built for this Node (got ${JSON.stringify(folder)}).`);
}
const copy = pathToFileURL(folder).href.replace(/\/?$/, '/');
const entry = new URL('lib/index.js', copy).href;
/** Any other better-sqlite3 (the shared one, by its path or through a symlink): the Node it was built for is not this one. */
const SHARED = /^file:\/\/.*\/node_modules\/better-sqlite3\/(.*)$/;

registerHooks({
  resolve(specifier, context, next) {
    if (specifier === 'better-sqlite3') return { url: entry, shortCircuit: true };
    const resolved = next(specifier, context);
    // vitest resolves packages itself and imports them by path: redirect those too.
    const shared = resolved.url.startsWith(copy) ? null : SHARED.exec(resolved.url);
    return shared ? { ...resolved, url: new URL(shared[1], copy).href } : resolved;
  },
});
