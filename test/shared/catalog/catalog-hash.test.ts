import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../../shared/catalog/index';
import { CATALOG_HASHES } from '../../../shared/catalog/catalog-hashes';
import { canonicalJson } from '../../../shared/format/canonical-json';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

describe('shipped catalog versions are frozen', () => {
  it.each(CATALOGS.map((c) => [`${c.id}@${c.version}`, c] as const))('%s matches its recorded hash', (key, catalog) => {
    const recorded = CATALOG_HASHES[key];
    expect(recorded, `No hash recorded for ${key} in shared/catalog/catalog-hashes.ts`).toMatch(/^[0-9a-f]{64}$/);
    expect(
      sha256(canonicalJson(catalog)),
      `Catalog ${key} changed since it shipped: ship a new catalog version instead of editing a shipped one`,
    ).toBe(recorded);
  });

  it('records a hash only for versions this build ships', () => {
    expect(Object.keys(CATALOG_HASHES).sort()).toEqual(CATALOGS.map((c) => `${c.id}@${c.version}`).sort());
  });

  it('is frozen at run time, so code cannot edit it either', () => {
    const claim = CATALOGS[0]!.themes[0]!.principles[0]!.claims[0]!;
    expect(Object.isFrozen(claim)).toBe(true);
    expect(Object.isFrozen(claim.guidance)).toBe(true);
    expect(() => {
      (claim as { title: string }).title = 'edited';
    }).toThrow(TypeError);
  });
});

describe('canonicalJson', () => {
  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'x', c: null }] })).toBe(canonicalJson({ a: [{ c: null, d: 'x' }], b: 1 }));
    expect(canonicalJson({ b: 1, a: [{ d: 'x', c: null }] })).toBe('{"a":[{"c":null,"d":"x"}],"b":1}');
  });

  it('tells apart data that differs', () => {
    expect(canonicalJson({ a: 'x' })).not.toBe(canonicalJson({ a: 'y' }));
    expect(canonicalJson(['a', 'b'])).not.toBe(canonicalJson(['b', 'a']));
  });
});
