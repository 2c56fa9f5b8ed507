import { PageHeader } from '../../components/PageHeader';
import type { ThemeSetting } from '../../../shared/ipc/views';
import { attempt } from '../../stores/announcer';
import { useSession } from '../../stores/session';
import { AboutSection } from './AboutSection';
import { DatesSection } from './DatesSection';
import { DatabaseSection } from './DatabaseSection';
import { FoldersSection } from './FoldersSection';
import { IdentitiesSection } from './IdentitiesSection';
import { ProfileSection } from './ProfileSection';
import './settings.css';

const THEMES: readonly { value: ThemeSetting; label: string }[] = [
  { value: 'system', label: 'Same as this computer' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Step 8: who you are, signing identities, appearance, folders, and what this app is. */
export function SettingsScreen() {
  const settings = useSession((s) => s.settings);
  const setTheme = useSession((s) => s.setTheme);
  return (
    <div className="page-inner narrow">
      <PageHeader title="Settings" />
      <ProfileSection />
      <IdentitiesSection />
      <section className="card card-body section" aria-labelledby="appearance-heading">
        <h2 id="appearance-heading">Appearance</h2>
        <fieldset>
          <legend>Theme</legend>
          <div className="radio-list">
            {THEMES.map((t) => (
              <label key={t.value} className="checkbox-row">
                <input
                  type="radio"
                  name="theme"
                  value={t.value}
                  checked={settings?.theme === t.value}
                  onChange={() => void attempt(() => setTheme(t.value))}
                />
                <span>{t.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </section>
      <DatesSection />
      <FoldersSection />
      <DatabaseSection />
      <AboutSection />
    </div>
  );
}
