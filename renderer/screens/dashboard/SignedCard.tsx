import { useEffect, useState } from 'react';
import { describeActor } from '../../../shared/domain/actor';
import type { Assessment, AuditEntry } from '../../../shared/domain/types';
import { call } from '../../ipc/client';
import { formatInstant } from '../../format/numbers';
import { attempt } from '../../stores/announcer';
import { CarryForwardButton } from '../start/CarryForwardButton';

interface SignedFacts {
  readonly signer: string;
  readonly packSha256: string | null;
  readonly fileName: string | null;
}

/** Who signed, from the log entry that recorded the signing here or the import of the signed pack. */
export function signedFacts(assessment: Assessment, entries: readonly AuditEntry[]): SignedFacts {
  const signed = [...entries]
    .reverse()
    .find((e) => e.action === 'assessment.signed' || (e.action === 'assessment.imported' && e.detail.from === 'pack'));
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const sro = assessment.sroRole ? `${assessment.sroName} (${assessment.sroRole})` : assessment.sroName;
  if (!signed) return { signer: sro, packSha256: null, fileName: null };
  const signer =
    signed.action === 'assessment.imported' ? (text(signed.detail.signer) ?? sro) : signed.actor ? describeActor(signed.actor) : sro;
  return { signer, packSha256: text(signed.detail.packSha256), fileName: text(signed.detail.fileName) };
}

/** A signed assessment's dashboard says so: when, by whom, which pack, and what to do next. */
export function SignedCard({ assessment }: { readonly assessment: Assessment }) {
  const [entries, setEntries] = useState<readonly AuditEntry[] | null>(null);
  useEffect(() => {
    void attempt(async () => setEntries(await call('assessments.audit', { assessmentId: assessment.id })));
  }, [assessment.id, assessment.updatedAt]);
  const facts = signedFacts(assessment, entries ?? []);
  const imported = assessment.origin === 'imported-pack';
  return (
    <section className="card signed-card" aria-labelledby="signed-heading">
      <div className="card-header">
        <h2 id="signed-heading">{imported ? 'Signed pack, imported' : 'Signed'}</h2>
        <span className="badge signed">{assessment.state === 'archived' ? 'Signed, archived' : 'Signed'}</span>
      </div>
      <div className="card-body">
        <dl className="facts">
          <dt>Signed</dt>
          <dd>{assessment.signedAt ? formatInstant(assessment.signedAt) : 'Time not recorded'}</dd>
          <dt>By</dt>
          <dd>{facts.signer}</dd>
          <dt>Pack fingerprint (SHA-256)</dt>
          <dd className="mono fingerprint" data-testid="pack-fingerprint">
            {facts.packSha256 ?? (entries ? 'Not recorded' : '…')}
          </dd>
        </dl>
        <p className="signed-next">
          A signed assessment stays as it was signed. To work on the next period, carry it forward: a new draft starts with these answers
          and evidence, each claim marked for review.
        </p>
        <div className="button-row">
          <CarryForwardButton assessment={assessment} />
        </div>
      </div>
    </section>
  );
}
