import type { KindsFor, WordsFor } from './types';

/**
 * Refusals of the pure rules in `shared/domain`: text a field may hold, dates, vendor roles,
 * carried-forward periods, sign-off and contribution files. `label`/`what` name the field
 * in words the rule was given ("organisation name", "The period end").
 */
export type DomainReason = TextReason | DateReason | OtherDomainReason;

/** What a field may not hold (`textReason` in `shared/domain/text-rules.ts`). */
export type TextReason =
  | { readonly code: 'text-too-long'; readonly label: string; readonly count: number; readonly max: number }
  | {
      readonly code: 'text-unsafe-character';
      readonly label: string;
      /** The character described for a person ("a line break (U+000A)"); never the character itself. */
      readonly character: string;
      readonly position: number;
      readonly lineBreak: boolean;
    };

type DateReason =
  | { readonly code: 'date-not-real'; readonly what: string; readonly value: string }
  | { readonly code: 'date-not-iso'; readonly what: string; readonly value: string }
  | { readonly code: 'date-out-of-range' }
  | { readonly code: 'days-not-whole'; readonly days: string }
  | { readonly code: 'uk-date-not-real'; readonly what: string; readonly value: string }
  | { readonly code: 'uk-date-not-uk'; readonly what: string; readonly value: string }
  | { readonly code: 'typed-date-not-real'; readonly what: string; readonly value: string }
  | {
      readonly code: 'typed-date-short-year';
      readonly what: string;
      readonly value: string;
      readonly digits: number;
      readonly example: string;
    }
  | {
      readonly code: 'typed-date-not-in-order';
      readonly what: string;
      readonly value: string;
      readonly order: 'dmy' | 'mdy';
      /** The day the other order reads, as a person reads it; null when neither does. */
      readonly otherReading: string | null;
      readonly example: string;
    }
  | { readonly code: 'typed-date-ambiguous'; readonly what: string; readonly value: string; readonly readings: readonly [string, string] }
  | {
      readonly code: 'typed-date-unreadable';
      readonly what: string;
      readonly value: string;
      readonly example: string;
      readonly alternative: string;
    };

type OtherDomainReason =
  | { readonly code: 'vendor-role-unknown'; readonly role: string; readonly allowed: readonly string[] }
  | { readonly code: 'carried-period-reversed'; readonly periodStart: string; readonly periodEnd: string }
  | { readonly code: 'signoff-catalog-mismatch'; readonly assessmentCatalog: string; readonly catalog: string }
  | { readonly code: 'contribution-unusable'; readonly detail: string }
  | { readonly code: 'contribution-text-unusable'; readonly claimId: string; readonly problem: TextReason }
  | { readonly code: 'contribution-format-newer'; readonly found: string; readonly reads: number }
  | { readonly code: 'contribution-catalog-unknown'; readonly catalog: string }
  | { readonly code: 'contribution-claim-unknown'; readonly claimId: string; readonly catalog: string };

export const DOMAIN_KIND: KindsFor<DomainReason> = {
  'text-too-long': 'invalid-input',
  'text-unsafe-character': 'invalid-input',
  'date-not-real': 'invalid-input',
  'date-not-iso': 'invalid-input',
  'date-out-of-range': 'invalid-input',
  'days-not-whole': 'invalid-input',
  'uk-date-not-real': 'invalid-input',
  'uk-date-not-uk': 'invalid-input',
  'typed-date-not-real': 'invalid-input',
  'typed-date-short-year': 'invalid-input',
  'typed-date-not-in-order': 'invalid-input',
  'typed-date-ambiguous': 'invalid-input',
  'typed-date-unreadable': 'invalid-input',
  'vendor-role-unknown': 'invalid-input',
  'carried-period-reversed': 'invalid-input',
  'signoff-catalog-mismatch': 'conflict',
  'contribution-unusable': 'invalid-input',
  'contribution-text-unusable': 'invalid-input',
  'contribution-format-newer': 'unsupported-version',
  'contribution-catalog-unknown': 'unsupported-version',
  'contribution-claim-unknown': 'invalid-input',
};

const n = (value: number): string => value.toLocaleString('en-GB');

/** What is wrong with a field's text: also what the app shows beside the field. */
export const TEXT_MESSAGES: WordsFor<TextReason> = {
  'text-too-long': (r) => `The ${r.label} is ${n(r.count)} characters long; the most allowed is ${n(r.max)}.`,
  'text-unsafe-character': (r) => `The ${r.label} holds ${r.character} at position ${r.position}.`,
};

export const TEXT_HINTS: WordsFor<TextReason> = {
  'text-too-long': (r) => `Shorten the ${r.label} to ${n(r.max)} characters or fewer.`,
  'text-unsafe-character': (r) => (r.lineBreak ? `Type the ${r.label} on one line.` : `Type the ${r.label} again without it.`),
};

const textMessage = (r: TextReason): string => (TEXT_MESSAGES[r.code] as (x: TextReason) => string)(r);

export const DOMAIN_MESSAGES: WordsFor<DomainReason> = {
  ...TEXT_MESSAGES,
  'date-not-real': (r) => `${r.what} "${r.value}" is not a real calendar day.`,
  'date-not-iso': (r) => `${r.what} "${r.value}" is not a date in the form YYYY-MM-DD.`,
  'date-out-of-range': () => 'That date falls outside the years 0001 to 9999.',
  'days-not-whole': (r) => `"${r.days}" is not a whole number of days.`,
  'uk-date-not-real': (r) => `${r.what} "${r.value}" is not a real calendar day.`,
  'uk-date-not-uk': (r) => `${r.what} "${r.value}" is not a UK date in the form dd/mm/yyyy.`,
  'typed-date-not-real': (r) => `${r.what} "${r.value}" is not a real calendar day.`,
  'typed-date-short-year': (r) => `${r.what} "${r.value}" has a ${r.digits}-digit year.`,
  'typed-date-not-in-order': (r) =>
    `${r.what} "${r.value}" is not a real day read ${r.order === 'dmy' ? 'day first (day/month/year)' : 'month first (month/day/year)'}, as your date format in Settings says${
      r.otherReading
        ? `; ${r.order === 'dmy' ? 'month first' : 'day first'} it would be ${r.otherReading}, which the app does not guess`
        : ''
    }.`,
  'typed-date-ambiguous': (r) => `${r.what} "${r.value}" could be ${r.readings[0]} or ${r.readings[1]}: the app does not guess which.`,
  'typed-date-unreadable': (r) => `${r.what} "${r.value}" is not a date this app can read without doubt.`,
  'vendor-role-unknown': (r) => `"${r.role}" is not a vendor role this app knows.`,
  'carried-period-reversed': (r) => `The new period would end (${r.periodEnd}) before it starts (${r.periodStart}).`,
  'signoff-catalog-mismatch': (r) => `This assessment uses catalog ${r.assessmentCatalog}, not ${r.catalog}.`,
  'contribution-unusable': (r) => `The contribution is not usable: ${r.detail}.`,
  'contribution-text-unusable': (r) =>
    `The contribution's ${r.problem.label} for claim ${r.claimId} is not usable: ${textMessage(r.problem)}`,
  'contribution-format-newer': (r) =>
    `The contribution is format version ${r.found}; this version of SSCP Evidence Pack reads version ${r.reads}.`,
  'contribution-catalog-unknown': (r) =>
    `The contribution is for the catalog ${r.catalog}, which this version of SSCP Evidence Pack does not know.`,
  'contribution-claim-unknown': (r) =>
    `The contribution is for claim ${r.claimId}, which is not in the Code of Practice (catalog ${r.catalog}).`,
};

export type DomainCodesBySurface = 'contribution-claim-unknown' | 'typed-date-ambiguous';

/** What to do, where it reads the same in the CLI and in the app. */
export const DOMAIN_HINTS: Omit<WordsFor<DomainReason>, DomainCodesBySurface> = {
  ...TEXT_HINTS,
  'date-not-real': () => 'Write the date as year-month-day with four, two and two digits, for example 2026-03-31.',
  'date-not-iso': () => 'Write the date as year-month-day with four, two and two digits, for example 2026-03-31.',
  'date-out-of-range': () => 'Use a date within the years 0001 to 9999.',
  'days-not-whole': () => 'Give a whole number of days.',
  'uk-date-not-real': () => 'Write the date as day/month/year, for example 31/03/2026.',
  'uk-date-not-uk': () => 'Write the date as day/month/year, for example 31/03/2026.',
  'typed-date-not-real': () => 'Check the day and the month.',
  'typed-date-short-year': (r) => `Write the year with four digits, for example ${r.example}.`,
  'typed-date-not-in-order': (r) => `Write it as ${r.example}, or as 1 Mar 2026.`,
  'typed-date-unreadable': (r) => `Write it as ${r.example}, or as ${r.alternative}.`,
  'vendor-role-unknown': (r) => `Choose ${r.allowed.slice(0, -1).join(', ')} or ${r.allowed[r.allowed.length - 1] ?? ''}.`,
  'carried-period-reversed': () => 'Give a period end on or after the period start.',
  'signoff-catalog-mismatch': () => 'Check it against the catalog version it was created with.',
  'contribution-unusable': () => 'It was damaged or not made by SSCP Evidence Pack; ask the contributor for a fresh copy.',
  'contribution-text-unusable': () => 'Ask the contributor to correct it and send the contribution again.',
  'contribution-format-newer': () => 'Update the app, or ask the contributor to make it with the same version you use.',
  'contribution-catalog-unknown': () => 'Update the app to one that includes that version of the Code of Practice.',
};
