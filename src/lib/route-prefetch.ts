// Links start loading the code of the view they lead to on hover or focus. The app shell owns the route table and
// provides the loader, so shared components never import a feature.
import { createContext, useContext } from 'react';

const RoutePrefetch = createContext<(path: string) => void>(() => {});

export const RoutePrefetchProvider = RoutePrefetch.Provider;

/** Starts loading the view that would show `path` (a no-op outside the app shell, e.g. in a lone component). */
export const usePrefetchRoute = () => useContext(RoutePrefetch);
