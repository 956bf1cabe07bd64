import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { prefetchFirstView } from '@/app/prefetch-feed';
import { createQueryClient } from '@/app/query-client';
import { keyHistoryEntries } from '@/lib/scroll-restoration';
import '@/app/app.css';

keyHistoryEntries(); // before the router reads the first entry
const queryClient = createQueryClient();
await prefetchFirstView(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
