import type { ExportedPackView } from '../../../shared/ipc/views-signing';
import { Icon } from '../../components/Icon';
import { VerificationCard } from '../../components/VerificationCard';
import { call } from '../../ipc/client';
import { formatBytes } from '../../format/numbers';
import { attempt } from '../../stores/announcer';

/** After signing: where the pack is, its fingerprint, and what the verifier says about it. */
export function SignResult({ result, onDone }: { readonly result: ExportedPackView; readonly onDone: () => void }) {
  return (
    <div className="section">
      <section className="card card-body section" aria-labelledby="written-heading">
        <h2 id="written-heading">Pack written</h2>
        <dl className="facts">
          <dt>File</dt>
          <dd className="mono">{result.path}</dd>
          <dt>Size</dt>
          <dd>
            {formatBytes(result.size)} · {result.embeddedFiles} evidence {result.embeddedFiles === 1 ? 'file' : 'files'} embedded
            {result.withheldFiles > 0 ? `, ${result.withheldFiles} withheld` : ''}
          </dd>
          <dt>SHA-256 of the pack</dt>
          <dd className="mono fingerprint">{result.sha256}</dd>
          {result.acceptedExceptions.length > 0 ? (
            <>
              <dt>Exceptions accepted</dt>
              <dd>{result.acceptedExceptions.length}, listed in the pack's attestation</dd>
            </>
          ) : null}
        </dl>
        <div className="button-row">
          <button type="button" className="button" onClick={() => void attempt(() => call('shell.reveal', { path: result.path }))}>
            <Icon name="folder" /> Show in folder
          </button>
          <button type="button" className="button primary" onClick={onDone}>
            Back to the dashboard
          </button>
        </div>
      </section>
      <VerificationCard verification={result.verification} title="Verification of the written pack" />
    </div>
  );
}
