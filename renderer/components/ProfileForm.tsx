import { useState, type FormEvent } from 'react';
import { profileProblems, type UserProfile } from '../../shared/domain/actor';
import { attempt } from '../stores/announcer';
import { TextField } from './TextField';

type Errors = Partial<Record<keyof UserProfile, string>>;

const EMPTY: UserProfile = { name: '', role: '', email: '' };

/**
 * Name, role and optional email: who the audit log records with every change made in this
 * app. Checked with the same rule main applies before anything is saved.
 */
export function ProfileForm({
  initial,
  submitLabel,
  onSave,
}: {
  readonly initial: UserProfile | null;
  readonly submitLabel: string;
  readonly onSave: (profile: UserProfile) => Promise<void>;
}) {
  const [draft, setDraft] = useState<UserProfile>(initial ?? EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const set = (key: keyof UserProfile, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = profileProblems(draft);
    setErrors(Object.fromEntries(problems.map((p) => [p.field, p.message])));
    if (problems.length > 0) {
      document.getElementById(`profile-${problems[0]!.field}`)?.focus();
      return;
    }
    setSaving(true);
    void attempt(() => onSave({ name: draft.name.trim(), role: draft.role.trim(), email: draft.email.trim() })).finally(() =>
      setSaving(false),
    );
  };
  return (
    <form className="profile-form" onSubmit={submit} noValidate>
      <div className="form-grid">
        <TextField
          id="profile-name"
          label="Your name"
          value={draft.name}
          onChange={(v) => set('name', v)}
          error={errors.name}
          autoComplete="name"
        />
        <TextField
          id="profile-role"
          label="Your role"
          value={draft.role}
          onChange={(v) => set('role', v)}
          error={errors.role}
          autoComplete="organization-title"
          help="For example Head of Engineering, or Security lead."
        />
        <TextField
          id="profile-email"
          label="Email (optional)"
          value={draft.email}
          onChange={(v) => set('email', v)}
          error={errors.email}
          autoComplete="email"
          type="email"
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={saving}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
