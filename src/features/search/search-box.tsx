import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { Button } from '@/components/button';
import { TextField } from '@/components/text-field';
import { MAX_SEARCH_QUERY_LENGTH } from '@/contract/search';

interface Props {
  draft: string;
  onDraftChange: (text: string) => void;
  onSubmit: () => void;
  /** Length of the query in the address (it may be too long even when the box is not). */
  committedLength: number;
  /** The address's other parameters (filters, sort), sent again with a new query when the form is submitted
   * without the app (scripts off, a failed bundle). */
  keep?: URLSearchParams;
}

/** The search view's own box; "/" focuses it from anywhere (components/header-search). */
export function SearchBox({ draft, onDraftChange, onSubmit, committedLength, keep }: Props) {
  const inputRef = useRef<HTMLInputElement>(null);
  const draftLength = draft.trim().length;
  const tooLong = Math.max(draftLength, committedLength) > MAX_SEARCH_QUERY_LENGTH;

  // Arriving from the header's search box: keep typing here.
  const focusOnArrival = (useLocation().state as { focusSearch?: boolean } | null)?.focusSearch === true;
  useEffect(() => {
    if (focusOnArrival) inputRef.current?.focus();
  }, [focusOnArrival]);

  return (
    <form
      role="search"
      aria-label="News Search"
      className="search-box"
      // Without the app the form itself asks for /search?q= (the server renders the results); with it, the view
      // follows the box.
      action="/search"
      method="get"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <TextField
        ref={inputRef}
        name="q"
        label="Search the archive"
        labelClassName="search-box__label"
        type="search"
        data-search-box="view"
        value={draft}
        autoComplete="off"
        enterKeyHint="search"
        aria-keyshortcuts="/"
        aria-invalid={draftLength > MAX_SEARCH_QUERY_LENGTH || undefined}
        error={
          tooLong
            ? `Your search is ${Math.max(draftLength, committedLength)} characters long; searches are limited to ${MAX_SEARCH_QUERY_LENGTH}. Shorten it to see results.`
            : null
        }
        errorAlert
        hint="Results appear as you type; every word must match. Press / to come back to this box."
        addon={<Button type="submit">Search</Button>}
        onChange={(event) => onDraftChange(event.target.value)}
      />
      {[...(keep ?? [])].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </form>
  );
}
