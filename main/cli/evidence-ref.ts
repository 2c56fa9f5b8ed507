import { SscpError } from '../../shared/errors';
import type { EvidenceItem } from '../../shared/domain/types';
import type { Workspace } from '../services/workspace';
import { field } from './io';

/** The item named by its id, or by the SHA-256 `sscp attach` and `sscp show` print when only one item holds those bytes. */
export function findEvidenceItem(
  ws: Workspace,
  ref: string,
  all: readonly EvidenceItem[] = ws.listEvidence().map((e) => e.item),
): EvidenceItem {
  const byId = all.find((e) => e.id === ref);
  if (byId) return byId;
  const bySha = /^[0-9a-fA-F]{64}$/.test(ref) ? all.filter((e) => e.sha256 === ref.toLowerCase()) : [];
  // Several items may hold the same bytes (older versions, the same file attached under two names): the newest draft one is not a safe guess.
  if (bySha.length === 1) return bySha[0]!;
  if (bySha.length > 1) {
    throw new SscpError(
      'invalid-input',
      `${bySha.length} evidence items hold the file with SHA-256 ${ref.toLowerCase()}: ${bySha.map((e) => `${e.id} (${field(e.fileName)})`).join(', ')}.`,
      "Give the id of the one to change (sscp show ID --json lists each item's id).",
    );
  }
  throw new SscpError(
    'not-found',
    `There is no evidence with id or SHA-256 ${field(ref)}.`,
    'Give an evidence id from sscp show ID --json, or the SHA-256 sscp attach printed.',
  );
}
