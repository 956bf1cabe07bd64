// Whether the browser is online, as TanStack Query's onlineManager knows it (started from navigator.onLine in
// query-client.ts, kept in step by the browser's online/offline events). Rendered on a server: online.
import { onlineManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => onlineManager.subscribe(onChange);
const isOnline = () => onlineManager.isOnline();

export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, isOnline, () => true);
}
