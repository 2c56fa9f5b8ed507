import { useAnnouncer } from '../stores/announcer';
import { Icon } from './Icon';

/** The last failure, in words: what went wrong and what to do. Stays until dismissed. */
export function ErrorBanner() {
  const error = useAnnouncer((s) => s.error);
  const dismiss = useAnnouncer((s) => s.dismissError);
  if (!error) return null;
  return (
    <div className="error-area">
      <div className="banner error" role="alert">
        <div className="banner-body">
          <span className="banner-title">{error.message}</span>
          {error.hint ? <span>{error.hint}</span> : null}
        </div>
        <button type="button" className="button quiet small" onClick={dismiss} aria-label="Dismiss this message">
          <Icon name="close" />
        </button>
      </div>
    </div>
  );
}
