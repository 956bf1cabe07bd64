import * as z from 'zod/mini';
import { optionalText } from '@/lib/url-state';

/** The article's address: `/news/:id?page=N` (pages 1..N shown); the view clamps N to the article's pages. */
export const articleUrlSchema = z.object({ page: optionalText });
