import { call } from '../../ipc/client';
import { attempt } from '../../stores/announcer';
import { useSession } from '../../stores/session';

/** Where packs and forms are offered to be saved by default. */
export function FoldersSection() {
  const folder = useSession((s) => s.settings?.defaultExportFolder ?? null);
  const updateSettings = useSession((s) => s.updateSettings);
  const choose = async () => {
    const { path } = await call('dialogs.chooseFolder', {});
    if (path) await updateSettings({ defaultExportFolder: path });
  };
  return (
    <section className="card card-body section" aria-labelledby="folders-heading">
      <h2 id="folders-heading">Folders</h2>
      <div className="field">
        <span className="field-label">Save packs and forms in</span>
        <div className="button-row">
          <span className="mono">{folder ?? 'Ask each time'}</span>
          <button type="button" className="button small" onClick={() => void attempt(choose)}>
            Choose folder…
          </button>
          {folder ? (
            <button
              type="button"
              className="button small quiet"
              onClick={() => void attempt(() => updateSettings({ defaultExportFolder: null }))}
            >
              Ask each time
            </button>
          ) : null}
        </div>
      </div>
    </section>
  );
}
