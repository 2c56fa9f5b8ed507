/** A dialog's footer: Cancel, and the one action it exists for, which says when it is working. */
export function ModalActions({
  onCancel,
  onSubmit,
  ready = true,
  busy = false,
  submitLabel,
  busyLabel = submitLabel,
}: {
  readonly onCancel: () => void;
  readonly onSubmit: () => void;
  /** False while something the dialog needs is missing or wrong. */
  readonly ready?: boolean;
  readonly busy?: boolean;
  readonly submitLabel: string;
  readonly busyLabel?: string;
}) {
  return (
    <>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="button" className="button primary" disabled={!ready || busy} onClick={onSubmit}>
        {busy ? busyLabel : submitLabel}
      </button>
    </>
  );
}
