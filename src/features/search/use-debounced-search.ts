// The search box and the address: the box follows the address (Back, a recent search, a link), and the address
// follows the box once the reader pauses typing, so each pause costs one request.
import { useCallback, useEffect, useState } from 'react';
import { foldWord } from '@/contract/words';

/** Typing pauses this long before the address (and so the search) follows the box. */
const SEARCH_DEBOUNCE_MS = 300;

/** A query that extends or shortens the current one replaces its history entry; a new one adds an entry. */
function isRefinement(previous: string, next: string): boolean {
  if (!previous || !next) return false;
  const [a, b] = [foldWord(previous), foldWord(next)];
  return a.startsWith(b) || b.startsWith(a);
}

/** `q` is the address's (trimmed) query; `commit(next, { replace })` writes a new one to the address. */
export function useDebouncedSearch(q: string, commit: (next: string, options: { replace: boolean }) => void) {
  const [draft, setDraft] = useState(q);
  const [seenQ, setSeenQ] = useState(q);
  if (seenQ !== q) {
    // The address changed: show its query, unless it is what is being typed.
    setSeenQ(q);
    if (draft.trim() !== q) setDraft(q);
  }
  const commitDraft = useCallback((next: string) => commit(next, { replace: isRefinement(q, next) }), [q, commit]);
  useEffect(() => {
    const next = draft.trim();
    if (next === q) return;
    const timer = setTimeout(() => commitDraft(next), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, q, commitDraft]);

  return {
    draft,
    setDraft,
    /** True while the box holds words the address does not have yet. */
    typing: draft.trim() !== q,
    /** Search now (the form was submitted). */
    submit: () => {
      const next = draft.trim();
      if (next !== q) commitDraft(next);
    },
  };
}
