import { useNavigation } from '../../stores/navigation';

/** After an import, opens what it made in the workspace. */
export function OpenImportedButton({ assessmentId }: { readonly assessmentId: string }) {
  const go = useNavigation((s) => s.go);
  return (
    <button type="button" className="button small" onClick={() => go({ name: 'workspace', assessmentId, claimId: null })}>
      Open it
    </button>
  );
}
