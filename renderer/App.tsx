import { useEffect } from 'react';
import { ErrorBanner } from './components/ErrorBanner';
import { Sidebar } from './components/Sidebar';
import { StatusBar } from './components/StatusBar';
import { ShortcutsHelp } from './components/ShortcutsHelp';
import { useFocusRecovery } from './hooks/useFocusRecovery';
import { useMenuCommands } from './hooks/useMenuCommands';
import { useShortcuts } from './hooks/useShortcuts';
import { useSaveBeforeClose } from './hooks/useSaveBeforeClose';
import { useTheme } from './hooks/useTheme';
import { useDateStyle } from './format/dates';
import { attempt } from './stores/announcer';
import { useNavigation } from './stores/navigation';
import { useSession } from './stores/session';
import { Screen } from './Screen';

export function App() {
  const ready = useSession((s) => s.ready);
  const init = useSession((s) => s.init);
  const route = useNavigation((s) => s.route);
  const dbPath = useSession((s) => s.dbPath);
  const routeKey = `${route.name}:${'assessmentId' in route ? route.assessmentId : ''}:${dbPath ?? ''}`;
  // Dates are formatted while rendering in the format chosen in Settings: a change re-renders
  // the page, so every date shown follows it at once.
  useDateStyle();
  useTheme();
  useMenuCommands();
  useSaveBeforeClose();
  useShortcuts();
  useFocusRecovery();

  useEffect(() => {
    void attempt(init);
  }, [init]);

  // Move focus to the new page's heading, so keyboard and screen-reader users start there:
  // on another screen, another assessment, or another database.
  // A screen that loads first gets its heading later: wait for it, unless focus went elsewhere.
  useEffect(() => {
    const title = document.getElementById('page-title');
    if (title) {
      title.focus({ preventScroll: true });
      return;
    }
    const observer = new MutationObserver(() => {
      const late = document.getElementById('page-title');
      if (!late) return;
      observer.disconnect();
      if (!document.activeElement || document.activeElement === document.body) late.focus({ preventScroll: true });
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [routeKey]);

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
      <ShortcutsHelp />
    </div>
  );
}
