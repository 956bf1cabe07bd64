// "Display" in the header: a compact button that opens the theme and text-size choices. The choices themselves
// (display-panel.tsx, with the store) are their own chunk, downloaded when the button is hovered, focused or pressed;
// the choices already made are on <html> before the first paint (app/display-boot.ts).
import { Suspense, useCallback, useId, useRef, useState } from 'react';
import { lazyWithRetry } from '@/lib/lazy-with-retry';
import { useDismissable } from '@/lib/use-dismissable';
import { PartBoundary } from './error-boundary';
import './display-menu.css';
import './header-button.css';

const DisplayPanel = lazyWithRetry(() => import('./display-panel'));
const preload = () => void DisplayPanel.preload().catch(() => {});

export function DisplayMenu() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const close = useCallback(() => setOpen(false), []);
  useDismissable(open, close, root, button);

  return (
    <div className="display-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="header-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        onPointerEnter={preload}
        onFocus={preload}
      >
        <svg className="display-menu__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <circle cx="12" cy="12" r="8.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M12 3.5a8.5 8.5 0 0 1 0 17z" fill="currentColor" />
        </svg>
        <span className="display-menu__label">Display</span>
      </button>
      {open && (
        <div id={panelId} className="display-menu__panel" role="group" aria-label="Display">
          <PartBoundary what="The display choices could not be shown.">
            <Suspense fallback={<p className="loading-note">Loading…</p>}>
              <DisplayPanel />
            </Suspense>
          </PartBoundary>
        </div>
      )}
    </div>
  );
}
