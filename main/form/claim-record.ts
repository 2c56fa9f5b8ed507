import type { AssessmentDetail } from '../../shared/domain/types';
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
  return {
    evidenceText: response?.evidenceText ?? '',
    arguments: response?.arguments ?? '',
    record: {
      result: response?.result ?? 'not-assessed',
      actions: detail.actions.filter((a) => a.claimId === claimId),
      evidenceFiles: claimEvidenceFiles(detail, claimId),
    },
  };
}

/** The evidence lines of a claim's record block: every file linked to the claim. */
export function claimEvidenceFiles(detail: AssessmentDetail, claimId: string): AssessmentRecord['evidenceFiles'] {
  return detail.links
    .filter((l) => l.claimId === claimId)
    .flatMap((l) => detail.evidence.filter((e) => e.id === l.evidenceId))
    .map((e) => ({ fileName: e.fileName, sha256: e.sha256 }));
}

/** A claim not yet assessed, with no actions or files, needs no block: it reads back the same. */
export function hasSomethingToRecord(record: AssessmentRecord): boolean {
  return record.result !== 'not-assessed' || record.actions.length > 0 || record.evidenceFiles.length > 0;
}
