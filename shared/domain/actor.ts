/**
 * Who made a change: the person the audit log names on every entry it writes. The desktop
 * app takes them from the local profile; the command line from --as, SSCP_USER or the
 * operating-system account, in that order.
 */

/** How the name was established, in the words the CLI's JSON and the database use. */
export const ACTOR_SOURCES = ['profile', 'as-option', 'sscp-user', 'os-account', 'unknown'] as const;
export type ActorSource = (typeof ACTOR_SOURCES)[number];

export interface Actor {
  /** Empty only when `source` is `unknown`: nothing said who was working. */
  readonly name: string;
  readonly role?: string;
  readonly email?: string;
  readonly source: ActorSource;
}

/** The profile a person sets in the desktop app (Settings, or the first-run step). */
export interface UserProfile {
  readonly name: string;
  readonly role: string;
  /** Empty when not given. */
  readonly email: string;
}

export const ACTOR_NAME_MAX = 100;
export const ACTOR_ROLE_MAX = 100;
export const ACTOR_EMAIL_MAX = 254;

/** Nobody said who was working and the operating system could not tell: recorded as such, never guessed. */
export const UNKNOWN_ACTOR: Actor = { name: '', source: 'unknown' };

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators and bidi overrides,
// which would let a name rewrite the lines around it in a log or a report.
const CONTROL_CLASS = '[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]';
const CONTROL = new RegExp(CONTROL_CLASS, 'u');
const CONTROL_ALL = new RegExp(CONTROL_CLASS, 'gu');

/** Text for one line of a terminal or log: each such character becomes U+FFFD, visibly. */
export function oneLine(text: string): string {
  return text.replace(CONTROL_ALL, '\uFFFD');
}

/**
 * The one check of a name, role or email a person gives for the audit log. Returns what is
 * wrong, in words for both the app and the command line, or null when the text is fine.
 * `what` names the field ("Your name").
 */
export function personFieldProblem(text: string, what: string, max: number, required: boolean): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return required ? `${what} is empty.` : null;
  if (CONTROL.test(text)) return `${what} contains a control character (such as a line break or tab).`;
  if ([...trimmed].length > max) return `${what} is longer than ${max} characters.`;
  return null;
}

export function actorNameProblem(name: string, what = 'The name'): string | null {
  return personFieldProblem(name, what, ACTOR_NAME_MAX, true);
}

/** Every problem with a profile, field by field; empty when it can be saved. */
export function profileProblems(p: UserProfile): { readonly field: keyof UserProfile; readonly message: string }[] {
  const problems: { field: keyof UserProfile; message: string }[] = [];
  const name = actorNameProblem(p.name, 'Your name');
  if (name) problems.push({ field: 'name', message: name });
  const role = personFieldProblem(p.role, 'Your role', ACTOR_ROLE_MAX, true);
  if (role) problems.push({ field: 'role', message: role });
  const email = personFieldProblem(p.email, 'Your email', ACTOR_EMAIL_MAX, false);
  if (email) problems.push({ field: 'email', message: email });
  else if (p.email.trim() !== '' && !/^[^\s@]+@[^\s@]+$/u.test(p.email.trim()))
    problems.push({ field: 'email', message: 'Your email does not look like an email address (name@example.com).' });
  return problems;
}

/** The actor the app records for a saved profile. */
export function profileActor(p: UserProfile): Actor {
  const email = p.email.trim();
  return { name: p.name.trim(), role: p.role.trim(), ...(email ? { email } : {}), source: 'profile' };
}

const SOURCE_WORDS: Readonly<Record<ActorSource, string>> = {
  profile: 'profile in the app',
  'as-option': 'given with --as',
  'sscp-user': 'from SSCP_USER',
  'os-account': 'operating-system account',
  unknown: 'not identified',
};

/** How the name was established, in words ("from SSCP_USER"). */
export function describeActorSource(source: ActorSource): string {
  return SOURCE_WORDS[source];
}

/** Who, for a person: "Priya Raman (CTO)", "not recorded" for entries older than this record. */
export function describeActor(actor: Actor | null | undefined): string {
  if (actor === null || actor === undefined) return 'not recorded';
  if (actor.source === 'unknown' || actor.name === '') return 'unidentified';
  return actor.role ? `${actor.name} (${actor.role})` : actor.name;
}
