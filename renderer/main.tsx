import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Global styles first; each screen's and component's own stylesheet comes in with its module
// (App's imports); the rules shared by several screens, then reflow, come after them all.
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import { App } from './App';
import { initJobTracking } from './ipc/job-tracker';
import './styles/screens.css';
import './styles/reflow.css';

initJobTracking();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
