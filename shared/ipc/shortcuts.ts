import type { ClaimResult, WorkStatus } from '../domain/types';

/** A command the claim workspace carries out, from a key press or from the menu bar. */
export const CLAIM_COMMANDS = [
  'next-claim',
  'previous-claim',
  'find-claim',
  'result-met',
  'result-partially-met',
  'result-not-met',
  'result-not-applicable',
  'result-not-assessed',
  'status-done',
  'status-needs-review',
  'write-evidence',
  'show-shortcuts',
] as const;
export type ClaimCommand = (typeof CLAIM_COMMANDS)[number];

export interface Shortcut {
  readonly command: ClaimCommand;
  /** `KeyboardEvent.key` that triggers it, outside text fields only. */
  readonly key: string;
  /** What a person reads on the key cap ("?"), and in the menu. */
  readonly keyLabel: string;
  /** The accelerator the menu shows; the page handles the key itself so typing is never taken. */
  readonly accelerator: string;
  readonly label: string;
  readonly result?: ClaimResult;
  readonly status?: WorkStatus;
}

/**
 * Single keys, so a claim is answered in two presses (a result, then the next claim). They
 * never fire while focus is in a text field; Escape leaves the field.
 */
export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'next-claim', key: 'j', keyLabel: 'J', accelerator: 'J', label: 'Next claim' },
  { command: 'previous-claim', key: 'k', keyLabel: 'K', accelerator: 'K', label: 'Previous claim' },
  { command: 'find-claim', key: '/', keyLabel: '/', accelerator: '/', label: 'Find a claim' },
  { command: 'result-met', key: '1', keyLabel: '1', accelerator: '1', label: 'Result: Met', result: 'met' },
  { command: 'result-partially-met', key: '2', keyLabel: '2', accelerator: '2', label: 'Result: Partially met', result: 'partially-met' },
  { command: 'result-not-met', key: '3', keyLabel: '3', accelerator: '3', label: 'Result: Not met', result: 'not-met' },
  {
    command: 'result-not-applicable',
    key: '4',
    keyLabel: '4',
    accelerator: '4',
    label: 'Result: Not applicable',
    result: 'not-applicable',
  },
  { command: 'result-not-assessed', key: '0', keyLabel: '0', accelerator: '0', label: 'Result: Not assessed', result: 'not-assessed' },
  { command: 'status-done', key: 'd', keyLabel: 'D', accelerator: 'D', label: 'Work status: Done', status: 'done' },
  { command: 'status-needs-review', key: 'r', keyLabel: 'R', accelerator: 'R', label: 'Work status: Needs review', status: 'needs-review' },
  { command: 'write-evidence', key: 'e', keyLabel: 'E', accelerator: 'E', label: 'Write the evidence' },
  { command: 'show-shortcuts', key: '?', keyLabel: '?', accelerator: 'Shift+/', label: 'Keyboard shortcuts' },
];

/** The shortcut a key press stands for, if any. Modified presses (Ctrl, Alt, Meta) are left to the system. */
export function shortcutForKey(e: {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
}): Shortcut | undefined {
  if (e.ctrlKey || e.altKey || e.metaKey) return undefined;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return SHORTCUTS.find((s) => s.key === key);
}
