import { useEffect } from 'react';

const APP_NAME = 'Agency News';

/** Sets the tab title for the current view: "<title> — Agency News". */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} — ${APP_NAME}`;
  }, [title]);
}
