/** What the signer still has to do before the pack can be signed, in the order the form asks. */
export function signNeeds(state: {
  readonly hasIdentity: boolean;
  readonly hasPassphrase: boolean;
  readonly hasOutPath: boolean;
  readonly mustAccept: boolean;
  readonly mustConfirmEarly?: boolean;
  readonly periodNotStarted?: boolean;
}): readonly string[] {
  const needs: string[] = [];
  if (state.periodNotStarted) needs.push('wait until the assessment period has started, or correct the period');
  if (!state.hasIdentity) needs.push('create a signing identity in Settings');
  else if (!state.hasPassphrase) needs.push('type the passphrase of your signing identity');
  if (!state.hasOutPath) needs.push('choose where to save the pack');
  if (state.mustAccept) needs.push('accept the open issues listed under Readiness');
  if (state.mustConfirmEarly) needs.push('confirm that you are signing before the assessment period ends');
  return needs;
}

/** One sentence for a person: "To sign, type …, and choose …." */
export function signNeedsSentence(needs: readonly string[]): string {
  if (needs.length === 0) return '';
  const list = needs.length === 1 ? needs[0] : `${needs.slice(0, -1).join(', ')} and ${needs[needs.length - 1]}`;
  return `To sign, ${list}.`;
}
