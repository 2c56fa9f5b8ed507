import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sscp, tempFolder } from '../../cli/run-sscp';
import { canonicalJson } from '../../../shared/format/canonical-json';

/** What the audit chain was hashed with before there was one serialiser: JSON.stringify of the key-sorted value. */
function sortedStringify(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(sort(value));
}

describe('canonicalJson', () => {
  it('gives exactly what the audit chain and catalog hashes were recorded with, for plain JSON data', () => {
    const samples: unknown[] = [
      null,
      true,
      0,
      -0,
      1.5e-7,
      123456789012345680000,
      -42.125,
      '',
      'Zoë & Søn Łódź 株式会社 😀 \u0000\u001f\u2028 "q" \\',
      [],
      {},
      [1, 'a', null, [{}], { z: 1, a: [2, { y: null, b: 'x' }] }],
      { b: 1, a: { d: 'x', c: null, optional: undefined }, 'key with space': 1, '\u00e9': 2, E: 3 },
    ];
    for (const s of samples) expect(canonicalJson(s)).toBe(sortedStringify(s));
  });

  it('refuses what JSON cannot represent, naming where it is, instead of writing it some lossy way', () => {
    const fn = (): void => undefined;
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    const cases: [unknown, RegExp][] = [
      [undefined, /\$ is undefined/],
      [[undefined], /\$\[0\] is undefined/],
      [{ a: [1, fn] }, /\$\.a\[1\] is function/],
      [{ f: fn }, /\$\.f is function/],
      [{ 'odd key': Symbol('s') }, /\$\["odd key"\] is symbol/],
      [{ n: 1n }, /\$\.n is bigint/],
      [{ n: Number.NaN }, /\$\.n is NaN/],
      [[Number.POSITIVE_INFINITY], /\$\[0\] is Infinity/],
      [{ at: new Date(0) }, /\$\.at is a Date/],
      [{ m: new Map() }, /\$\.m is a Map/],
      [{ bytes: Buffer.from('x') }, /\$\.bytes is a Buffer/],
      [cycle, /\$\.self is a reference back/],
    ];
    for (const [value, message] of cases) {
      expect(() => canonicalJson(value)).toThrow(TypeError);
      expect(() => canonicalJson(value)).toThrow(message);
    }
  });

  it('sorts keys that look like array indexes as strings too, unlike a JS object would', () => {
    // JSON.stringify of an object puts such keys first in numeric order; the store's old
    // serialiser inherited that. No recorded hash has such a key (audit details, actors and
    // catalogs use fixed field names), so true string order costs nothing and is the canonical form.
    expect(canonicalJson({ '9': 'a', '10': 'b', a: 'c' })).toBe('{"10":"b","9":"a","a":"c"}');
  });

  it('still accepts the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"x":1},"b":[{"x":1}]}');
  });

  it('leaves out object properties that are undefined, as an unset optional field reads', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson(Object.create(null) as object)).toBe('{}');
  });
});

describe('audit chains recorded before the serialisers were merged', () => {
  // Made by `sscp new/set/attach/carry-forward/archive` with the code as it was (two
  // serialisers): 8 entries with non-ASCII text, control characters and nested details.
  const fixture = join(import.meta.dirname, '..', '..', 'fixtures', 'audit-chain');
  const tmp = tempFolder();
  afterAll(() => tmp.cleanup());

  it('still verify with sscp check', async () => {
    cpSync(join(fixture, 'chain.sscp'), tmp.db);
    cpSync(join(fixture, 'chain.sscp.evidence'), `${tmp.db}.evidence`, { recursive: true });
    const r = await sscp('check', '--db', tmp.db);
    expect(r.err).toBe('');
    expect(r.out).toContain('Audit log:    ok (8 entries)');
    expect(r.out).toContain('Everything checks out.');
    expect(r.code).toBe(0);
  });
});
