import type { AuditEntry } from '../../shared/domain/types';

const ACTIONS: Readonly<Record<string, string>> = {
  'assessment.created': 'Assessment created',
  'assessment.imported': 'Assessment imported',
  'assessment.carried-forward': 'Carried forward from the previous period',
  'assessment.updated': 'Assessment details changed',
  'assessment.signed': 'Signed and exported',
  'assessment.archived': 'Archived',
  'assessment.unarchived': 'Unarchived',
  'claim.updated': 'Claim changed',
  'action.added': 'Remedial action added',
  'action.updated': 'Remedial action changed',
  'action.removed': 'Remedial action removed',
  'evidence.attached': 'Evidence attached',
  'evidence.linked': 'Evidence linked',
  'evidence.unlinked': 'Evidence removed from a claim',
  'evidence.replaced': 'Evidence replaced by a newer version',
  'evidence.updated': 'Evidence details changed',
};

/** One line for a person: what happened, and to which claim or file when the entry says. */
export function describeAuditEntry(entry: AuditEntry): string {
  const what = ACTIONS[entry.action] ?? entry.action.replace(/[.-]/g, ' ');
  const detail = entry.detail as Record<string, unknown>;
  const claim = typeof detail.claimId === 'string' ? ` (claim ${detail.claimId})` : '';
  const file = typeof detail.fileName === 'string' ? `: ${detail.fileName}` : '';
  return `${what}${claim}${file}`;
}
