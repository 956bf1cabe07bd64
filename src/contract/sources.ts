// Where stories come from, as the API lists them (GET /sources) and as filters name them. A source's id is a slug of
// its name (the backend makes it: src/backend/source-ids.ts); stories without a source go under NO_SOURCE_ID, which
// filters name like any other source.
import * as v from 'valibot';
import { isSlug } from './news.ts';

/** The id filters use for stories that carry no source (the sample and generated stories, the agency's own). */
export const NO_SOURCE_ID = 'none';

const count = v.pipe(
  v.number(),
  v.check((n) => Number.isInteger(n) && n >= 0, 'must be a whole number'),
);

const sourceWithCountSchema = v.object({
  id: v.pipe(v.string(), v.check(isSlug, 'must match [a-z0-9-]+')),
  name: v.pipe(
    v.string(),
    v.check((s) => s.trim().length > 0, 'must not be empty'),
  ),
  count,
});

/** GET /sources: every named source with its number of stories, and how many stories have none. */
export const sourcesResponseSchema = v.object({ sources: v.array(sourceWithCountSchema), unsourced: count });

export type SourceWithCount = v.InferOutput<typeof sourceWithCountSchema>;
export type SourcesResponse = v.InferOutput<typeof sourcesResponseSchema>;
