// The views' links. On wide screens a row in the header; on phones they fold behind a "Menu" button so the header
// stays one compact row (app.css), and choosing a link, Escape or a press elsewhere closes the list again.
import { useCallback, useId, useRef, useState } from 'react';
import { NavLink } from 'react-router';
import { VisuallyHidden } from '@/components/visually-hidden';
import { useDismissable } from '@/lib/use-dismissable';
import '@/components/header-button.css';

const LINKS = [
  { to: '/', label: 'All news', end: true },
  { to: '/search', label: 'Search' },
  { to: '/converter', label: 'Currency converter' },
  { to: '/saved', label: 'Saved' },
];

const linkClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'nav-link nav-link--active' : 'nav-link');

export function MainNav() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismissable(open, close, root, button);

  return (
    <nav ref={root} aria-label="Main" className={open ? 'main-nav main-nav--open' : 'main-nav'}>
      <button
        ref={button}
        type="button"
        className="header-button main-nav__button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path d="M4 6h16M4 12h16M4 18h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <VisuallyHidden>Menu</VisuallyHidden>
      </button>
      <ul id={listId} className="nav-list">
        {LINKS.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end} className={linkClass} onClick={close}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
