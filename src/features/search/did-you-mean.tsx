import { Link } from 'react-router';

/**
 * "Did you mean …?" under a search that found nothing: the server's correction, made of the archive's own words
 * and known to find something, as a link to the same search (topics, dates, sort) with the corrected words.
 */
export function DidYouMean({
  suggestion,
  hrefForQuery,
}: {
  suggestion: string | null;
  hrefForQuery: (q: string) => string;
}) {
  if (!suggestion) return null;
  return (
    <p className="did-you-mean">
      Did you mean “<Link to={hrefForQuery(suggestion)}>{suggestion}</Link>”?
    </p>
  );
}
