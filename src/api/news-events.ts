// New stories without waiting for the minute's check: the server's event stream (GET /events, server-sent events)
// says when its stories change, and the checks for stories newer than those shown run at once. The minute's check
// stays as it is, for when the stream cannot be had (an old proxy, a refused stream, a browser without EventSource).
// Offline, the stream is closed (its reconnecting would only fail); it opens again when the browser is back online.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useOnline } from '@/lib/use-online';
import { articleQueries } from './articles';
import { apiUrl } from './http';

/** While `enabled`, listens to the server's news changes and refreshes the "N new stories" checks on each. */
export function useNewsEvents(enabled: boolean): void {
  const queryClient = useQueryClient();
  const online = useOnline();
  useEffect(() => {
    if (!enabled || !online || typeof EventSource === 'undefined') return;
    const source = new EventSource(apiUrl('/events'));
    const refresh = () => void queryClient.invalidateQueries({ queryKey: articleQueries.newerChecks() });
    source.addEventListener('change', refresh);
    return () => {
      source.removeEventListener('change', refresh);
      source.close();
    };
  }, [enabled, online, queryClient]);
}
