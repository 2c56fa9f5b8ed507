import type { FormReason } from '../../../shared/error-reasons/form';
import type { ExamplesFor } from './types';

const f = { fileName: 'form.docx' };

export const FORM_EXAMPLES: ExamplesFor<FormReason> = {
  'form-fill-unstable': { code: 'form-fill-unstable', ...f },
  'form-template-no-body': { code: 'form-template-no-body' },
  'form-fill-overlap': { code: 'form-fill-overlap' },
  'form-claim-not-round-trip': { code: 'form-claim-not-round-trip', ...f, claimId: '1.1.1', rowFound: false },
  'form-content-damaged': { code: 'form-content-damaged', ...f, detail: 'unclosed element' },
  'form-not-sscp': { code: 'form-not-sscp', columns: ['Principle', 'Claim'] },
  'form-encrypted': { code: 'form-encrypted', name: 'form.docx' },
  'form-read-failed': { code: 'form-read-failed', name: 'form.docx', errno: 'EACCES' },
  'form-not-docx': { code: 'form-not-docx', name: 'form.docx', why: 'it is empty' },
  'form-import-cancelled': { code: 'form-import-cancelled' },
  'form-text-too-long': { code: 'form-text-too-long', ...f, where: 'the arguments of claim 1.1.1', length: 200001, max: 100000 },
  'form-template-is-target': { code: 'form-template-is-target', ...f },
};
