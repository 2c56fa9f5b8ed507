import { ProfileForm } from '../../components/ProfileForm';
import { useAnnouncer } from '../../stores/announcer';
import { useSession } from '../../stores/session';

/**
 * The first thing a new user sees: who they are, so that when several people work on one
 * assessment its history says who made each change. Shown until a profile is saved.
 */
export function FirstRunProfile() {
  const updateSettings = useSession((s) => s.updateSettings);
  return (
    <div className="page-inner narrow welcome">
      <header className="welcome-header">
        <h1 id="page-title" tabIndex={-1}>
          Before you start: who are you?
        </h1>
        <p className="subtitle">
          Every change you make is recorded with your name in the assessment's history, so colleagues working on the same assessment can
          tell who did what, and the signed evidence pack lists who contributed. This stays on this computer; you can change it later in
          Settings.
        </p>
      </header>
      <section className="card card-body section" aria-label="Your profile">
        <ProfileForm
          initial={null}
          submitLabel="Continue"
          onSave={async (profile) => {
            await updateSettings({ profile });
            useAnnouncer.getState().announce(`Welcome, ${profile.name}.`);
          }}
        />
      </section>
    </div>
  );
}
