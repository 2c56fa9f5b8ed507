import { TextField } from '../../components/TextField';
import { VENDOR_ROLES } from '../../../shared/domain/types';
import { describeRole } from '../../../shared/domain/applicability';
import type { NewAssessmentDraft } from './check-draft';
import './new-assessment.css';

type Errors = Partial<Record<keyof NewAssessmentDraft, string>>;

/** Who is assessed, for what period, and who signs: the same fields to create and to edit. */
export function AssessmentFields({
  draft,
  errors,
  set,
}: {
  readonly draft: NewAssessmentDraft;
  readonly errors: Errors;
  readonly set: <K extends keyof NewAssessmentDraft>(key: K, value: NewAssessmentDraft[K]) => void;
}) {
  const role = describeRole(draft.role);
  return (
    <>
      <div className="section">
        <h2>The organisation</h2>
        <div className="form-grid">
          <TextField
            id="organisation"
            label="Organisation name"
            value={draft.organisation}
            onChange={(v) => set('organisation', v)}
            error={errors.organisation}
          />
          <div className="field">
            <label htmlFor="products">Products covered</label>
            <textarea
              id="products"
              className="textarea compact"
              value={draft.products}
              onChange={(e) => set('products', e.target.value)}
              aria-describedby="products-help"
            />
            <span className="field-help" id="products-help">
              One per line. Leave empty if the assessment covers all your software.
            </span>
          </div>
        </div>
      </div>
      <div className="section">
        <fieldset>
          <legend>What does your organisation do with software?</legend>
          <div className="choice-cards">
            {VENDOR_ROLES.map((r) => {
              const d = describeRole(r);
              return (
                <label key={r} className="choice-card">
                  <input type="radio" name="role" value={r} checked={draft.role === r} onChange={() => set('role', r)} />
                  <span className="choice-title">{d.label}</span>
                  <span className="muted">{d.meaning}</span>
                  <span className="choice-scope">{d.scope}</span>
                </label>
              );
            })}
          </div>
        </fieldset>
        {role.optionalThemes.includes('3') ? (
          <label className="checkbox-row">
            <input type="checkbox" checked={draft.theme3InScope} onChange={(e) => set('theme3InScope', e.target.checked)} />
            <span>
              We are responsible for deploying and maintaining this software, so theme 3 (secure deployment and maintenance) applies to us
              too.
            </span>
          </label>
        ) : null}
      </div>
      <div className="section">
        <h2>The period assessed</h2>
        <div className="form-grid">
          <TextField
            id="periodStart"
            type="date"
            label="From"
            value={draft.periodStart}
            onChange={(v) => set('periodStart', v)}
            error={errors.periodStart}
          />
          <TextField
            id="periodEnd"
            type="date"
            label="To"
            value={draft.periodEnd}
            onChange={(v) => set('periodEnd', v)}
            error={errors.periodEnd}
          />
        </div>
      </div>
      <div className="section">
        <h2>The Senior Responsible Owner</h2>
        <p className="muted">
          The person who signs the evidence pack on the organisation's behalf. You can fill this in later; it is needed before signing.
        </p>
        <div className="form-grid">
          <TextField
            id="sroName"
            label="Name"
            value={draft.sroName}
            onChange={(v) => set('sroName', v)}
            error={errors.sroName}
            autoComplete="name"
          />
          <TextField
            id="sroRole"
            label="Job title"
            value={draft.sroRole}
            onChange={(v) => set('sroRole', v)}
            error={errors.sroRole}
            autoComplete="organization-title"
          />
        </div>
      </div>
    </>
  );
}
