import { hydrate } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { keepAnswersSentWithPage } from '@/api/answers-for-service-worker';
import { App } from '@/app/app';
import { readPageState } from '@/app/page-state';
import { prefetchFirstView } from '@/app/prefetch-feed';
import { createQueryClient } from '@/app/query-client';
import { renderedWith } from '@/lib/rendered-with';
import { keyHistoryEntries } from '@/lib/scroll-restoration';
import { keepChoicesCookie, renderWithChoices } from '@/stores/choices-cookie';
import '@/app/app.css';

keyHistoryEntries(); // before the router reads the first entry
keepChoicesCookie();
const queryClient = createQueryClient();
const root = document.getElementById('root')!;
const app = (
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>
);
const pageState = readPageState();

if (pageState) {
  // A page the server rendered: the same data, clock and zone, so hydration renders the same HTML, without asking
  // for anything again.
  renderedWith.at = pageState.at;
  renderedWith.timeZone = pageState.zone ?? undefined;
  if (pageState.choices) renderWithChoices(pageState.choices);
  hydrate(queryClient, pageState.queries);
  keepAnswersSentWithPage(pageState.answered.map((path) => new URL(path, window.location.href).href));
  hydrateRoot(root, app, {
    // A reader whose choices on this device differ from what the server knew (kept before the cookie existed, or
    // not in it): the browser renders the page afresh, which is correct, only slower.
    onRecoverableError: (error) => console.warn('The page was rendered again in the browser:', error),
  });
} else {
  await prefetchFirstView(queryClient);
  createRoot(root).render(app);
}
