// The search view's whole state lives in the address: /search?q=&topics=&sources=&from=&to=&sort=, so a search can be
// shared, reloaded and reached with Back. Dates and topics are kept as written: the view explains bad ones.
import * as v from 'valibot';
import { SEARCH_SORTS } from '@/contract/search';
import { commaList, optionalText, writeUrlState, type UrlState } from '@/lib/url-state';

export const searchUrlSchema = v.object({
  /** As typed (untrimmed); the search uses it trimmed. */
  q: v.fallback(v.string(), ''),
  topics: commaList((id) => id !== ''),
  /** Any of these sources (ids from GET /sources). */
  sources: commaList((id) => id !== ''),
  from: optionalText,
  to: optionalText,
  sort: v.fallback(v.picklist(SEARCH_SORTS), 'relevance'),
  /** "off" after "search instead for …": the words exactly as typed, no look-alikes. */
  typos: v.fallback(v.picklist(['on', 'off']), 'on'),
});

export type SearchUrlState = UrlState<typeof searchUrlSchema.entries>;

/** The link to the same search with another query, e.g. a recent search (look-alikes allowed unless `exact`). */
export function searchHref(state: SearchUrlState, q: string, { exact = false } = {}): string {
  return `?${writeUrlState(searchUrlSchema, { ...state, q: q.trim(), typos: exact ? 'off' : 'on' }).toString()}`;
}
