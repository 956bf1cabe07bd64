import { Link } from 'react-router';
import { useUrlState } from '@/lib/use-url-state';
import { searchHref, searchUrlSchema } from './search-url';

/**
 * "Did you mean …?" under a search that found nothing: the server's correction, made of the archive's own words
 * and known to find something, as a link to the same search (topics, dates, sort) with the corrected words.
 */
export function DidYouMean({ suggestion }: { suggestion: string | null }) {
  const [state] = useUrlState(searchUrlSchema);
  if (!suggestion) return null;
  return (
    <p className="did-you-mean">
      Did you mean “<Link to={searchHref(state, suggestion)}>{suggestion}</Link>”?
    </p>
  );
}
