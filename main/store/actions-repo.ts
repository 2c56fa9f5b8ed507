import type { ActionState, RemedialAction } from '../../shared/domain/types';
import type { Db } from './database';
import { prepared } from './statements';

interface ActionRow {
  id: string;
  assessment_id: string;
  claim_id: string;
  description: string;
  owner: string;
  due_date: string | null;
  state: ActionState;
  created_at: string;
  updated_at: string;
}

export function insertAction(db: Db, a: RemedialAction): void {
  prepared(
    db,
    `INSERT INTO remedial_actions (id, assessment_id, claim_id, description, owner, due_date, state, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(a.id, a.assessmentId, a.claimId, a.description, a.owner, a.dueDate, a.state, a.createdAt, a.updatedAt);
}

export function findAction(db: Db, id: string): RemedialAction | undefined {
  const row = prepared<[string], ActionRow>(db, 'SELECT * FROM remedial_actions WHERE id = ?').get(id);
  return row && rowToAction(row);
}

export function listActions(db: Db, assessmentId: string): RemedialAction[] {
  return prepared<[string], ActionRow>(db, 'SELECT * FROM remedial_actions WHERE assessment_id = ? ORDER BY created_at, rowid')
    .all(assessmentId)
    .map(rowToAction);
}

export function updateActionRow(db: Db, a: RemedialAction): void {
  prepared(db, 'UPDATE remedial_actions SET description = ?, owner = ?, due_date = ?, state = ?, updated_at = ? WHERE id = ?').run(
    a.description,
    a.owner,
    a.dueDate,
    a.state,
    a.updatedAt,
    a.id,
  );
}

export function deleteAction(db: Db, id: string): void {
  prepared(db, 'DELETE FROM remedial_actions WHERE id = ?').run(id);
}

function rowToAction(row: ActionRow): RemedialAction {
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    claimId: row.claim_id,
    description: row.description,
    owner: row.owner,
    dueDate: row.due_date,
    state: row.state,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
