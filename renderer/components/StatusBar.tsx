import { useAnnouncer } from '../stores/announcer';
import { useAssessment, type SaveState } from '../stores/assessment';
import { useWork } from '../stores/work';
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
      <span className="spacer" />
      <span data-testid="save-state" aria-live="polite">
        {SAVE_TEXT[saveState]}
      </span>
    </footer>
  );
}
