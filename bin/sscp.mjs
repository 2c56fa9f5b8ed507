#!/usr/bin/env node
// The `sscp` command: runs the TypeScript sources through tsx's loader, so a fresh clone
// needs no build step and the CLI runs exactly the code the tests run.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../main/cli/run.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
});
