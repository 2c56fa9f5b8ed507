import type { OutputReason } from '../../../shared/error-reasons/outputs';
import type { ExamplesFor } from './types';

export const OUTPUT_EXAMPLES: ExamplesFor<OutputReason> = {
  'reminders-none': { code: 'reminders-none', assessmentId: 'abc' },
  'attestation-catalog-unknown': { code: 'attestation-catalog-unknown', catalogId: 'uk-sscp', version: '2099.1' },
  'demo-sbom-failed': { code: 'demo-sbom-failed', detail: 'npm exited with code 1' },
  'demo-test-report-unfinished': { code: 'demo-test-report-unfinished', path: '/src/vitest-report.json' },
  'demo-source-missing': { code: 'demo-source-missing', sourcePath: 'SECURITY.md', projectDir: '/src' },
  'demo-folder-is-file': { code: 'demo-folder-is-file', outDir: '/tmp/demo' },
  'demo-folder-not-empty': { code: 'demo-folder-not-empty', outDir: '/tmp/demo', items: 2 },
  'date-format-unknown': { code: 'date-format-unknown', value: 'yyyy/dd/mm' },
  'profile-invalid': { code: 'profile-invalid', problems: ['Give your name.', 'Give your role.'] },
};
