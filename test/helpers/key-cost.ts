import type { CliIo } from '../../main/cli/io';

/**
 * What tests that run `sscp` in their own process (`runCli`) pass as `keyCost`: keys sealed
 * with scrypt N=2^10 instead of 2^17, `.p12` backups written with 2,048 iterations instead of
 * 600,000. The commands, formats and checks are the same; only each derivation is cheaper (the
 * production ones cost about 0.4 s of CPU per seal or unlock and over 1 s per backup written or
 * read). test/main/signing/identity-backup.test.ts proves the production parameters through
 * `runCli` without it, and the README walk-through uses them through the real `sscp`.
 */
export const TEST_KEY_COST: NonNullable<CliIo['keyCost']> = { kdf: { name: 'scrypt', N: 2 ** 10, r: 8, p: 1 }, p12Iterations: 2048 };
