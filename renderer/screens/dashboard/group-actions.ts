import { compareIsoDates } from '../../../shared/domain/dates';
import type { RemedialAction } from '../../../shared/domain/types';

export interface OwnerGroup {
  readonly owner: string;
  readonly actions: readonly RemedialAction[];
}

/** Open actions per owner (no owner last), each owner's soonest due first, undated last. */
export function groupOpenActionsByOwner(actions: readonly RemedialAction[]): readonly OwnerGroup[] {
  const groups = new Map<string, RemedialAction[]>();
  for (const a of actions) {
    if (a.state !== 'open') continue;
    const owner = a.owner.trim() || 'No owner yet';
    groups.set(owner, [...(groups.get(owner) ?? []), a]);
  }
  const byDue = (x: RemedialAction, y: RemedialAction) =>
    x.dueDate === y.dueDate ? 0 : x.dueDate === null ? 1 : y.dueDate === null ? -1 : compareIsoDates(x.dueDate, y.dueDate);
  return [...groups.entries()]
    .sort(([a], [b]) => (a === 'No owner yet' ? 1 : b === 'No owner yet' ? -1 : a.localeCompare(b)))
    .map(([owner, list]) => ({ owner, actions: list.sort(byDue) }));
}
