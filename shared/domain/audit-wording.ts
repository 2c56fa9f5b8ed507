import { describeActor } from './actor';
import type { AuditEntry } from './types';

/**
 * The one wording of the audit log for people: the app's history, `sscp log` and the pack's
 * audit trail all say what happened with these words, never the stored action ids.
 */
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
  'evidence.referenced': 'Reference added as evidence',
  'evidence.linked': 'Evidence linked',
  'evidence.unlinked': 'Evidence removed from a claim',
  'evidence.replaced': 'Evidence replaced by a newer version',
  'evidence.updated': 'Evidence details changed',
  'evidence.removed': 'Evidence removed from the library',
  'evidence.restored': 'Evidence removal undone',
  'identity.created': 'Signing identity created',
  'identity.imported': 'Signing identity imported',
  'identity.renewed': 'Signing identity renewed',
  'claim.assigned': 'Claim owner changed',
  'contribution.imported': 'Contribution imported for review',
  'contribution.accepted': 'Contribution accepted',
  'contribution.rejected': 'Contribution rejected',
};

const FIELDS: Readonly<Record<string, string>> = {
  status: 'status',
  result: 'result',
  evidenceText: 'evidence text',
  arguments: 'arguments',
  organisation: 'organisation',
  products: 'products',
  role: 'vendor role',
  theme3InScope: 'theme 3 scope',
  periodStart: 'period start',
  periodEnd: 'period end',
  sroName: 'SRO name',
  sroRole: 'SRO role',
  description: 'description',
  owner: 'owner',
  dueDate: 'due date',
  state: 'state',
  fileName: 'file name',
  effectiveDate: 'valid from',
  expiryDate: 'expiry date',
  confidential: 'confidentiality',
  withholdDetails: 'withheld details',
};

const FIELD_ORDER = Object.keys(FIELDS);
const fieldOrder = (f: string): number => (FIELD_ORDER.includes(f) ? FIELD_ORDER.indexOf(f) : FIELD_ORDER.length);

/** What happened, in words: "Claim changed". An action this build does not know is spelt out, not hidden. */
export function describeAuditAction(action: string): string {
  return ACTIONS[action] ?? action.replace(/[.-]/g, ' ');
}

/** The claim an entry is about, when it says. */
export function auditEntryClaim(entry: AuditEntry): string | null {
  const claimId = (entry.detail as Record<string, unknown>).claimId;
  return typeof claimId === 'string' ? claimId : null;
}

/** One line for a person: what happened, to which claim or file, and which fields changed. */
export function describeAuditEntry(entry: AuditEntry): string {
  const detail = entry.detail as Record<string, unknown>;
  const claimId = auditEntryClaim(entry);
  const claim = claimId ? ` (claim ${claimId})` : '';
  const file = typeof detail.fileName === 'string' ? `: ${detail.fileName}` : '';
  // Stored changes are in key order (canonical JSON); list them in the order a form shows them.
  const changes =
    detail.changes !== null && typeof detail.changes === 'object'
      ? Object.keys(detail.changes).sort((a, b) => fieldOrder(a) - fieldOrder(b))
      : [];
  const fields = file === '' && changes.length > 0 ? `: ${changes.map((f) => FIELDS[f] ?? f).join(', ')}` : '';
  return `${describeAuditAction(entry.action)}${claim}${contributorWords(detail)}${file}${fields}`;
}

/** A contribution's entries name who sent it and the certificate that signed it; an owner change, the new owner. */
function contributorWords(detail: Record<string, unknown>): string {
  const contributor = detail.contributor as { name?: unknown } | undefined;
  if (contributor && typeof contributor.name === 'string') {
    const fp = typeof detail.signerFingerprint === 'string' ? ` (certificate ${detail.signerFingerprint.slice(0, 16)}…)` : '';
    return ` from ${contributor.name}${fp}`;
  }
  if ('to' in detail && 'from' in detail) {
    const to = detail.to as { name?: unknown } | null;
    return to && typeof to.name === 'string' ? ` to ${to.name}` : ': owner cleared';
  }
  return '';
}

/** Who made the change, for a person ("Priya Raman (CTO)", "not recorded"). */
export function describeAuditActor(entry: AuditEntry): string {
  return describeActor(entry.actor);
}

export interface Contributor {
  /** As describeActor words it; "not recorded" groups the entries from before names were kept. */
  readonly who: string;
  readonly name: string | null;
  readonly role: string | null;
  readonly changes: number;
}

/**
 * Who contributed to a set of entries and how many changes each made, most first. People are
 * told apart by name and role, so two roles of one name are two lines, and entries without a
 * recorded actor are counted together, never attributed to anyone.
 */
export function auditContributors(entries: readonly AuditEntry[]): Contributor[] {
  const byKey = new Map<string, { who: string; name: string | null; role: string | null; changes: number; first: number }>();
  entries.forEach((e, i) => {
    const who = describeActor(e.actor);
    const known = e.actor !== null && e.actor.source !== 'unknown' && e.actor.name !== '';
    const name = known ? e.actor.name : null;
    const role = known ? (e.actor.role ?? null) : null;
    const key = JSON.stringify([name, role, who]);
    const c = byKey.get(key);
    if (c) c.changes += 1;
    else byKey.set(key, { who, name, role, changes: 1, first: i });
  });
  return [...byKey.values()]
    .sort((a, b) => b.changes - a.changes || a.first - b.first)
    .map(({ who, name, role, changes }) => ({ who, name, role, changes }));
}
