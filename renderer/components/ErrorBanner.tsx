import { useAnnouncer } from '../stores/announcer';
import { Icon } from './Icon';
import { Banner } from './Banner';

/** The last failure, in words: what went wrong and what to do. Stays until dismissed. */
export function ErrorBanner() {
  const error = useAnnouncer((s) => s.error);
  const dismiss = useAnnouncer((s) => s.dismissError);
  if (!error) return null;
  return (
    <div className="error-area">
      <Banner
        tone="error"
        live="assertive"
        title={error.message}
        actions={
          <button type="button" className="button quiet small" onClick={dismiss} aria-label="Dismiss this message">
            <Icon name="close" />
          </button>
        }
      >
        {error.hint ? <span>{error.hint}</span> : null}
      </Banner>
    </div>
  );
}
