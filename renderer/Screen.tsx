import type { Route } from './stores/navigation';
import { useSession } from './stores/session';
import { CompareScreen } from './screens/compare/CompareScreen';
import { ImportScreen } from './screens/import/ImportScreen';
import { ContributionsScreen } from './screens/contributions/ContributionsScreen';
import { ContributeScreen } from './screens/contributions/ContributeScreen';
import { SignScreen } from './screens/sign/SignScreen';
import { DashboardScreen } from './screens/dashboard/DashboardScreen';
import { LibraryScreen } from './screens/library/LibraryScreen';
import { NewAssessmentScreen } from './screens/new-assessment/NewAssessmentScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { FirstRunProfile } from './screens/start/FirstRunProfile';
import { StartScreen } from './screens/start/StartScreen';
import { WorkspaceScreen } from './screens/workspace/WorkspaceScreen';

/**
 * The screen for a route. Until the user has said who they are, the first-run profile step;
 * anything that needs a database shows the start page until one is open.
 */
export function Screen({ route }: { readonly route: Route }) {
  const dbPath = useSession((s) => s.dbPath);
  const needsProfile = useSession((s) => s.settings !== null && s.settings.profile === null);
  if (needsProfile) return <FirstRunProfile />;
  if (!dbPath && route.name !== 'settings') return <StartScreen />;
  switch (route.name) {
    case 'start':
      return <StartScreen />;
    case 'new-assessment':
      return <NewAssessmentScreen />;
    case 'workspace':
      return <WorkspaceScreen assessmentId={route.assessmentId} claimId={route.claimId} />;
    case 'dashboard':
      return <DashboardScreen assessmentId={route.assessmentId} />;
    case 'sign':
      return <SignScreen assessmentId={route.assessmentId} />;
    case 'contributions':
      return <ContributionsScreen assessmentId={route.assessmentId} />;
    case 'import':
      return <ImportScreen />;
    case 'contribute':
      return <ContributeScreen />;
    case 'compare':
      return <CompareScreen />;
    case 'library':
      return <LibraryScreen />;
    case 'settings':
      return <SettingsScreen />;
    default:
      return <StartScreen />;
  }
}
