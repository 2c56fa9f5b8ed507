import { touchAssessment } from '../store/assessments-repo';
import type { StoreContext } from './store-context';

/** Field → { from, to } for the fields that changed: what the audit log records. */
export function diff<T extends object>(before: T, after: T): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}

/** Any change inside an assessment moves its "last changed" time. */
export function touch(ctx: StoreContext, assessmentId: string, now: string): void {
  touchAssessment(ctx.db, assessmentId, now);
}
