import { SHORTCUTS } from '../../shared/ipc/shortcuts';
import { useClaimCommands } from '../stores/claim-commands';
import { Modal } from './Modal';
import { DataTable } from './DataTable';

/** Every keyboard shortcut, opened with ? or from the Help menu. */
export function ShortcutsHelp() {
  const open = useClaimCommands((s) => s.helpOpen);
  const setOpen = useClaimCommands((s) => s.setHelpOpen);
  if (!open) return null;
  const close = () => setOpen(false);
  return (
    <Modal
      title="Keyboard shortcuts"
      onClose={close}
      bodyLabel="The shortcuts"
      footer={
        <button type="button" className="button primary" onClick={close}>
          Close
        </button>
      }
    >
      <p className="muted">
        In the claims, outside a text box. Press Esc to leave a text box; Tab and Shift+Tab move as usual, and the arrow keys move within
        the claim list.
      </p>
      <DataTable columns={['Key', 'Does']} className="shortcuts-table">
        {SHORTCUTS.map((s) => (
          <tr key={s.command}>
            <td>
              <kbd>{s.keyLabel}</kbd>
            </td>
            <td>{s.label}</td>
          </tr>
        ))}
        <tr>
          <td>
            <kbd>Esc</kbd>
          </td>
          <td>Leave a text box</td>
        </tr>
      </DataTable>
    </Modal>
  );
}
