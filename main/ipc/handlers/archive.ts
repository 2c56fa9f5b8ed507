import type { HandlerTable } from '../dispatch';
import type { HandlerContext } from './context';

type Channels = 'assessments.archive' | 'assessments.unarchive';

/** Old periods out of the way without losing them; the rules are in main/services/archive.ts. */
export function archiveHandlers({ ws }: HandlerContext): Pick<HandlerTable, Channels> {
  return {
    'assessments.archive': async ({ assessmentId }) => ws().archiveAssessment(assessmentId),
    'assessments.unarchive': async ({ assessmentId }) => ws().unarchiveAssessment(assessmentId),
  };
}
