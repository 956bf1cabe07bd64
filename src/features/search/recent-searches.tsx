import { Link } from 'react-router';
import { Button } from '@/components/button';
import { useRecentSearchesStore } from '@/stores/recent-searches-store';

/** The empty search page: the reader's recent searches (kept on this device), each removable. */
export function RecentSearches({ hrefFor }: { hrefFor: (q: string) => string }) {
  const searches = useRecentSearchesStore((s) => s.searches);
  const remove = useRecentSearchesStore((s) => s.remove);
  const clear = useRecentSearchesStore((s) => s.clear);

  return (
    <section className="recent-searches" aria-labelledby="recent-searches-title">
      <h2 id="recent-searches-title">Recent searches</h2>
      {searches.length === 0 ? (
        <p className="search-hint">
          Your searches will be listed here, on this device only. Type a word or two above to start.
        </p>
      ) : (
        <>
          <ul className="recent-searches__list">
            {searches.map((s) => (
              <li key={s.q}>
                <Link to={hrefFor(s.q)}>{s.q}</Link>
                <Button
                  variant="link"
                  className="recent-searches__remove"
                  aria-label={`Remove “${s.q}” from recent searches`}
                  onClick={() => remove(s.q)}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
          <Button variant="quiet" onClick={clear}>
            Clear all recent searches
          </Button>
        </>
      )}
    </section>
  );
}
