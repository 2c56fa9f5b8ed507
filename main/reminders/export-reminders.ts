import { SscpError } from '../../shared/errors';
import { checkDestination } from '../fs/destination';
import { writeFileAtomic } from '../fs/write-file-atomic';
import type { Workspace } from '../services/workspace';
import { assessmentReminders, buildIcs } from './ics';

export interface ExportRemindersOptions {
  /** The person agreed to replace an existing file (the save dialog asked, or --force). */
  readonly replace: boolean;
  readonly existsHint?: string;
  /** The DTSTAMP; the current time unless a test fixes it. */
  readonly now?: Date;
  /** Stops the export before the file is put in place (see writeFileAtomic). */
  readonly signal?: AbortSignal;
}

export interface ExportRemindersResult {
  readonly path: string;
  readonly actionsDue: number;
  readonly evidenceExpiring: number;
}

/**
 * Writes an assessment's reminders (open remedial actions' due dates, evidence expiry dates)
 * as an iCalendar file, whole or not at all. An assessment with nothing dated is refused: an
 * empty calendar would only look like there is nothing to do.
 */
export async function exportReminders(
  ws: Workspace,
  assessmentId: string,
  outPath: string,
  options: ExportRemindersOptions,
): Promise<ExportRemindersResult> {
  const detail = ws.getAssessment(assessmentId);
  const reminders = assessmentReminders(detail);
  if (reminders.length === 0) {
    throw SscpError.because({ code: 'reminders-none', assessmentId });
  }
  const target = await checkDestination(outPath, {
    what: 'calendar file',
    database: ws.dbPath,
    replace: options.replace,
    existsHint: options.existsHint,
    exampleName: 'sscp-reminders.ics',
  });
  const text = buildIcs(`SSCP reminders – ${detail.assessment.organisation}`, reminders, options.now ?? new Date());
  await writeFileAtomic(target, Buffer.from(text, 'utf8'), {
    what: 'calendar file',
    replace: options.replace,
    existsHint: options.existsHint,
    signal: options.signal,
  });
  return {
    path: target,
    actionsDue: reminders.filter((r) => r.kind === 'action-due').length,
    evidenceExpiring: reminders.filter((r) => r.kind === 'evidence-expiry').length,
  };
}
