import { useEffect, useRef, type ReactNode } from 'react';
import { Icon } from './Icon';
import './Modal.css';

/**
 * A native modal dialog: focus moves into it, Escape closes it, and the page behind is inert.
 */
export function Modal(props: {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly footer?: ReactNode;
  readonly bodyLabel?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const { onClose } = props;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (typeof dialog.showModal === 'function' && !dialog.open) dialog.showModal();
    else dialog.setAttribute('open', '');
    const onCancel = (e: Event) => {
      e.preventDefault();
      onClose();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => dialog.removeEventListener('cancel', onCancel);
  }, [onClose]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="dialog-title">
      <div className="dialog-header">
        <h2 id="dialog-title">{props.title}</h2>
        <button type="button" className="button quiet small" onClick={props.onClose} aria-label="Close this dialog">
          <Icon name="close" />
        </button>
      </div>
      {/* A body that may scroll with nothing to focus in it takes focus itself, so keys can scroll it. */}
      <div
        className="dialog-body"
        tabIndex={props.bodyLabel ? 0 : undefined}
        role={props.bodyLabel ? 'region' : undefined}
        aria-label={props.bodyLabel}
      >
        {props.children}
      </div>
      {props.footer ? <div className="dialog-footer">{props.footer}</div> : null}
    </dialog>
  );
}
