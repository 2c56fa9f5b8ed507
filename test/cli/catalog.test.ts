import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogJson } from '../../main/cli/commands/catalog';
import { sscp, sscpBin } from './run-sscp';

const root = resolve(import.meta.dirname, '../..');

function countOf(json: CatalogJson) {
  const principles = json.themes.flatMap((t) => t.principles);
  return { themes: json.themes.length, principles: principles.length, claims: principles.flatMap((p) => p.claims).length };
}

describe('sscp catalog', () => {
  it('prints an indented tree of themes, principles and claims', async () => {
    const { code, out, err } = await sscp('catalog');
    expect(code).toBe(0);
    expect(err).toBe('');
    const lines = out.split('\n');
    expect(lines[0]).toBe('Software Security Code of Practice (uk-sscp 2025.2)');
    expect(lines[1]).toBe('4 themes, 14 principles, 45 claims');
    expect(lines[2]).toBe(
      'Follows: Code of Practice May 2025; Implementation guidance v1.0; Assurance Principles and Claims (APC) v1.0; self-assessment form v0.4',
    );
    expect(lines).toContain('Theme 1  Secure design and development');
    expect(lines).toContain('  2.1  Protect the build environment from unauthorised access');
    expect(lines).toContain("    4.2.1  At least one year's notice before support ends");
    expect(lines.filter((l) => /^ {4}\d\.\d\.\d {2}\S/.test(l))).toHaveLength(45);
  });

  it('prints the documented JSON shape with --json', async () => {
    const { code, out } = await sscp('catalog', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as CatalogJson;
    expect(Object.keys(json)).toEqual(['catalogId', 'version', 'title', 'source', 'themes', 'documents', 'changes']);
    expect(json).toMatchObject({ catalogId: 'uk-sscp', version: '2025.2' });
    expect(json.documents?.map((d) => `${d.key} ${d.version}`)).toEqual(['code May 2025', 'guidance 1.0', 'apc 1.0', 'form 0.4']);
    expect(json.changes).toContainEqual({ claimId: '3.2.1', since: '2025.1', note: expect.stringMatching(/process/) });
    expect(countOf(json)).toEqual({ themes: 4, principles: 14, claims: 45 });
    const theme = json.themes[0]!;
    expect(Object.keys(theme)).toEqual(['id', 'title', 'description', 'principles']);
    expect(Object.keys(theme.principles[0]!)).toEqual(['id', 'title', 'statement', 'guidance', 'claims']);
    expect(theme.principles[0]!.claims[0]).toEqual({
      id: '1.1.1',
      title: expect.any(String),
      statement: expect.any(String),
      guidance: expect.arrayContaining([expect.any(String)]),
      typicalEvidence: expect.arrayContaining([expect.any(String)]),
    });
  });

  it('accepts a known --catalog-version', async () => {
    const { code, out } = await sscp('catalog', '--json', '--catalog-version', '2025.1');
    expect(code).toBe(0);
    const json = JSON.parse(out) as CatalogJson;
    expect(json.version).toBe('2025.1');
    expect(json.documents).toBeNull();
    expect(json.changes).toEqual([]);
    const plain = await sscp('catalog', '--catalog-version', '2025.1');
    expect(plain.out.split('\n')[2]).toBe('Follows: not recorded in this version (see its source in --json)');
  });

  it('exits 2 naming the known versions for an unknown --catalog-version', async () => {
    const { code, out, err } = await sscp('catalog', '--catalog-version', '2024.9');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe('sscp: There is no catalog version "2024.9" of uk-sscp.\nKnown versions: 2025.1, 2025.2.\n');
  });

  it('runs through the real binary', async () => {
    const { code, out } = await sscpBin(root, 'catalog', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as CatalogJson;
    expect(countOf(json)).toEqual({ themes: 4, principles: 14, claims: 45 });
  });

  it('makes the real binary exit 2 for an unknown version', async () => {
    const run = await sscpBin(root, 'catalog', '--catalog-version', 'nope');
    expect(run).toMatchObject({ code: 2, err: expect.stringMatching(/Known versions: 2025\.1/) });
  });
});
