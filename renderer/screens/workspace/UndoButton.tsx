import { Icon } from '../../components/Icon';
import { attempt } from '../../stores/announcer';
import { useAssessment } from '../../stores/assessment';

/** Takes back the last saved change to a claim (one step). */
export function UndoButton() {
  const lastChange = useAssessment((s) => s.lastChange);
  const undo = useAssessment((s) => s.undo);
  return (
    <button
      type="button"
      className="button small"
      disabled={!lastChange}
      onClick={() => void attempt(undo)}
      title={lastChange ? `Undo the last change to claim ${lastChange.claimId}` : 'Nothing to undo'}
    >
      <Icon name="undo" /> Undo
    </button>
  );
}
