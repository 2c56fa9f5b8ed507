import { Icon } from '../../components/Icon';
import { useAssessment } from '../../stores/assessment';
import { UndoButton } from './UndoButton';

const TEXT = {
  idle: 'No changes yet',
  pending: 'Editing…',
  saving: 'Saving…',
  saved: 'Saved',
  failed: 'Not saved',
} as const;

/** Always visible: whether what is on screen is safely in the database. */
export function SaveIndicator() {
  const state = useAssessment((s) => s.saveState);
  const flush = useAssessment((s) => s.flush);
  return (
    <div className="save-indicator">
      <span className={`save-state save-${state}`}>
        {state === 'saved' ? <Icon name="check" className="inline-icon" /> : null}
        {TEXT[state]}
      </span>
      {state === 'failed' ? (
        <button type="button" className="button small" onClick={() => void flush()}>
          Try again
        </button>
      ) : null}
      <UndoButton />
    </div>
  );
}
