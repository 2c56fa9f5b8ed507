import { reasonMessage } from '../../ipc/error-hints';
import type { ClaimInContext } from '../../../shared/catalog/index';
import { isClaimInScope } from '../../../shared/domain/applicability';
import { frozenReason } from '../../../shared/domain/frozen';
import type { AssessmentDetail } from '../../../shared/domain/types';
import { RESULT_LABELS, STATUS_LABELS } from '../../format/labels';
import { SHORTCUTS, type ClaimCommand } from '../../../shared/ipc/shortcuts';
import { useAnnouncer } from '../../stores/announcer';
import { useAssessment } from '../../stores/assessment';
import { useClaimFilter } from '../../stores/claim-filter';

interface WorkspaceNow {
  readonly shown: readonly ClaimInContext[];
  readonly selected: ClaimInContext | undefined;
  readonly detail: AssessmentDetail | null;
}

function focusField(id: string): void {
  const el = document.getElementById(id);
  if (el instanceof HTMLInputElement) el.select();
  el?.focus();
}

/**
 * What each claim command does in the workspace: move through the listed claims, answer the
 * open one, or put focus where the typing happens. Each outcome is announced in the status bar.
 */
export function claimCommandHandler(now: () => WorkspaceNow, open: (claimId: string) => void): (command: ClaimCommand) => void {
  const announce = (message: string) => useAnnouncer.getState().announce(message);
  return (command) => {
    const { shown, selected, detail } = now();
    if (!detail || !selected) return;
    const claimId = selected.claim.id;
    if (command === 'next-claim' || command === 'previous-claim') {
      if (shown.length === 0) return announce('No claim matches the search and filters.');
      const at = shown.findIndex((c) => c.claim.id === claimId);
      const step = command === 'next-claim' ? 1 : -1;
      const to = at < 0 ? (step > 0 ? 0 : shown.length - 1) : at + step;
      if (to < 0 || to >= shown.length)
        return announce(step > 0 ? 'That was the last claim in the list.' : 'That was the first claim in the list.');
      return open(shown[to]!.claim.id);
    }
    if (command === 'find-claim') {
      // A narrow window folds the list away: open it, then focus the search once it shows.
      useClaimFilter.getState().setListOpen(true);
      return void setTimeout(() => focusField('claim-search'), 0);
    }
    if (command === 'write-evidence') return focusField('evidence-text');
    const shortcut = SHORTCUTS.find((s) => s.command === command);
    if (!shortcut || (!shortcut.result && !shortcut.status)) return;
    const frozen = frozenReason(detail.assessment);
    if (frozen) return announce(reasonMessage(frozen));
    if (!isClaimInScope(detail.assessment, claimId))
      return announce(`Claim ${claimId} is out of scope for this assessment and needs no answer.`);
    useAssessment
      .getState()
      .editClaim(claimId, shortcut.result ? { result: shortcut.result } : { status: shortcut.status! }, { immediate: true });
    announce(
      shortcut.result ? `Claim ${claimId}: ${RESULT_LABELS[shortcut.result]}.` : `Claim ${claimId}: ${STATUS_LABELS[shortcut.status!]}.`,
    );
  };
}
