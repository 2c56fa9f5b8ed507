import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface LicenceEntry {
  readonly name: string;
  readonly licence: string;
}

/** The licence of each runtime dependency, read from its own package.json, for the About panel. */
export async function collectLicences(appRoot: string): Promise<LicenceEntry[]> {
  const own = JSON.parse(await readFile(join(appRoot, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const names = Object.keys(own.dependencies ?? {}).sort();
  const entries = await Promise.all(
    names.map(async (name) => {
      try {
        const pkg = JSON.parse(await readFile(join(appRoot, 'node_modules', name, 'package.json'), 'utf8')) as {
          license?: string;
          version?: string;
        };
        return { name: `${name} ${pkg.version ?? ''}`.trim(), licence: pkg.license ?? 'see package' };
      } catch {
        return null;
      }
    }),
  );
  return entries.filter((e): e is LicenceEntry => e !== null);
}
