import { attempt } from '../../stores/announcer';
import { FORM_CARD, useImports } from '../../stores/imports';
import { JobProgressAt } from '../../components/JobProgress';
import { OpenImportedButton } from './OpenImportedButton';
import { OutsideText } from '../../components/OutsideText';
import { Banner } from '../../components/Banner';
import { DataTable } from '../../components/DataTable';
import { ImportCard } from '../../components/ImportCard';

const METHOD_TEXT = { number: 'By claim number', text: 'By wording', 'number-and-text': 'By number and wording' } as const;

export function FormImportCard() {
  const { formPlacement: placement, formResult: result, busy, chooseForm, importForm } = useImports();
  return (
    <ImportCard
      id="form-import"
      title="The official assessment form (Word)"
      chooseLabel="Choose a form…"
      disabled={busy !== null}
      onChoose={() => void attempt(chooseForm)}
    >
      <div className="card-body section">
        <JobProgressAt place={FORM_CARD} />
        {!placement && busy !== 'form' ? (
          <p className="muted">A filled-in copy of the Code's assessment form becomes a new draft; its text is marked for your review.</p>
        ) : null}
        {placement ? (
          <>
            <h3>
              Where each row of <OutsideText text={placement.fileName} /> goes
            </h3>
            <p>
              {placement.rows.length} rows placed on claims, {placement.unplaced.length} not placed, {placement.emptyClaims.length} claims
              with nothing written.
              {placement.cover.organisation ? (
                <>
                  {' '}
                  Organisation on the cover: <OutsideText text={placement.cover.organisation} />.
                </>
              ) : null}
            </p>
            {placement.notes.map((n) => (
              <Banner key={n} tone="info">
                {n}
              </Banner>
            ))}
            {placement.warnings.map((w) => (
              <Banner key={w} tone="warning">
                <OutsideText text={w} />
              </Banner>
            ))}
            <div className="placement-table-wrap" tabIndex={0} role="region" aria-label="Placement of each row">
              <DataTable columns={['Row in the form', 'Placed on claim', 'How', 'Note']}>
                {placement.rows.map((r) => (
                  <tr key={`${r.source.table}-${r.source.row}`}>
                    <td>
                      {r.reference}{' '}
                      <span className="muted">
                        (table {r.source.table}, row {r.source.row})
                      </span>
                    </td>
                    <td>{r.claimId}</td>
                    <td>{METHOD_TEXT[r.method]}</td>
                    <td>{r.note ?? <span className="muted">—</span>}</td>
                  </tr>
                ))}
                {placement.unplaced.map((u) => (
                  <tr key={`u-${u.source.table}-${u.source.row}`}>
                    <td>
                      {u.reference || u.claimText.slice(0, 60)}{' '}
                      <span className="muted">
                        (table {u.source.table}, row {u.source.row})
                      </span>
                    </td>
                    <td>
                      <span className="badge danger">Not placed</span>
                    </td>
                    <td colSpan={2}>{u.reason}</td>
                  </tr>
                ))}
              </DataTable>
            </div>
            {result ? (
              <Banner tone="success" title="Imported as a new draft." actions={<OpenImportedButton assessmentId={result.assessment.id} />}>
                <span>
                  {result.linkedEvidence.length} evidence files linked
                  {result.missingEvidence.length > 0
                    ? `; ${result.missingEvidence.length} named in the form are not in the evidence library yet`
                    : ''}
                  .
                </span>
              </Banner>
            ) : (
              <div className="button-row end">
                <button type="button" className="button primary" disabled={busy !== null} onClick={() => void attempt(importForm)}>
                  Import this form
                </button>
              </div>
            )}
          </>
        ) : null}
      </div>
    </ImportCard>
  );
}
