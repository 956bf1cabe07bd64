import * as v from 'valibot';
import { isSlug } from '@/contract/news';
import { commaList } from '@/lib/url-state';

/**
 * The feed's address: `/?topics=politics,economy`, and its sources `&sources=bbc-news,tass` (only these) or
 * `&excludeSources=none` (all but these). Null: the address names no such filter.
 */
export const feedUrlSchema = v.object({
  topics: commaList(isSlug),
  sources: commaList(isSlug),
  excludeSources: commaList(isSlug),
});
