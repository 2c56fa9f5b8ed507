import type { Assessment } from '../../../shared/domain/types';
import { attempt } from '../../stores/announcer';
import { useAssessments } from '../../stores/assessments';

/**
 * Archive puts an old period out of the way (hidden, frozen, kept); Unarchive brings it back as
 * it was. `onDone` lets the page move focus when the row disappears from the list.
 */
export function ArchiveButton({ assessment, onDone }: { readonly assessment: Assessment; readonly onDone?: (archived: boolean) => void }) {
  const archive = useAssessments((s) => s.archive);
  const unarchive = useAssessments((s) => s.unarchive);
  const isArchived = assessment.state === 'archived';
  const run = async () => {
    const changed = await attempt(() => (isArchived ? unarchive(assessment.id) : archive(assessment.id)));
    if (changed) onDone?.(changed.state === 'archived');
  };
  return (
    <button type="button" className="button small quiet" onClick={() => void run()}>
      <span>
        {isArchived ? 'Unarchive' : 'Archive'} <span className="visually-hidden">{assessment.organisation}</span>
      </span>
    </button>
  );
}
