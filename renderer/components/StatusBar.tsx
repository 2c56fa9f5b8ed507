import { useAnnouncer } from '../stores/announcer';
import { useAssessment, type SaveState } from '../stores/assessment';

const SAVE_TEXT: Readonly<Record<SaveState, string>> = {
  idle: '',
  pending: 'Unsaved changes…',
  saving: 'Saving…',
  saved: 'All changes saved',
  failed: 'Not saved: see the message above',
};

/** The save state and the latest announcement; screen readers hear the announcement. */
export function StatusBar() {
  const message = useAnnouncer((s) => s.message);
  const saveState = useAssessment((s) => s.saveState);
  return (
    <footer className="statusbar">
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
