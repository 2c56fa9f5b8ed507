import { useAnnouncer } from '../stores/announcer';
import { useAssessment, type SaveState } from '../stores/assessment';
import { useWork } from '../stores/work';
import { useLibrary } from '../stores/library';
import { attempt } from '../stores/announcer';
import { JobProgress } from './JobProgress';

const SAVE_TEXT: Readonly<Record<SaveState, string>> = {
  idle: '',
  pending: 'Unsaved changes…',
  saving: 'Saving…',
  saved: 'All changes saved',
  failed: 'Not saved: see the message above',
};

/**
 * The save state, the latest announcement (screen readers hear it) and any long work with its
 * Cancel: the status bar is always in view, wherever the user has scrolled.
 */
export function StatusBar() {
  const message = useAnnouncer((s) => s.message);
  const saveState = useAssessment((s) => s.saveState);
  const work = useWork((s) => s.items);
  return (
    <footer className="statusbar">
      {work.map((w) => (
        <span key={w.id} className="statusbar-work">
          <JobProgress work={w} />
        </span>
      ))}
      <span role="status" aria-live="polite" aria-atomic="true">
        {message}
      </span>
      <RemovalUndo />
      <span className="spacer" />
      <span data-testid="save-state" aria-live="polite">
        {SAVE_TEXT[saveState]}
      </span>
    </footer>
  );
}

/**
 * Undo for the last removal from the evidence library, offered for a short while wherever the
 * person goes; Done (or the time running out) makes it final.
 */
function RemovalUndo() {
  const removal = useLibrary((s) => s.removal);
  const undo = useLibrary((s) => s.undoRemoval);
  const finish = useLibrary((s) => s.finishRemoval);
  if (!removal) return null;
  const n = removal.items.length;
  return (
    <span className="statusbar-undo">
      <span>{n === 1 ? '1 file' : `${n} files`} removed from the library.</span>
      <button
        type="button"
        className="button small"
        aria-label={`Undo removing ${n === 1 ? 'the file' : `${n} files`}`}
        onClick={() => void attempt(undo)}
      >
        Undo
      </button>
      <button type="button" className="button quiet small" onClick={() => void finish()}>
        Done
      </button>
    </span>
  );
}
