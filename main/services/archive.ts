import { stateBeforeArchiving } from '../../shared/domain/frozen';
import type { Assessment, AssessmentState } from '../../shared/domain/types';
import { setAssessmentArchived } from '../store/assessments-repo';
import { appendAudit } from '../store/audit-log';
import { nowInstant } from '../store/clock';
import { assertNoExportInProgress } from './export-lease';
import { inWriteTransaction, requireAssessment, type StoreContext } from './store-context';

/**
 * Archiving puts an old period out of the way without losing it: SROs keep several years in
 * one database, and nothing is ever deleted.
 *
 * The rules:
 * - A signed assessment can be archived and stays signed in every other sense: its signing
 *   time, pack hash, pack id, signer and profile are kept, it can still be carried forward
 *   (read-only source) and its pack still verifies. Unarchiving returns it to `signed`, never
 *   to `draft`.
 * - A draft can be archived too (an abandoned trial run, a duplicate import): deleting is not
 *   offered anywhere, so archiving is the only way to tidy one away. The risk is a draft with
 *   work in progress slipping out of sight, so an archived draft is frozen exactly like a
 *   signed assessment (nothing changes while it is hidden), the list always says how many it
 *   hides, and unarchiving returns it to `draft` exactly as it was. Archiving never signs.
 * - The state before archiving is derived, not stored: `signedAt` is set if and only if the
 *   assessment was signed (signing and pack import both set it; the schema demands it for
 *   `signed`). So no extra column and no migration.
 * - Archiving what is already archived, or unarchiving what is not, changes nothing and writes
 *   no audit entry: a double click or a re-run script is harmless.
 */
export function archiveAssessment(ctx: StoreContext, id: string): Assessment {
  return setArchived(ctx, id, true);
}

/** Brings an archived assessment back as `signed` (if it was signed) or `draft`. See archiveAssessment. */
export function unarchiveAssessment(ctx: StoreContext, id: string): Assessment {
  return setArchived(ctx, id, false);
}

function setArchived(ctx: StoreContext, id: string, archived: boolean): Assessment {
  return inWriteTransaction(ctx, () => {
    assertNoExportInProgress(ctx, id);
    const before = requireAssessment(ctx, id);
    const state: AssessmentState = archived ? 'archived' : stateBeforeArchiving(before);
    if (before.state === state) return before;
    const now = nowInstant();
    setAssessmentArchived(ctx.db, id, state, now);
    appendAudit(
      ctx.db,
      { assessmentId: id, action: archived ? 'assessment.archived' : 'assessment.unarchived', detail: { from: before.state, to: state } },
      now,
    );
    return requireAssessment(ctx, id);
  });
}
