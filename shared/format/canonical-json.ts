/**
 * JSON with object keys sorted at every level and no whitespace, so the same data always
 * gives the same text (and so the same hash), whatever order its keys were written in.
 *
 * The one serialiser behind every hash the product records: the audit chain (`audit_log`),
 * the export lease's snapshot hash and the shipped catalogs' hashes
 * (`shared/catalog/catalog-hashes.ts`). Its output for plain JSON data is exactly
 * `JSON.stringify` of the key-sorted value, so hashes recorded before it existed still verify.
 *
 * Anything JSON cannot say faithfully is refused with a TypeError naming where it is, rather
 * than written in some lossy form that a later reader (or a second serialiser) would hash
 * differently: `undefined` as a value or array element, functions, symbols, bigints, NaN and
 * ±Infinity, objects other than plain objects and arrays (a Date, Map, Buffer…), and cycles.
 * An object property whose value is `undefined` is left out, as JSON.stringify does: that is
 * how an optional field that is not set reads.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$', []);
}

function write(value: unknown, path: string, parents: object[]): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) return refuse(path, String(value));
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      return refuse(path, typeof value);
  }
  if (value === null) return 'null';
  if (parents.includes(value)) return refuse(path, 'a reference back to an enclosing value (a cycle)');
  const inside = [...parents, value];
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) items.push(write(value[i], `${path}[${i}]`, inside));
    return `[${items.join(',')}]`;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return refuse(path, `a ${typeof name === 'string' && name ? name : 'non-plain object'}`);
  }
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v, `${path}${memberPath(k)}`, inside)}`).join(',')}}`;
}

function memberPath(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

function refuse(path: string, what: string): never {
  throw new TypeError(`canonicalJson: ${path} is ${what}, which JSON cannot represent; convert it to plain JSON data first`);
}
