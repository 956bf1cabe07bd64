// The header's search box (on the feed's first load, so it stays tiny): submits to /search?q=..., and "/"
// anywhere focuses the page's search box (this one, or the search view's own box on /search).
import { useEffect, useId } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { VisuallyHidden } from './visually-hidden';
import './header-search.css';

const TEXT_ENTRY = /^(TEXTAREA|SELECT)$/;
const NOT_TEXT_INPUT = /^(checkbox|radio|button|submit|reset|range|color|file|image)$/;

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || TEXT_ENTRY.test(target.tagName)) return true;
  return target instanceof HTMLInputElement && !NOT_TEXT_INPUT.test(target.type);
}

export function HeaderSearch() {
  const id = useId();
  const navigate = useNavigate();
  const onSearchPage = useLocation().pathname === '/search';

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTypingTarget(event.target)) return;
      const box = document.querySelector<HTMLInputElement>('input[data-search-box]');
      if (!box) return;
      event.preventDefault();
      box.focus();
      box.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  // The search view has its own, larger box.
  if (onSearchPage) return null;
  return (
    <form
      role="search"
      className="header-search"
      onSubmit={(event) => {
        event.preventDefault();
        const input = event.currentTarget.elements.namedItem('q') as HTMLInputElement;
        const q = input.value.trim();
        navigate(q ? `/search?q=${encodeURIComponent(q)}` : '/search', { state: { focusSearch: true } });
        input.value = '';
      }}
    >
      <label htmlFor={id}>
        <VisuallyHidden>Search news</VisuallyHidden>
      </label>
      <input
        id={id}
        name="q"
        type="search"
        placeholder="Search news (press /)"
        data-search-box=""
        aria-keyshortcuts="/"
      />
      <button type="submit">Search</button>
    </form>
  );
}
