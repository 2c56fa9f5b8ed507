import type { ContributionReason } from '../../../shared/error-reasons/contribution';
import type { ExamplesFor } from './types';

const f = { fileName: 'priya.sscp-contribution' };

export const CONTRIBUTION_EXAMPLES: ExamplesFor<ContributionReason> = {
  'contribution-source-changed': { code: 'contribution-source-changed', path: '/tmp/sbom.json' },
  'contribution-catalog-unsupported': { code: 'contribution-catalog-unsupported', catalogId: 'uk-sscp', version: '2099.1' },
  'contribution-no-claims': { code: 'contribution-no-claims' },
  'contribution-too-many-claims': { code: 'contribution-too-many-claims', count: 300, max: 200 },
  'contribution-claim-not-in-code': { code: 'contribution-claim-not-in-code', claimId: '9.9.9', catalog: 'uk-sscp 2025.2' },
  'contribution-claim-twice': { code: 'contribution-claim-twice', claimId: '1.2.1' },
  'contribution-claim-empty': { code: 'contribution-claim-empty', claimId: '1.2.1' },
  'contribution-organisation-missing': { code: 'contribution-organisation-missing' },
  'contribution-email-unusable': { code: 'contribution-email-unusable', problem: 'The email "x" is not an email address.' },
  'contribution-team-unusable': { code: 'contribution-team-unusable', problem: 'The team contains a line break.' },
  'contribution-signer-unnamed': { code: 'contribution-signer-unnamed', label: 'Dev key' },
  'contribution-too-many-files': { code: 'contribution-too-many-files', max: 1000 },
  'evidence-request-unusable': { code: 'evidence-request-unusable', path: '/tmp/request.json', why: 'it is not JSON' },
  'evidence-request-version': { code: 'evidence-request-version', path: '/tmp/request.json', version: '9', supported: 1 },
  'contribution-file-unusable': { code: 'contribution-file-unusable', ...f, why: 'its manifest lists no files' },
  'contribution-tampered': { code: 'contribution-tampered', ...f, why: 'its signature does not verify' },
  'contribution-empty': { code: 'contribution-empty', path: '/tmp/priya.sscp-contribution' },
  'contribution-file-format-newer': { code: 'contribution-file-format-newer', ...f, version: '9', supported: 1 },
  'contribution-name-not-signer': { code: 'contribution-name-not-signer', ...f, contributor: 'Priya', signer: 'Sam' },
  'contribution-signer-mismatch': { code: 'contribution-signer-mismatch', ...f, detail: 'It is signed under another root.' },
};
