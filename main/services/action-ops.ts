import { ACTION_STATES, type Assessment, type RemedialAction } from '../../shared/domain/types';
import { SscpError } from '../../shared/errors';
import { deleteAction, findAction, insertAction, updateActionRow } from '../store/actions-repo';
import { appendAudit } from '../store/audit-log';
import { nowInstant } from '../store/clock';
import { newId } from '../store/ids';
import { diff, touch } from './changes';
import { assertNoExportInProgress } from './export-lease';
import { inWriteTransaction, requireAssessment, type StoreContext } from './store-context';
import { assertEditable, catalogFor, checkClaimId, optionalDate, optionalField, parseChoice, requireField } from './validate';
import { TEXT_FIELDS } from '../../shared/domain/text-rules';
import type { ActionPatch, NewActionInput } from './workspace-types';

export function addAction(ctx: StoreContext, assessmentId: string, input: NewActionInput): RemedialAction {
  return inWriteTransaction(ctx, () => {
    assertNoExportInProgress(ctx, assessmentId);
    const a = requireAssessment(ctx, assessmentId);
    assertEditable(a);
    const now = nowInstant();
    const action = insertNewAction(ctx, a, input, now);
    touch(ctx, assessmentId, now);
    appendAudit(ctx.db, { assessmentId, action: 'action.added', detail: { ...action } }, now);
    return action;
  });
}

/** Inserts without its own transaction or audit entry: for callers that provide both. */
export function insertNewAction(ctx: StoreContext, a: Assessment, input: NewActionInput, now: string): RemedialAction {
  const action: RemedialAction = {
    id: newId(),
    assessmentId: a.id,
    claimId: checkClaimId(catalogFor(a), input.claimId),
    description: requireField(input.description, TEXT_FIELDS.actionDescription),
    owner: optionalField(input.owner, TEXT_FIELDS.actionOwner),
    dueDate: optionalDate(input.dueDate, 'The due date'),
    state: parseChoice(input.state ?? 'open', ACTION_STATES, 'action state'),
    createdAt: now,
    updatedAt: now,
  };
  insertAction(ctx.db, action);
  return action;
}

export function updateAction(ctx: StoreContext, actionId: string, patch: ActionPatch): RemedialAction {
  return inWriteTransaction(ctx, () => {
    const before = requireAction(ctx, actionId);
    assertNoExportInProgress(ctx, before.assessmentId);
    assertEditable(requireAssessment(ctx, before.assessmentId));
    const now = nowInstant();
    const after: RemedialAction = {
      ...before,
      description: patch.description === undefined ? before.description : requireField(patch.description, TEXT_FIELDS.actionDescription),
      owner: patch.owner === undefined ? before.owner : optionalField(patch.owner, TEXT_FIELDS.actionOwner),
      dueDate: patch.dueDate === undefined ? before.dueDate : optionalDate(patch.dueDate, 'The due date'),
      state: patch.state === undefined ? before.state : parseChoice(patch.state, ACTION_STATES, 'action state'),
      updatedAt: now,
    };
    const { description, owner, dueDate, state } = before;
    const changes = diff(
      { description, owner, dueDate, state },
      { description: after.description, owner: after.owner, dueDate: after.dueDate, state: after.state },
    );
    if (Object.keys(changes).length === 0) return before;
    updateActionRow(ctx.db, after);
    touch(ctx, before.assessmentId, now);
    appendAudit(
      ctx.db,
      { assessmentId: before.assessmentId, action: 'action.updated', detail: { actionId, claimId: before.claimId, changes } },
      now,
    );
    return after;
  });
}

export function removeAction(ctx: StoreContext, actionId: string): void {
  inWriteTransaction(ctx, () => {
    const action = requireAction(ctx, actionId);
    assertNoExportInProgress(ctx, action.assessmentId);
    assertEditable(requireAssessment(ctx, action.assessmentId));
    const now = nowInstant();
    deleteAction(ctx.db, actionId);
    touch(ctx, action.assessmentId, now);
    appendAudit(ctx.db, { assessmentId: action.assessmentId, action: 'action.removed', detail: { ...action } }, now);
  });
}

function requireAction(ctx: StoreContext, id: string): RemedialAction {
  const action = findAction(ctx.db, id);
  if (!action) throw SscpError.because({ code: 'action-not-found', id: String(id) });
  return action;
}
