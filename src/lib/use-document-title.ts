import { useEffect } from 'react';
import { nameServerPage } from './rendered-with';

const APP_NAME = 'Agency News';

/** Sets the tab title for the current view: "<title> — Agency News". */
export function useDocumentTitle(title: string | null | undefined): void {
  // The server puts the title into the page's <head> (effects do not run there).
  if (typeof document === 'undefined' && title) nameServerPage(`${title} — ${APP_NAME}`);
  useEffect(() => {
    if (title) document.title = `${title} — ${APP_NAME}`;
  }, [title]);
}
