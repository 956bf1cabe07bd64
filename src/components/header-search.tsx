// The header's search box (on the feed's first load, so it stays tiny), the same on every view: submits to
// /search?q=... (a GET form, so it also works without the app: scripts off or a failed bundle), and "/" anywhere focuses the page's search box (the search view's own box on /search, else this one).
import { useEffect, useId } from 'react';
import { useNavigate } from 'react-router';
import { isShortcutEvent } from '@/lib/keyboard';
import { VisuallyHidden } from './visually-hidden';
import './header-search.css';

export function HeaderSearch() {
  const id = useId();
  const navigate = useNavigate();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || !isShortcutEvent(event)) return;
      const box =
        document.querySelector<HTMLInputElement>('input[data-search-box="view"]') ??
        document.querySelector<HTMLInputElement>('input[data-search-box]');
      if (!box) return;
      event.preventDefault();
      box.focus();
      box.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <form
      role="search"
      aria-label="Site"
      className="header-search"
      action="/search"
      method="get"
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
