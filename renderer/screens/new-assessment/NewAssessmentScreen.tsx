import { useState, type FormEvent } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { attempt } from '../../stores/announcer';
import { useAssessments } from '../../stores/assessments';
import { useNavigation } from '../../stores/navigation';
import { AssessmentFields } from './AssessmentFields';
import { checkNewAssessment, type NewAssessmentDraft } from './check-draft';

const EMPTY: NewAssessmentDraft = {
  organisation: '',
  products: '',
  role: 'developer-distributor',
  theme3InScope: false,
  periodStart: '',
  periodEnd: '',
  sroName: '',
  sroRole: '',
};

const FIELD_ORDER = ['organisation', 'periodStart', 'periodEnd', 'sroName', 'sroRole'] as const;

/** Step 2: who is assessed, for what period, and who signs. */
export function NewAssessmentScreen() {
  const [draft, setDraft] = useState<NewAssessmentDraft>(EMPTY);
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const create = useAssessments((s) => s.create);
  const go = useNavigation((s) => s.go);
  const checked = checkNewAssessment(draft);
  const errors = showErrors ? checked.errors : {};
  const set = <K extends keyof NewAssessmentDraft>(key: K, value: NewAssessmentDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setShowErrors(true);
    if (!checked.fields) {
      // Field ids match the draft's keys; take the first wrong one in the order shown.
      const first = FIELD_ORDER.find((key) => checked.errors[key]);
      if (first) document.getElementById(first)?.focus();
      return;
    }
    setBusy(true);
    const created = await attempt(() => create(checked.fields!));
    setBusy(false);
    if (created) go({ name: 'workspace', assessmentId: created.id, claimId: null });
  };

  return (
    <div className="page-inner narrow">
      <PageHeader title="New assessment" subtitle="Tell us who is being assessed and for which period. You can change any of this later." />
      <form className="card card-body new-assessment" onSubmit={(e) => void submit(e)} noValidate>
        <AssessmentFields draft={draft} errors={errors} set={set} />
        <div className="section">
          <div className="button-row end">
            <button type="button" className="button" onClick={() => go({ name: 'start' })}>
              Cancel
            </button>
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? 'Creating…' : 'Create assessment'}
            </button>
          </div>
        </div>
      </form>
    </div>
  );
}
