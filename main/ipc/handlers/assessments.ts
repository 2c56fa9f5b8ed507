import type { HandlerTable } from '../dispatch';
import { carryForwardAssessment } from '../../services/carry-forward';
import type { HandlerContext } from './context';

type Channels =
  | 'assessments.list'
  | 'assessments.create'
  | 'assessments.get'
  | 'assessments.open'
  | 'assessments.evidence'
  | 'assessments.update'
  | 'assessments.audit'
  | 'assessments.recentAudit'
  | 'assessments.carryForward'
  | 'claims.update'
  | 'actions.add'
  | 'actions.update'
  | 'actions.remove';

export function assessmentHandlers({ ws }: HandlerContext): Pick<HandlerTable, Channels> {
  return {
    'assessments.list': async () => ws().listAssessments(),
    'assessments.create': async (fields) => ws().createAssessment(fields),
    'assessments.get': async ({ assessmentId }) => ws().getAssessment(assessmentId),
    'assessments.open': async ({ assessmentId, claimId }) => ws().openAssessment(assessmentId, claimId),
    'assessments.evidence': async ({ assessmentId }) => ws().assessmentEvidence(assessmentId),
    'assessments.update': async ({ assessmentId, patch }) => ws().updateAssessment(assessmentId, patch),
    'assessments.audit': async ({ assessmentId }) => ws().auditEntries(assessmentId),
    'assessments.recentAudit': async ({ assessmentId, limit }) => ws().recentAuditEntries(assessmentId, limit),
    'assessments.carryForward': async ({ assessmentId, periodStart, periodEnd }) =>
      carryForwardAssessment(ws(), assessmentId, {
        ...(periodStart !== undefined ? { periodStart } : {}),
        ...(periodEnd !== undefined ? { periodEnd } : {}),
      }),
    'claims.update': async ({ assessmentId, claimId, patch }) => ws().updateClaim(assessmentId, claimId, patch),
    'actions.add': async ({ assessmentId, claimId, fields }) => ws().addAction(assessmentId, { claimId, ...fields }),
    'actions.update': async ({ actionId, patch }) => ws().updateAction(actionId, patch),
    'actions.remove': async ({ actionId }) => {
      ws().removeAction(actionId);
      return null;
    },
  };
}
