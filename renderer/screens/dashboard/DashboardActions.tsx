import { Icon } from '../../components/Icon';
import { attempt } from '../../stores/announcer';
import { useFormExport } from '../../stores/form-export';
import { useNavigation } from '../../stores/navigation';

export function DashboardActions({ assessmentId, organisation, canSign }: { readonly assessmentId: string; readonly organisation: string; readonly canSign: boolean }) {
  const { busy, exportForm } = useFormExport();
  const go = useNavigation((s) => s.go);
  return (
    <>
      <button type="button" className="button" disabled={busy} onClick={() => void attempt(() => exportForm(assessmentId, organisation))}>
        {busy ? 'Writing the form…' : 'Export Word form…'}
      </button>
      {canSign ? (
        <button type="button" className="button primary" onClick={() => go({ name: 'sign', assessmentId })}>
          <Icon name="pen" /> Sign and export
        </button>
      ) : null}
    </>
  );
}
