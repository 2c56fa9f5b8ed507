import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_CATALOG } from '../../../shared/catalog/index';
import { assessmentReminders, buildIcs, escapeText, foldLine } from '../../../main/reminders/ics';
import { openWorkspace } from '../../../main/services/workspace';
import { makeDetail } from '../../fixtures/form/make-detail';
import { sscp, tempFolder } from '../../cli/run-sscp';

interface Property {
  readonly name: string;
  readonly params: readonly string[];
  readonly value: string;
}

interface Component {
  readonly name: string;
  readonly properties: Property[];
  readonly components: Component[];
}

/**
 * A strict reader of the parts of RFC 5545 these files use: it throws on anything a calendar
 * program could misread (bare LF, lines over 75 octets, characters split across lines,
 * unbalanced BEGIN/END, unescaped TEXT, malformed dates), and returns the components.
 */
function parseIcs(bytes: Buffer): Component {
  const text = bytes.toString('utf8');
  if (!text.endsWith('\r\n')) throw new Error('the file does not end with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const [i, line] of physical.entries()) {
    if (/[\r\n]/.test(line)) throw new Error(`line ${i + 1} has a bare CR or LF`);
    const octets = Buffer.from(line, 'utf8');
    if (octets.length > 75) throw new Error(`line ${i + 1} is ${octets.length} octets long`);
    if (line.includes('\uFFFD')) throw new Error(`line ${i + 1} splits a character`);
  }
  // Unfold: a line starting with a space or tab continues the one before.
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (logical.length === 0) throw new Error('the file starts with a continuation line');
      logical[logical.length - 1] += line.slice(1);
    } else logical.push(line);
  }
  const root: Component = { name: '', properties: [], components: [] };
  const stack: Component[] = [root];
  for (const line of logical) {
    const m = /^([A-Z][A-Z0-9-]*)((?:;[A-Z0-9-]+=[^;:]*)*):(.*)$/.exec(line);
    if (!m) throw new Error(`not a content line: ${line}`);
    const [, name = '', paramText = '', value = ''] = m;
    const top = stack[stack.length - 1] as Component;
    if (name === 'BEGIN') {
      const child: Component = { name: value, properties: [], components: [] };
      top.components.push(child);
      stack.push(child);
    } else if (name === 'END') {
      if (top.name !== value) throw new Error(`END:${value} closes ${top.name}`);
      stack.pop();
    } else {
      top.properties.push({ name, params: paramText.split(';').filter(Boolean), value });
    }
  }
  if (stack.length !== 1 || root.components.length !== 1) throw new Error('BEGIN and END do not balance');
  return root.components[0] as Component;
}

/** A TEXT value back to its text; throws on an unescaped `;` or `,` or an unknown escape. */
function unescapeText(value: string): string {
  return value.replace(/\\(.)|[;,]/g, (all, escaped: string | undefined) => {
    if (escaped === undefined) throw new Error(`unescaped "${all}" in TEXT`);
    if (escaped === 'n' || escaped === 'N') return '\n';
    if (escaped === '\\' || escaped === ';' || escaped === ',') return escaped;
    throw new Error(`unknown escape \\${escaped}`);
  });
}

const prop = (c: Component, name: string): Property => {
  const found = c.properties.filter((p) => p.name === name);
  if (found.length !== 1) throw new Error(`${c.name} has ${found.length} ${name}`);
  return found[0] as Property;
};

function checkCalendar(calendar: Component): void {
  expect(calendar.name).toBe('VCALENDAR');
  expect(prop(calendar, 'VERSION').value).toBe('2.0');
  expect(prop(calendar, 'PRODID').value).not.toBe('');
  for (const event of calendar.components) {
    expect(event.name).toBe('VEVENT');
    expect(prop(event, 'UID').value).toMatch(/^\S+@\S+$/);
    expect(prop(event, 'DTSTAMP').value).toMatch(/^\d{8}T\d{6}Z$/);
    const start = prop(event, 'DTSTART');
    const end = prop(event, 'DTEND');
    expect(start.params).toEqual(['VALUE=DATE']);
    expect(end.params).toEqual(['VALUE=DATE']);
    expect(start.value).toMatch(/^\d{8}$/);
    const day = (v: string) => Date.UTC(Number(v.slice(0, 4)), Number(v.slice(4, 6)) - 1, Number(v.slice(6, 8)));
    expect(new Date(day(start.value)).toISOString().slice(0, 10).replace(/-/g, '')).toBe(start.value);
    expect(day(end.value) - day(start.value)).toBe(24 * 3600 * 1000);
    unescapeText(prop(event, 'SUMMARY').value);
    unescapeText(prop(event, 'DESCRIPTION').value);
    expect(event.components).toHaveLength(1);
    const alarm = event.components[0] as Component;
    expect(alarm.name).toBe('VALARM');
    expect(prop(alarm, 'ACTION').value).toBe('DISPLAY');
    expect(prop(alarm, 'TRIGGER').value).toMatch(/^-P\d+D$/);
    unescapeText(prop(alarm, 'DESCRIPTION').value);
  }
}

const LONG_UNICODE = `Renouveler la politique d’accès; revoir les comptes, 日本語のチーム 🔐 ${'é'.repeat(80)} مرحبا \\ fin`;

const detail = makeDetail(CURRENT_CATALOG, {
  assessment: { id: 'a-77', organisation: 'Zoë, Søn; & Co \\ Ltd' },
  actions: [
    {
      claimId: '2.1.6',
      description: `${LONG_UNICODE}\nsecond line\r\nthird\u0007 line`,
      owner: 'Bob, IT',
      dueDate: '2026-06-30',
      state: 'open',
    },
    { claimId: '1.1.1', description: 'Already done', dueDate: '2026-04-01', state: 'done' },
    { claimId: '1.1.2', description: 'No date yet', dueDate: null, state: 'open' },
  ],
  evidence: [
    { id: 'ev1', sha256: 'a'.repeat(64), fileName: 'ISO 27001 certificate, 2025.pdf', expiryDate: '2026-12-31' },
    { id: 'ev2', sha256: 'b'.repeat(64), fileName: 'no-expiry.pdf', expiryDate: null },
  ],
  links: [
    { claimId: '1.1.1', evidenceId: 'ev1' },
    { claimId: '2.1.1', evidenceId: 'ev1' },
  ],
});

describe('calendar reminders (.ics)', () => {
  const now = new Date('2026-03-01T09:30:00.000Z');
  const ics = buildIcs('SSCP reminders – Zoë, Søn; & Co \\ Ltd', assessmentReminders(detail), now);
  const calendar = parseIcs(Buffer.from(ics, 'utf8'));

  it('is a valid calendar: CRLF, folded at 75 octets without splitting characters, escaped text, all-day events with alarms', () => {
    checkCalendar(calendar);
    expect(ics.split('\r\n').some((line) => line.startsWith(' '))).toBe(true);
  });

  it('has one event per open dated action and per expiring evidence, and none for done or undated items', () => {
    const events = calendar.components.map((e) => ({ start: prop(e, 'DTSTART').value, summary: unescapeText(prop(e, 'SUMMARY').value) }));
    expect(events).toEqual([
      { start: '20260630', summary: `SSCP remedial action due (claim 2.1.6): ${LONG_UNICODE.slice(0, 117)}...` },
      { start: '20261231', summary: 'SSCP evidence expires: ISO 27001 certificate, 2025.pdf' },
    ]);
    const description = unescapeText(prop(calendar.components[0] as Component, 'DESCRIPTION').value);
    expect(description).toContain(`${LONG_UNICODE}\nsecond line\nthird line`);
    expect(description).toContain('Owner: Bob, IT');
    expect(unescapeText(prop(calendar.components[1] as Component, 'DESCRIPTION').value)).toContain(
      'Supports claims 1.1.1, 2.1.1 of Zoë, Søn; & Co \\ Ltd',
    );
    expect(unescapeText(prop(calendar, 'X-WR-CALNAME').value)).toBe('SSCP reminders – Zoë, Søn; & Co \\ Ltd');
    expect(prop(calendar.components[0] as Component, 'DTSTAMP').value).toBe('20260301T093000Z');
  });

  it('keeps each item’s UID from one export to the next', () => {
    const later = parseIcs(Buffer.from(buildIcs('x', assessmentReminders(detail), new Date('2026-05-01T00:00:00Z')), 'utf8'));
    expect(later.components.map((e) => prop(e, 'UID').value)).toEqual(calendar.components.map((e) => prop(e, 'UID').value));
    expect(new Set(calendar.components.map((e) => prop(e, 'UID').value)).size).toBe(2);
  });

  it('folds lines of multi-byte characters at 75 octets and unfolds to the same text', () => {
    for (const line of [
      `DESCRIPTION:${'🔐'.repeat(60)}`,
      `SUMMARY:${'日本'.repeat(50)}`,
      `SUMMARY:${'a'.repeat(74)}`,
      `SUMMARY:${'a'.repeat(300)}`,
    ]) {
      const folded = foldLine(line);
      for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      expect(
        folded
          .split('\r\n')
          .map((part, i) => (i === 0 ? part : part.slice(1)))
          .join(''),
      ).toBe(line);
    }
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
  });

  it('escapes TEXT so that nothing in it can end the value or start a property', () => {
    expect(escapeText('a;b,c\\d\ne\r\nf\u0000g\u001bh')).toBe('a\\;b\\,c\\\\d\\ne\\nfgh');
    expect(() =>
      parseIcs(
        Buffer.from(
          buildIcs(
            'x',
            [{ uid: 'u@x', date: '2026-01-01', kind: 'action-due', summary: 'END:VEVENT\r\nBEGIN:VEVENT', description: ':;,' }],
            now,
          ),
          'utf8',
        ),
      ),
    ).not.toThrow();
  });
});

describe('sscp export-ics', () => {
  let dir: string;
  let db: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, db, cleanup } = tempFolder()));
  afterEach(() => cleanup());

  it('writes the reminders of an assessment, and refuses with exit 2 when there is nothing dated or the file exists', async () => {
    const id = (await sscp('new', '--db', db, '--org', 'Acme Ltd', '--role', 'developer-distributor')).out.trim();
    const out = join(dir, 'reminders.ics');
    const empty = await sscp('export-ics', id, '--db', db, '--out', out);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain(`Assessment ${id} has nothing to remind you of`);
    expect(existsSync(out)).toBe(false);

    const ws = openWorkspace(db, { mustExist: true });
    ws.addAction(id, { claimId: '2.1.6', description: 'Start quarterly access reviews', owner: 'Bob', dueDate: '2026-06-30' });
    ws.close();
    const res = await sscp('export-ics', id, '--db', db, '--out', out);
    expect(res.code).toBe(0);
    expect(res.out).toBe(`${out}\n`);
    expect(res.err).toBe('1 remedial action due date, 0 evidence expiry dates.\n');
    const calendar = parseIcs(readFileSync(out));
    checkCalendar(calendar);
    expect(unescapeText(prop(calendar.components[0] as Component, 'SUMMARY').value)).toBe(
      'SSCP remedial action due (claim 2.1.6): Start quarterly access reviews',
    );

    writeFileSync(out, 'mine');
    const exists = await sscp('export-ics', id, '--db', db, '--out', out);
    expect(exists.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect((await sscp('export-ics', id, '--db', db, '--out', out, '--force')).code).toBe(0);
  });
});
