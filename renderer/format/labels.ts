import type { ActionState, AssessmentOrigin, AssessmentState } from '../../shared/domain/types';

/** The words a person reads for each stored value: results and work status are shared with the CLI and the pack. */
export { RESULT_LABELS, ROLLUP_LABELS, WORK_STATUS_LABELS as STATUS_LABELS } from '../../shared/domain/labels';

export const STATE_LABELS: Readonly<Record<AssessmentState, string>> = {
  draft: 'Draft',
  signed: 'Signed',
  archived: 'Archived',
};

export const ACTION_STATE_LABELS: Readonly<Record<ActionState, string>> = {
  open: 'Open',
  done: 'Done',
};

/** Where an assessment came from, so a signed one and its imported copy never look alike. */
export const ORIGIN_LABELS: Readonly<Record<AssessmentOrigin, string>> = {
  created: 'Made here',
  'carried-forward': 'Carried forward',
  'imported-pack': 'Imported pack',
  'imported-form': 'From Word form',
};
