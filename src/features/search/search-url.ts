// The search view's whole state lives in the address: /search?q=&topics=&from=&to=&sort=, so a search can be
// shared, reloaded and reached with Back. Dates and topics are kept as written: the view explains bad ones.
import * as z from 'zod/mini';
import { SEARCH_SORTS } from '@/contract/search';
import { commaList, optionalText, writeUrlState, type UrlState } from '@/lib/url-state';

export const searchUrlSchema = z.object({
  /** As typed (untrimmed); the search uses it trimmed. */
  q: z.catch(z.string(), ''),
  topics: commaList((id) => id !== ''),
  from: optionalText,
  to: optionalText,
  sort: z.catch(z.enum(SEARCH_SORTS), 'relevance'),
});

export type SearchUrlState = UrlState<typeof searchUrlSchema.shape>;

/** The link to the same search with another query, e.g. a recent search. */
export function searchHref(state: SearchUrlState, q: string): string {
  return `?${writeUrlState(searchUrlSchema, { ...state, q: q.trim() }).toString()}`;
}
