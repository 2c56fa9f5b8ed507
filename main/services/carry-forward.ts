import { CURRENT_CATALOG, findCatalog, listClaims, statementChanges, type Catalog } from '../../shared/catalog/index';
import { carryForward, type CarryForwardDates, type CarryForwardPlan } from '../../shared/domain/carry-forward';
import { localIsoDate } from '../../shared/domain/dates';
import type { Assessment } from '../../shared/domain/types';
import type { Workspace } from './workspace';

export interface CarryForwardResult {
  readonly assessment: Assessment;
  readonly plan: CarryForwardPlan;
}

/**
 * Starts next period's draft from an assessment (signed or not), on the current catalog,
 * in one transaction: the plan from `carryForward` goes in as the new assessment's seed.
 * An assessment on an older catalog version moves to the current one; the plan lists each
 * claim whose statement changed on the way, with the old and new wording and the reason.
 */
export function carryForwardAssessment(
  ws: Workspace,
  previousId: string,
  dates: Omit<CarryForwardDates, 'today'> & { readonly today?: string } = {},
  catalog: Catalog = CURRENT_CATALOG,
): CarryForwardResult {
  const detail = ws.getAssessment(previousId);
  // A catalog this build does not know has no wording to compare: its claims carry by id.
  const previousCatalog = findCatalog(detail.assessment.catalogId, detail.assessment.catalogVersion);
  const changes = previousCatalog ? statementChanges(previousCatalog, catalog) : [];
  const plan = carryForward(
    detail,
    { ...dates, today: dates.today ?? localIsoDate(new Date()) },
    listClaims(catalog).map((c) => c.claim.id),
    changes,
  );
  const assessment = ws.createAssessment({
    ...plan.assessment,
    catalog: { id: catalog.id, version: catalog.version },
    seed: { responses: plan.responses, links: plan.links, actions: plan.actions },
  });
  return { assessment, plan };
}
