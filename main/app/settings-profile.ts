import { profileProblems, type UserProfile } from '../../shared/domain/actor';
import { SscpError } from '../../shared/errors';

/** The profile as it is saved: trimmed, and only if every field passes the one rule. */
export function checkedProfile(p: UserProfile): UserProfile {
  const problems = profileProblems(p);
  if (problems.length > 0) throw SscpError.because({ code: 'profile-invalid', problems: problems.map((x) => x.message) });
  return { name: p.name.trim(), role: p.role.trim(), email: p.email.trim() };
}

/**
 * A profile read back from the settings file, which a person may have edited by hand: one that
 * breaks the rule counts as not set, so the app asks again rather than recording it.
 */
export function storedProfile(value: unknown): UserProfile | null {
  if (value === null || typeof value !== 'object') return null;
  const { name, role, email } = value as Record<string, unknown>;
  if (typeof name !== 'string' || typeof role !== 'string' || typeof (email ?? '') !== 'string') return null;
  const p = { name, role, email: (email as string | undefined) ?? '' };
  return profileProblems(p).length === 0 ? p : null;
}
