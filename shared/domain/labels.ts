import type { RollupStatus } from './rollup';
import type { ClaimResult, WorkStatus } from './types';

/**
 * The words a person reads for each stored result and work status: one map, used by the CLI,
 * the pack report, the Word form's result block and the desktop app, so a claim reads the
 * same everywhere. The Word form reads `Result: <label>` back, so changing a label here
 * changes what older forms must still be read with (`resultFromLabel` accepts the stored
 * value too).
 */
export const RESULT_LABELS: Readonly<Record<ClaimResult, string>> = {
  'not-assessed': 'Not assessed',
  met: 'Met',
  'partially-met': 'Partially met',
  'not-met': 'Not met',
  'not-applicable': 'Not applicable',
};

/** A claim's result, or that it is out of scope for the vendor's role (charts, badges, marks). */
export const ROLLUP_LABELS: Readonly<Record<RollupStatus, string>> = {
  ...RESULT_LABELS,
  'out-of-scope': 'Out of scope',
};

/**
 * A principle's or theme's status in a sentence ("Principle status: …"): `not-assessed` there
 * means some of its claims still have no result, not that none has.
 */
export const PRINCIPLE_STATUS_LABELS: Readonly<Record<RollupStatus, string>> = {
  ...ROLLUP_LABELS,
  'not-assessed': 'Not yet fully assessed',
};

/** A result inside a sentence: "3 partially met". */
export function resultWords(result: RollupStatus): string {
  return ROLLUP_LABELS[result].toLowerCase();
}

export const WORK_STATUS_LABELS: Readonly<Record<WorkStatus, string>> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  'needs-review': 'Needs review',
  done: 'Done',
};
