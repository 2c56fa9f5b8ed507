import { useState, type ReactNode } from 'react';
import { Modal } from '../../components/Modal';
import { ModalActions } from '../../components/ModalActions';
import { attempt } from '../../stores/announcer';

/**
 * The dialog each identity task (create, import a .p12, back up) runs in: its fields, Cancel,
 * and the one action, which says it is working while `run` does and closes the dialog once
 * `run` has given something back. A refusal stays in the error banner and the dialog stays open.
 */
export function IdentityDialog({
  title,
  onClose,
  ready,
  submitLabel,
  busyLabel,
  run,
  children,
}: {
  readonly title: string;
  readonly onClose: () => void;
  /** False while something the task needs is missing or wrong. */
  readonly ready: boolean;
  readonly submitLabel: string;
  readonly busyLabel: string;
  readonly run: () => Promise<unknown>;
  readonly children: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const done = await attempt(run);
    setBusy(false);
    if (done) onClose();
  };
  return (
    <Modal
      title={title}
      onClose={onClose}
      footer={
        <ModalActions
          onCancel={onClose}
          onSubmit={() => void submit()}
          ready={ready}
          busy={busy}
          submitLabel={submitLabel}
          busyLabel={busyLabel}
        />
      }
    >
      {children}
    </Modal>
  );
}
