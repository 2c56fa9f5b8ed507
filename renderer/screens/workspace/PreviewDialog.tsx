import { Modal } from '../../components/Modal';
import { useLibrary } from '../../stores/library';

/** A look inside an evidence file, without leaving the app or running anything in it. */
export function PreviewDialog() {
  const preview = useLibrary((s) => s.preview);
  const close = useLibrary((s) => s.closePreview);
  if (!preview) return null;
  return (
    <Modal
      title={`Preview: ${preview.fileName}`}
      onClose={close}
      footer={
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      }
    >
      {preview.kind === 'image' ? <img className="preview-image" src={preview.content} alt={`Contents of ${preview.fileName}`} /> : null}
      {preview.kind === 'text' ? (
        <>
          <pre className="preview-text" tabIndex={0} role="region" aria-label={`Text of ${preview.fileName}`}>
            {preview.content}
          </pre>
          {preview.truncated ? <p className="muted">Only the start of the file is shown.</p> : null}
        </>
      ) : null}
      {preview.kind === 'none' ? (
        <p>
          This kind of file cannot be shown here. Its fingerprint and details are kept with the evidence, and it goes into the pack
          unchanged.
        </p>
      ) : null}
    </Modal>
  );
}
