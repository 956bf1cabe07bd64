import * as v from 'valibot';
import { isSlug } from '@/contract/news';
import { commaList } from '@/lib/url-state';

/** A feed cursor as the API makes them (opaque, URL-safe); anything else in the address is ignored. */
const cursor = v.fallback(
  v.pipe(
    v.string(),
    v.transform((raw): string | null => (/^[A-Za-z0-9_-]{1,400}$/.test(raw) ? raw : null)),
  ),
  null,
);

/**
 * The feed's address: `/?topics=politics,economy`, and its sources `&sources=bbc-news,tass` (only these) or
 * `&excludeSources=none` (all but these). Null: the address names no such filter. `before`: the list starts after
 * this cursor (the "Older stories" link, which works without JavaScript).
 */
export const feedUrlSchema = v.object({
  topics: commaList(isSlug),
  sources: commaList(isSlug),
  excludeSources: commaList(isSlug),
  before: cursor,
});
