#!/usr/bin/env node
// `npm run bench [-- --sizes 1,4]`: loads the TypeScript benchmark through tsx, like bin/sscp.mjs.
import { register } from 'tsx/esm/api';

register();
const { runBench } = await import('../main/bench/run-bench.ts');
process.exitCode = await runBench(process.argv.slice(2));
