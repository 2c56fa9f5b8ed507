import { ProfileForm } from '../../components/ProfileForm';
import { useAnnouncer } from '../../stores/announcer';
import { useSession } from '../../stores/session';

/** Who this app records with every change; a change applies from the next edit on. */
export function ProfileSection() {
  const profile = useSession((s) => s.settings?.profile ?? null);
  const updateSettings = useSession((s) => s.updateSettings);
  return (
    <section className="card card-body section" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Your profile</h2>
      <p className="muted">
        Recorded with every change you make, in the assessment's history and the signed pack's list of contributors. Changes already
        recorded keep the name they were made under.
      </p>
      <ProfileForm
        key={profile ? `${profile.name}\u0000${profile.role}\u0000${profile.email}` : 'none'}
        initial={profile}
        submitLabel="Save profile"
        onSave={async (next) => {
          await updateSettings({ profile: next });
          useAnnouncer.getState().announce('Profile saved.');
        }}
      />
    </section>
  );
}
