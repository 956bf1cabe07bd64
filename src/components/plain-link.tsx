// Links for long lists. React Router's <Link> reads the current location, so every link re-renders on every
// address change, memoized list items included (measured: a topic toggle re-rendered every link on the page).
// These links navigate through one stable function provided by the shell, so they render only when their props do.
import {
  createContext,
  useCallback,
  useContext,
  useLayoutEffect,
  useRef,
  type ComponentProps,
  type ReactNode,
} from 'react';
import { useNavigate } from 'react-router';

type Navigate = (to: string) => void;

// Outside the shell (a component rendered alone) a plain page load still takes the reader there.
const StableNavigate = createContext<Navigate>((to) => window.location.assign(to));

/** Provides one navigate function that never changes identity (mount it once inside the router). */
export function StableNavigateProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const latest = useRef(navigate);
  useLayoutEffect(() => {
    latest.current = navigate;
  });
  const stable = useCallback<Navigate>((to) => {
    // Like <Link>: following a link to the address already shown replaces the entry instead of adding one.
    const here = window.location.pathname + window.location.search + window.location.hash;
    void latest.current(to, { replace: to === here });
  }, []);
  return <StableNavigate.Provider value={stable}>{children}</StableNavigate.Provider>;
}

/** Same-tab clicks without modifier keys are the app's to handle; the rest (new tab, download...) the browser's. */
function isPlainClick(event: React.MouseEvent<HTMLAnchorElement>): boolean {
  return (
    event.button === 0 &&
    !event.defaultPrevented &&
    !event.metaKey &&
    !event.altKey &&
    !event.ctrlKey &&
    !event.shiftKey &&
    (!event.currentTarget.target || event.currentTarget.target === '_self')
  );
}

/** An in-app link to an absolute path (`/news/abc`, `/?topics=world`) that does not watch the address. */
export function PlainLink({ to, onClick, ...props }: Omit<ComponentProps<'a'>, 'href'> & { to: string }) {
  const navigate = useContext(StableNavigate);
  return (
    <a
      {...props}
      href={to}
      onClick={(event) => {
        onClick?.(event);
        if (!isPlainClick(event)) return;
        event.preventDefault();
        navigate(to);
      }}
    />
  );
}
