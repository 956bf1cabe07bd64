import { NavLink, Outlet, useLocation } from 'react-router';
import { DisplayMenu } from '@/components/display-menu';
import { ErrorBoundary } from '@/components/error-boundary';
import { HeaderSearch } from '@/components/header-search';
import { OfflineNotice } from '@/components/offline-notice';
import { StableNavigateProvider } from '@/components/plain-link';
import { ShortcutsHelp } from '@/components/shortcuts-help';
import { useHistoryTrail } from '@/lib/history-trail';
import { useScrollRestoration } from '@/lib/scroll-restoration';
import { MainNav } from './main-nav';
import { ServiceWorkerSlot } from './service-worker-slot';

export function RootLayout() {
  const location = useLocation();
  useScrollRestoration();
  useHistoryTrail();
  return (
    <StableNavigateProvider>
      <ShortcutsHelp>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            {/* The visible words are the link's whole name (WCAG label in name): "Agency News". */}
            <NavLink to="/" className="brand">
              Agency <span>News</span>
            </NavLink>
            <MainNav />
            <HeaderSearch />
            <DisplayMenu />
          </div>
        </header>
        <OfflineNotice />
        <ServiceWorkerSlot />
        <main id="main" className="site-main" tabIndex={-1}>
          {/* Keyed by path so an error in one view is cleared by navigating to another. */}
          <ErrorBoundary key={location.pathname}>
            <Outlet />
          </ErrorBoundary>
        </main>
        <footer className="site-footer">
          <p>
            Sample news written for this demo. Times are in the agency's zone unless you choose yours under Display.
          </p>
        </footer>
      </ShortcutsHelp>
    </StableNavigateProvider>
  );
}
