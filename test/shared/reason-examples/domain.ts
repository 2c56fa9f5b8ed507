import type { DomainReason } from '../../../shared/error-reasons/domain';
import type { ExamplesFor } from './types';

const d = { what: 'The period end', value: '2026-02-30' };

export const DOMAIN_EXAMPLES: ExamplesFor<DomainReason> = {
  'text-too-long': { code: 'text-too-long', label: 'organisation name', count: 1201, max: 200 },
  'text-unsafe-character': {
    code: 'text-unsafe-character',
    label: 'SRO role',
    character: 'a line separator (U+2028)',
    position: 2,
    lineBreak: true,
  },
  'date-not-real': { code: 'date-not-real', ...d },
  'date-not-iso': { code: 'date-not-iso', ...d, value: '30/02/2026' },
  'date-out-of-range': { code: 'date-out-of-range' },
  'days-not-whole': { code: 'days-not-whole', days: '1.5' },
  'uk-date-not-real': { code: 'uk-date-not-real', ...d, value: '30/02/2026' },
  'uk-date-not-uk': { code: 'uk-date-not-uk', ...d, value: 'soon' },
  'typed-date-not-real': { code: 'typed-date-not-real', ...d, value: '30 Feb 2026' },
  'typed-date-short-year': { code: 'typed-date-short-year', ...d, value: '01/03/26', digits: 2, example: '01/03/2026' },
  'typed-date-not-in-order': {
    code: 'typed-date-not-in-order',
    ...d,
    value: '03/25/2026',
    order: 'dmy',
    otherReading: '25 Mar 2026',
    example: '01/03/2026',
  },
  'typed-date-ambiguous': { code: 'typed-date-ambiguous', ...d, value: '03/04/2026', readings: ['3 Apr 2026', '4 Mar 2026'] },
  'typed-date-unreadable': { code: 'typed-date-unreadable', ...d, value: 'next Tuesday', example: '1 Mar 2026', alternative: '2026-03-01' },
  'vendor-role-unknown': {
    code: 'vendor-role-unknown',
    role: 'manufacturer',
    allowed: ['developer-distributor', 'reseller', 'developer-only'],
  },
  'carried-period-reversed': { code: 'carried-period-reversed', periodStart: '2026-05-01', periodEnd: '2026-04-30' },
  'signoff-catalog-mismatch': { code: 'signoff-catalog-mismatch', assessmentCatalog: 'uk-sscp 2025.1', catalog: 'uk-sscp 2025.2' },
  'contribution-unusable': { code: 'contribution-unusable', detail: 'it gives claim 1.1.1 twice' },
  'contribution-text-unusable': {
    code: 'contribution-text-unusable',
    claimId: '1.1.1',
    problem: { code: 'text-too-long', label: 'evidence text', count: 20001, max: 20000 },
  },
  'contribution-format-newer': { code: 'contribution-format-newer', found: '2', reads: 1 },
  'contribution-catalog-unknown': { code: 'contribution-catalog-unknown', catalog: 'uk-sscp@2099.1' },
  'contribution-claim-unknown': { code: 'contribution-claim-unknown', claimId: '9.9.9', catalog: 'uk-sscp 2025.2' },
};
