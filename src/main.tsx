import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import '@/app/app.css';

// Give the page's first history entry a key of its own, as React Router's ScrollRestoration does (otherwise it is
// "default" on every visit): per-entry memories such as scroll position and expanded items then never leak from one
// visit to the next, and still come back on reload or Back.
if (!window.history.state?.key) {
  window.history.replaceState({ ...window.history.state, key: Math.random().toString(36).slice(2, 10) }, '');
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
