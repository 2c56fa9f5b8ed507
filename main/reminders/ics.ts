import { addDays, formatUkDate } from '../../shared/domain/dates';
import type { AssessmentDetail, IsoDate } from '../../shared/domain/types';

/**
 * Reminders the SRO can put in their own calendar, offline: the due date of every open
 * remedial action and the expiry date of every piece of evidence the assessment relies on,
 * as an iCalendar file (RFC 5545) of all-day events, each with an alarm a week before.
 */
export interface Reminder {
  /** Stable for the same item, so importing a newer file updates the event instead of adding another. */
  readonly uid: string;
  readonly date: IsoDate;
  readonly kind: 'action-due' | 'evidence-expiry';
  readonly summary: string;
  readonly description: string;
}

/** Where the events come from: `sscp` in UIDs and PRODID. */
const UID_DOMAIN = 'sscp-evidence-pack.invalid';
export const ICS_PRODID = '-//SSCP Evidence Pack//Reminders//EN';
/** The alarm: a week before the day. */
export const ALARM_BEFORE = '-P7D';

/** The reminders of one assessment, in date order (then by kind and text, so the file is stable). */
export function assessmentReminders(detail: AssessmentDetail): Reminder[] {
  const { assessment } = detail;
  const about = `${assessment.organisation} – SSCP self-assessment`;
  const reminders: Reminder[] = [];
  for (const action of detail.actions) {
    if (action.state !== 'open' || action.dueDate === null) continue;
    reminders.push({
      uid: `action-${action.id}@${UID_DOMAIN}`,
      date: action.dueDate,
      kind: 'action-due',
      summary: `SSCP remedial action due (claim ${action.claimId}): ${firstLine(action.description)}`,
      description: [
        `Remedial action for claim ${action.claimId} of ${about}, due ${formatUkDate(action.dueDate)}.`,
        '',
        action.description,
        '',
        `Owner: ${action.owner.trim() === '' ? 'not set' : action.owner}`,
        `Assessment: ${assessment.id}`,
      ].join('\n'),
    });
  }
  for (const item of detail.evidence) {
    if (item.expiryDate === null) continue;
    const claims = [...new Set(detail.links.filter((l) => l.evidenceId === item.id).map((l) => l.claimId))].sort();
    reminders.push({
      uid: `evidence-${item.id}-${assessment.id}@${UID_DOMAIN}`,
      date: item.expiryDate,
      kind: 'evidence-expiry',
      summary: `SSCP evidence expires: ${item.fileName}`,
      description: [
        `The evidence ${item.fileName} expires on ${formatUkDate(item.expiryDate)}: replace it with current evidence.`,
        '',
        `Supports ${claims.length === 0 ? 'no claim yet' : `claim${claims.length === 1 ? '' : 's'} ${claims.join(', ')}`} of ${about}.`,
        ...(item.description.trim() === '' ? [] : ['', item.description]),
        `Assessment: ${assessment.id}`,
      ].join('\n'),
    });
  }
  return reminders.sort(
    (a, b) =>
      a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.summary.localeCompare(b.summary) || a.uid.localeCompare(b.uid),
  );
}

/** The calendar file's text: CRLF line endings, lines folded at 75 octets, text escaped. */
export function buildIcs(calendarName: string, reminders: readonly Reminder[], now: Date): string {
  const stamp = utcStamp(now);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendarName)}`,
  ];
  for (const r of reminders) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(r.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(r.date)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(r.date, 1))}`,
      `SUMMARY:${escapeText(r.summary)}`,
      `DESCRIPTION:${escapeText(r.description)}`,
      `CATEGORIES:${r.kind === 'action-due' ? 'SSCP remedial action' : 'SSCP evidence expiry'}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(r.summary)}`,
      `TRIGGER:${ALARM_BEFORE}`,
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/**
 * A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as `\n`,
 * and control characters (which a TEXT value may not hold, tab aside) left out.
 */
export function escapeText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\n/g, '\\n')
  );
}

const MAX_OCTETS = 75;

/**
 * Folds a content line (RFC 5545 3.1): no line longer than 75 octets of UTF-8, each
 * continuation starting with one space, never splitting a character.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

function icsDate(date: IsoDate): string {
  return date.replace(/-/g, '');
}

function utcStamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/)[0]?.trim() ?? '';
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}
