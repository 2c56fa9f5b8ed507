import { useState } from 'react';
import type { Assessment } from '../../../shared/domain/types';
import { Icon } from '../../components/Icon';
import { EditAssessmentDialog } from './EditAssessmentDialog';
import { attempt } from '../../stores/announcer';
import { OutsideText } from '../../components/OutsideText';
import { useAttestationExport } from '../../stores/attestation-export';
import { useFormExport } from '../../stores/form-export';
import { useNavigation } from '../../stores/navigation';
import { fileName, useSession } from '../../stores/session';

export function DashboardActions({ assessment }: { readonly assessment: Assessment }) {
  const { busy, busyReminders, exportForm, chooseTemplate, clearTemplate, exportReminders } = useFormExport();
  const templatePath = useSession((s) => s.settings?.formTemplatePath ?? null);
  const { busy: writingAttestation, exportAttestation } = useAttestationExport();
  const go = useNavigation((s) => s.go);
  const [editing, setEditing] = useState(false);
  const { id: assessmentId, organisation } = assessment;
  const canSign = assessment.state === 'draft';
  return (
    <>
      {canSign ? (
        <button type="button" className="button" onClick={() => setEditing(true)}>
          Edit details…
        </button>
      ) : null}
      {editing ? <EditAssessmentDialog assessment={assessment} onClose={() => setEditing(false)} /> : null}
      <button type="button" className="button" disabled={busy} onClick={() => void attempt(() => exportForm(assessmentId, organisation))}>
        {busy ? 'Writing the form…' : templatePath ? 'Fill in official form…' : 'Export Word form…'}
      </button>
      {templatePath ? (
        <span className="form-template">
          Form: <OutsideText text={fileName(templatePath)} />{' '}
          <button type="button" className="button quiet small" onClick={() => void attempt(() => clearTemplate())}>
            Use generated form
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="button"
          title="Choose your copy of the official blank self-assessment form (.docx); Word form exports fill it in"
          onClick={() => void attempt(() => chooseTemplate())}
        >
          Use official form…
        </button>
      )}
      <button
        type="button"
        className="button"
        disabled={busyReminders}
        onClick={() => void attempt(() => exportReminders(assessmentId, organisation))}
      >
        {busyReminders ? 'Writing reminders…' : 'Calendar reminders…'}
      </button>
      <button
        type="button"
        className="button"
        disabled={writingAttestation}
        onClick={() => void attempt(() => exportAttestation(assessmentId, organisation))}
      >
        {writingAttestation ? 'Writing the attestation…' : 'Export attestation (CycloneDX)…'}
      </button>
      {canSign ? (
        <button type="button" className="button primary" onClick={() => go({ name: 'sign', assessmentId })}>
          <Icon name="pen" /> Sign and export
        </button>
      ) : null}
    </>
  );
}
