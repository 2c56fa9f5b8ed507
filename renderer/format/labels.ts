import type { ActionState, AssessmentOrigin, AssessmentState, ClaimResult, WorkStatus } from '../../shared/domain/types';
import type { RollupStatus } from '../../shared/domain/rollup';

/** The words a person reads for each stored value. */
export const RESULT_LABELS: Readonly<Record<ClaimResult, string>> = {
  'not-assessed': 'Not assessed',
  met: 'Met',
  'partially-met': 'Partially met',
  'not-met': 'Not met',
  'not-applicable': 'Not applicable',
};

export const ROLLUP_LABELS: Readonly<Record<RollupStatus, string>> = {
  ...RESULT_LABELS,
  'out-of-scope': 'Out of scope',
};

export const STATUS_LABELS: Readonly<Record<WorkStatus, string>> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  'needs-review': 'Needs review',
  done: 'Done',
};

export const STATE_LABELS: Readonly<Record<AssessmentState, string>> = {
  draft: 'Draft',
  signed: 'Signed',
  archived: 'Archived',
};

export const ACTION_STATE_LABELS: Readonly<Record<ActionState, string>> = {
  open: 'Open',
  done: 'Done',
};

/** Where an assessment came from, when not typed in here. */
export const ORIGIN_LABELS: Readonly<Record<AssessmentOrigin, string | null>> = {
  created: null,
  'carried-forward': 'Carried forward',
  'imported-pack': 'Imported pack',
  'imported-form': 'From Word form',
};
