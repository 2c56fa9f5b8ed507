import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLI_NODE_TARGET } from '../../scripts/cli-bundle.mjs';
import { sscpBin, tempFolder } from './run-sscp';

const ROOT = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

interface SemVer {
  readonly major: number;
  readonly version: string;
}
/** semver, which npm itself uses (installed with the toolchain): no types of its own here. */
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): SemVer | null;
  Range: new (range: string) => { readonly set: readonly (readonly { readonly value: string }[])[] };
};

/** The lowest version of each alternative in a range: `^22.13.0 || >=24` gives 22.13.0 and 24.0.0. */
function floors(range: string): string[] {
  return new semver.Range(range).set.map((comparators) => semver.minVersion(comparators.map((c) => c.value).join(' '))!.version);
}

describe('the Node.js versions sscp supports', () => {
  it('package.json `engines` admits only Node versions that every installed package admits too (no EBADENGINE)', () => {
    const refused: string[] = [];
    for (const version of floors(pkg.engines.node)) {
      for (const [path, entry] of Object.entries(lock.packages)) {
        const wanted = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        if (path === '' || !wanted) continue;
        if (!semver.satisfies(version, wanted)) refused.push(`Node ${version}: ${path} ${entry.version ?? ''} wants ${wanted}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it("the CLI bundle's esbuild target is the oldest Node that `engines` admits", () => {
    expect(CLI_NODE_TARGET).toBe(`node${semver.minVersion(pkg.engines.node)!.major}`);
  });

  // `npm run test:node24` (scripts/test-node24.mjs) sets this: a run that silently fell back to
  // another Node (a PATH not taking, a worker started with the wrong binary) fails here.
  const major = process.env.SSCP_TEST_NODE_MAJOR;
  it.runIf(major)(`runs on Node ${major}, and so do the node and sscp it spawns, with no warnings`, async () => {
    expect(process.versions.node.split('.')[0]).toBe(major);
    const { stdout } = await promisify(execFile)('node', ['-p', 'process.versions.node']);
    expect(stdout.trim().split('.')[0]).toBe(major);
    const t = tempFolder();
    try {
      // A real database through the real bin/sscp.mjs: better-sqlite3 loads on this Node.
      const created = await sscpBin(t.dir, 'new', '--db', t.db, '--org', 'Runtime Ltd', '--role', 'developer-distributor');
      expect(created, created.err).toMatchObject({ code: 0, err: '' });
      const shown = await sscpBin(t.dir, 'show', created.out.trim(), '--db', t.db, '--json');
      expect(shown, shown.err).toMatchObject({ code: 0, err: '' });
      expect((JSON.parse(shown.out) as { assessment: { organisation: string } }).assessment.organisation).toBe('Runtime Ltd');
    } finally {
      t.cleanup();
    }
  });
});
