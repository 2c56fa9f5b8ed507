import { ProgressBar } from '../../components/ProgressBar';
import { useImports } from '../../stores/imports';

/** The running import's stage and bar, shown only on the card whose import is running. */
export function ImportProgress({
  kind,
  idleStage,
  label,
}: {
  readonly kind: 'pack' | 'form';
  readonly idleStage: string;
  readonly label: string;
}) {
  const busy = useImports((s) => s.busy);
  const progress = useImports((s) => s.progress);
  if (busy !== kind) return null;
  return (
    <div aria-live="polite">
      <span className="field-label">{progress?.stage ?? idleStage}</span>
      <ProgressBar done={progress?.done ?? 0} total={progress?.total ?? 0} label={label} />
    </div>
  );
}
