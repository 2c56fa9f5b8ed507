import { addDays } from '../../shared/domain/dates';
import type { IsoDate } from '../../shared/domain/types';
import type { Workspace } from '../services/workspace';
import { materialiseEvidence } from './evidence-files';
import type { SelfAssessment } from './self-assessment';

export interface PopulateOptions {
  /** Where generated evidence (the SBOMs, a copy of the test report) is written. */
  readonly outDir: string;
  /** The repository whose files are cited. */
  readonly projectDir?: string;
  /** The day the evidence is captured: its effective date, from which expiry counts. */
  readonly today: IsoDate;
}

/**
 * Records the self-assessment in the workspace: the assessment with every claim's response
 * and remedial actions in one transaction, then each piece of evidence attached once
 * through the workspace (hashed into the evidence store, audited) and linked to every claim
 * that cites it. Returns the new assessment's id.
 */
export async function populateSelfAssessment(ws: Workspace, sa: SelfAssessment, options: PopulateOptions): Promise<string> {
  const assessment = ws.createAssessment({
    organisation: sa.organisation,
    role: sa.role,
    products: sa.products,
    periodStart: sa.periodStart,
    periodEnd: sa.periodEnd,
    sroName: sa.sroName,
    sroRole: sa.sroRole,
    seed: {
      responses: sa.claims.map((c) => ({
        claimId: c.claimId,
        status: c.status,
        result: c.result,
        evidenceText: c.evidenceText,
        arguments: c.arguments,
      })),
      actions: sa.claims.flatMap((c) =>
        c.actions.map((a) => ({ claimId: c.claimId, description: a.description, owner: a.owner, dueDate: a.dueDate })),
      ),
    },
  });

  for (const evidence of sa.evidence) {
    const citing = sa.claims.filter((c) => c.evidence.includes(evidence.key)).map((c) => c.claimId);
    const [first, ...rest] = citing;
    if (first === undefined) continue;
    const file = await materialiseEvidence(evidence, options.outDir, options.projectDir);
    const item = await ws.attachEvidence(assessment.id, first, file.path, {
      description: file.description,
      effectiveDate: options.today,
      expiryDate: addDays(options.today, evidence.validForDays),
      confidential: false,
    });
    for (const claimId of rest) ws.linkEvidence(assessment.id, claimId, item.id);
  }
  return assessment.id;
}
