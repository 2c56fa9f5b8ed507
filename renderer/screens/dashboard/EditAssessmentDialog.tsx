import { useState } from 'react';
import type { Assessment } from '../../../shared/domain/types';
import { Modal } from '../../components/Modal';
import { ModalActions } from '../../components/ModalActions';
import { attempt } from '../../stores/announcer';
import { useAssessment } from '../../stores/assessment';
import { AssessmentFields } from '../new-assessment/AssessmentFields';
import { checkNewAssessment, type NewAssessmentDraft } from '../new-assessment/check-draft';

function draftOf(a: Assessment): NewAssessmentDraft {
  return {
    organisation: a.organisation,
    products: a.products.join('\n'),
    role: a.role,
    theme3InScope: a.theme3InScope,
    periodStart: a.periodStart ?? '',
    periodEnd: a.periodEnd ?? '',
    sroName: a.sroName,
    sroRole: a.sroRole,
  };
}

/** Change who is assessed, the period or the signer of a draft: scope follows the role at once. */
export function EditAssessmentDialog({ assessment, onClose }: { readonly assessment: Assessment; readonly onClose: () => void }) {
  const updateDetails = useAssessment((s) => s.updateDetails);
  const [draft, setDraft] = useState(() => draftOf(assessment));
  const [showErrors, setShowErrors] = useState(false);
  const checked = checkNewAssessment(draft);
  const set = <K extends keyof NewAssessmentDraft>(key: K, value: NewAssessmentDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const save = async () => {
    setShowErrors(true);
    if (!checked.fields) return;
    const saved = await attempt(() => updateDetails(checked.fields!));
    if (saved) onClose();
  };
  return (
    <Modal
      title="Assessment details"
      onClose={onClose}
      footer={<ModalActions onCancel={onClose} onSubmit={() => void save()} submitLabel="Save details" />}
    >
      <div className="edit-assessment">
        <AssessmentFields draft={draft} errors={showErrors ? checked.errors : {}} set={set} />
      </div>
    </Modal>
  );
}
