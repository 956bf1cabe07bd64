import * as v from 'valibot';
import { isSlug } from '@/contract/news';
import { commaList } from '@/lib/url-state';

/** The feed's address: `/?topics=politics,economy` (null: the address names no filter). */
export const feedUrlSchema = v.object({ topics: commaList(isSlug) });
