#!/usr/bin/env node
// The `sscp` command. It runs the CLI bundled into dist/cli (scripts/cli-bundle.mjs), which
// loads only the command being run; the bundle is built here first when it is missing or
// any source file changed since it was built, so a fresh clone or an edit needs no build
// step. If the bundle cannot be written (a read-only checkout), the sources run through tsx.
import { pathToFileURL } from 'node:url';
import { buildCliBundle, currentCliBundle } from '../scripts/cli-bundle.mjs';

// `sscp … | head`: once the reader has stopped reading, the rest of the output is dropped and
// the command still finishes what it was doing (never a crash half-way through a change).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
  });
}

const argv = process.argv.slice(2);
const io = {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: () => process.stdin,
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
};

let bundle = currentCliBundle();
if (!bundle) {
  try {
    bundle = await buildCliBundle();
  } catch (e) {
    const code = e?.code;
    if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') {
      const why = Array.isArray(e?.errors) && e.errors.length > 0 ? e.errors.map((x) => x.text).join('; ') : String(e?.message ?? e);
      process.stderr.write(`sscp: could not build the command-line bundle (${why}); running from the sources instead.\n`);
    }
  }
}

if (bundle) {
  let run;
  try {
    run = await import(pathToFileURL(bundle.entry).href);
  } catch (e) {
    // Another `sscp` made a newer build current and removed this one (long unused) meanwhile.
    if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
    bundle = currentCliBundle() ?? (await buildCliBundle());
    run = await import(pathToFileURL(bundle.entry).href);
  }
  process.exitCode = await run.runCli(argv, io, { summaries: bundle.summaries });
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { runCli } = await import('../main/cli/run.ts');
  process.exitCode = await runCli(argv, io);
}
