import { useEffect } from 'react';
import { ErrorBanner } from './components/ErrorBanner';
import { Sidebar } from './components/Sidebar';
import { StatusBar } from './components/StatusBar';
import { useMenuCommands } from './hooks/useMenuCommands';
import { useSaveBeforeClose } from './hooks/useSaveBeforeClose';
import { useTheme } from './hooks/useTheme';
import { attempt } from './stores/announcer';
import { useNavigation } from './stores/navigation';
import { useSession } from './stores/session';
import { Screen } from './Screen';

export function App() {
  const ready = useSession((s) => s.ready);
  const init = useSession((s) => s.init);
  const route = useNavigation((s) => s.route);
  useTheme();
  useMenuCommands();
  useSaveBeforeClose();

  useEffect(() => {
    void attempt(init);
  }, [init]);

  // Move focus to the new page's heading, so keyboard and screen-reader users start there.
  useEffect(() => {
    document.getElementById('page-title')?.focus({ preventScroll: true });
  }, [route.name]);

  return (
    <div className="app">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <Sidebar />
      <div className="main">
        <ErrorBanner />
        <main id="content" className={`page ${route.name === 'workspace' ? 'flush' : ''}`}>
          {ready ? <Screen route={route} /> : <p className="muted">Starting…</p>}
        </main>
        <StatusBar />
      </div>
    </div>
  );
}
