import { formatUkDate, isIsoDate, parseUkDate } from '../../shared/domain/dates';
import { RESULT_LABELS } from '../../shared/domain/labels';
import { CLAIM_RESULTS, type ActionState, type ClaimResult, type IsoDate } from '../../shared/domain/types';

/**
 * The official form has no place for a claim's result or its remedial actions, so the export
 * appends them to the Arguments / Assumptions cell after a marker paragraph, and the reader
 * strips exactly that block back off. Everything above the marker is the person's own text.
 */
export const RECORD_MARKER = '— Assessment record (added by SSCP Evidence Pack) —';

export { RESULT_LABELS };

export interface RecordedAction {
  readonly description: string;
  readonly owner: string;
  readonly dueDate: IsoDate | null;
  readonly state: ActionState;
}

export interface RecordedEvidenceFile {
  readonly fileName: string;
  readonly sha256: string;
}

/** Evidence that is not a file, as the form records it: no hash to check. */
export interface RecordedEvidenceReference {
  readonly location: string;
  readonly owner: string;
  readonly date: IsoDate | null;
}

export interface AssessmentRecord {
  readonly result: ClaimResult;
  readonly actions: readonly RecordedAction[];
  readonly evidenceFiles: readonly RecordedEvidenceFile[];
  /** Absent in records read from forms written before references existed. */
  readonly evidenceReferences?: readonly RecordedEvidenceReference[];
}

const NOT_SET = 'not set';

/** The block's paragraphs, marker first. A paragraph may hold line breaks (`\n`). */
export function formatRecord(record: AssessmentRecord): string[] {
  return [
    RECORD_MARKER,
    `Result: ${RESULT_LABELS[record.result]}`,
    ...record.actions.map(
      (a) =>
        `Remedial action: ${a.description} (owner: ${a.owner.trim() === '' ? NOT_SET : a.owner}, due: ${a.dueDate && isIsoDate(a.dueDate) ? formatUkDate(a.dueDate) : NOT_SET}, ${a.state})`,
    ),
    ...record.evidenceFiles.map((f) => `Evidence file: ${f.fileName} (SHA-256 ${f.sha256})`),
    ...(record.evidenceReferences ?? []).map(
      (r) =>
        `Evidence reference: ${r.location} (owner: ${r.owner.trim() === '' ? NOT_SET : r.owner}, dated: ${r.date && isIsoDate(r.date) ? formatUkDate(r.date) : NOT_SET})`,
    ),
  ];
}

export interface SplitArguments {
  /** The person's own paragraphs, above the marker. */
  readonly body: readonly string[];
  /** Null when the cell has no block (a form filled in by hand). */
  readonly record: AssessmentRecord | null;
  /** Lines in the block that could not be read; the block is then left in the text. */
  readonly problems: readonly string[];
}

const RESULT_LINE = /^Result: (.+)$/;
const ACTION_LINE = /^Remedial action: ([\s\S]*) \(owner: ([\s\S]*?), due: (not set|\d{1,2}\/\d{1,2}\/\d{4}), (open|done)\)$/;
const EVIDENCE_LINE = /^Evidence file: ([\s\S]*) \(SHA-256 ([0-9a-f]{64})\)$/;
const REFERENCE_LINE = /^Evidence reference: ([\s\S]*) \(owner: ([\s\S]*?), dated: (not set|\d{1,2}\/\d{1,2}\/\d{4})\)$/;

/**
 * Separates the person's text from the block. If any line of the block does not parse, the
 * whole cell is kept as text and the problem reported, so nothing is lost either way.
 */
export function splitRecord(paragraphs: readonly string[]): SplitArguments {
  const markerAt = paragraphs.lastIndexOf(RECORD_MARKER);
  if (markerAt < 0) return { body: paragraphs, record: null, problems: [] };

  let result: ClaimResult | null = null;
  const actions: RecordedAction[] = [];
  const evidenceFiles: RecordedEvidenceFile[] = [];
  const evidenceReferences: RecordedEvidenceReference[] = [];
  const problems: string[] = [];
  for (const line of paragraphs.slice(markerAt + 1)) {
    const resultMatch = RESULT_LINE.exec(line);
    const actionMatch = ACTION_LINE.exec(line);
    const evidenceMatch = EVIDENCE_LINE.exec(line);
    const referenceMatch = REFERENCE_LINE.exec(line);
    if (resultMatch && result === null) {
      result = resultFromLabel(resultMatch[1] ?? '');
      if (result === null) problems.push(`unknown result "${resultMatch[1]}"`);
    } else if (actionMatch) {
      const due = actionMatch[3] ?? NOT_SET;
      const dueDate = due === NOT_SET ? null : ukDateOrNull(due);
      if (due !== NOT_SET && dueDate === null) problems.push(`"${due}" is not a real date`);
      const owner = actionMatch[2] ?? '';
      actions.push({
        description: actionMatch[1] ?? '',
        owner: owner === NOT_SET ? '' : owner,
        dueDate,
        state: actionMatch[4] === 'done' ? 'done' : 'open',
      });
    } else if (evidenceMatch) {
      evidenceFiles.push({ fileName: evidenceMatch[1] ?? '', sha256: evidenceMatch[2] ?? '' });
    } else if (referenceMatch) {
      const dated = referenceMatch[3] ?? NOT_SET;
      const date = dated === NOT_SET ? null : ukDateOrNull(dated);
      if (dated !== NOT_SET && date === null) problems.push(`"${dated}" is not a real date`);
      const owner = referenceMatch[2] ?? '';
      evidenceReferences.push({ location: referenceMatch[1] ?? '', owner: owner === NOT_SET ? '' : owner, date });
    } else if (line.trim() !== '') {
      problems.push(`unrecognised line "${line.length > 80 ? `${line.slice(0, 77)}...` : line}"`);
    }
  }
  if (result === null && problems.length === 0) problems.push('no "Result:" line');
  if (problems.length > 0 || result === null) return { body: paragraphs, record: null, problems };
  return {
    body: paragraphs.slice(0, markerAt),
    record: { result, actions, evidenceFiles, ...(evidenceReferences.length > 0 ? { evidenceReferences } : {}) },
    problems: [],
  };
}

function resultFromLabel(label: string): ClaimResult | null {
  const wanted = label.trim().toLowerCase();
  return CLAIM_RESULTS.find((r) => RESULT_LABELS[r].toLowerCase() === wanted || r === wanted) ?? null;
}

function ukDateOrNull(text: string): IsoDate | null {
  try {
    return parseUkDate(text);
  } catch {
    return null;
  }
}
