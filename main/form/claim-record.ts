import { detailAsRecipientSees } from '../../shared/domain/recipient-view';
import type { AssessmentDetail, EvidenceItem } from '../../shared/domain/types';
import type { AssessmentRecord } from './result-block';

/**
 * What one claim's row of the official form says, from the assessment: the Evidence cell's
 * text, the person's own arguments, and the record block (result, remedial actions, evidence)
 * that goes at the end of the Arguments cell. Both the generated form and a filled-in template
 * take a claim's evidence from here, and only here: a new kind of evidence is added once.
 */
export interface ClaimFormContent {
  readonly evidenceText: string;
  readonly arguments: string;
  readonly record: AssessmentRecord;
}

export function claimFormContent(detail: AssessmentDetail, claimId: string): ClaimFormContent {
  const response = detail.responses.find((r) => r.claimId === claimId);
  const references = linkedAsCustomerSees(detail, claimId)
    .filter((e) => e.kind === 'reference')
    .map((e) => ({ location: e.fileName, owner: e.owner, date: e.effectiveDate }));
  return {
    evidenceText: response?.evidenceText ?? '',
    arguments: response?.arguments ?? '',
    record: {
      result: response?.result ?? 'not-assessed',
      actions: detail.actions.filter((a) => a.claimId === claimId),
      evidenceFiles: claimEvidenceFiles(detail, claimId),
      ...(references.length > 0 ? { evidenceReferences: references } : {}),
    },
  };
}

/**
 * The form goes to customers: evidence whose details the SRO withholds from them is named as a
 * customer pack names it ("Withheld file 1 (confidential)").
 */
function linkedAsCustomerSees(detail: AssessmentDetail, claimId: string): EvidenceItem[] {
  const shown = detailAsRecipientSees(detail, 'customer');
  return detail.links.filter((l) => l.claimId === claimId).flatMap((l) => shown.evidence.filter((e) => e.id === l.evidenceId));
}

/** The evidence lines of a claim's record block: every file linked to the claim, as a customer sees it. */
export function claimEvidenceFiles(detail: AssessmentDetail, claimId: string): AssessmentRecord['evidenceFiles'] {
  return linkedAsCustomerSees(detail, claimId)
    .filter((e) => e.kind === 'file')
    .map((e) => ({ fileName: e.fileName, sha256: e.sha256 }));
}

/** A claim not yet assessed, with no actions or files, needs no block: it reads back the same. */
export function hasSomethingToRecord(record: AssessmentRecord): boolean {
  return (
    record.result !== 'not-assessed' ||
    record.actions.length > 0 ||
    record.evidenceFiles.length > 0 ||
    (record.evidenceReferences?.length ?? 0) > 0
  );
}
