import * as v from 'valibot';
import { optionalText } from '@/lib/url-state';

/** The article's address: `/news/:id?page=N` (pages 1..N shown); the view clamps N to the article's pages. */
export const articleUrlSchema = v.object({ page: optionalText });
