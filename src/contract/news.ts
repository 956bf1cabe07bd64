// Wire formats of the news API. The embedded backend validates its data files with these same schemas, so client and
// server never disagree.
import * as v from 'valibot';
import { isDayKey } from './day-key.ts';

/** Topic and article ids: lower-case letters, digits and hyphens. */
export const isSlug = (value: string): boolean => /^[a-z0-9-]+$/.test(value);
const slug = v.pipe(v.string(), v.check(isSlug, 'must match [a-z0-9-]+'));
export const topicIdSchema = slug;
const articleIdSchema = slug;
const nonEmptyText = v.pipe(
  v.string(),
  v.check((s) => s.trim().length > 0, 'must not be empty'),
);
const ISO_WITH_OFFSET = /^(\d{4}-\d\d-\d\d)T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;
/** A real instant: "2026-02-30T10:00:00+03:00" is refused (Date.parse would read it as March 2). */
export const isIsoDateTime = (value: string): boolean => {
  const match = ISO_WITH_OFFSET.exec(value);
  return match !== null && isDayKey(match[1]!) && !Number.isNaN(Date.parse(value));
};
const isoWithOffset = v.pipe(v.string(), v.check(isIsoDateTime, 'must be a real ISO 8601 date-time with offset'));
const nonEmptyArray = <T extends v.GenericSchema>(item: T, message: string) =>
  v.pipe(
    v.array(item),
    v.check((list) => list.length > 0, message),
  );
const count = v.pipe(
  v.number(),
  v.check((n) => Number.isInteger(n) && n >= 0, 'must be a whole number'),
);

const linkSchema = v.object({
  title: nonEmptyText,
  source: nonEmptyText,
  url: v.string(),
});

const isHttpUrl = (value: string): boolean => {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
};
const httpUrl = v.pipe(v.string(), v.check(isHttpUrl, 'must be an http(s) URL'));
const dimension = v.pipe(
  v.number(),
  v.check((n) => Number.isInteger(n) && n > 0 && n <= 20_000, 'must be a whole number of pixels'),
);

/** Where an imported story came from: the feed's title and its site. */
const sourceSchema = v.object({ name: nonEmptyText, url: v.optional(httpUrl) });

/** The address the API gives a photo on the wire: its image proxy's signed, same-origin path
 * (src/backend/http/image-proxy.ts). */
const IMAGE_PROXY_PATH = /^\/api\/images\/[\w-]+\/[\w-]+$/;

/** A story's photo. `url` is the original (http(s); for credits and links, never loaded by the app); `src` is where
 * the app loads it from: the API's image proxy, so readers' addresses never reach the photo's host. */
const imageSchema = v.object({
  url: httpUrl,
  src: v.optional(v.pipe(v.string(), v.regex(IMAGE_PROXY_PATH, 'must be a path under /api/images/'))),
  alt: v.optional(v.string()),
  credit: v.optional(v.string()),
  width: v.optional(dimension),
  height: v.optional(dimension),
});

const articleFields = {
  id: articleIdSchema,
  title: nonEmptyText,
  lead: v.string(),
  publishedAt: isoWithOffset,
  dateline: v.optional(v.string()),
  topics: nonEmptyArray(topicIdSchema, 'needs at least one topic'),
  related: v.optional(v.array(articleIdSchema)),
  otherMedia: v.optional(v.array(linkSchema)),
  partnerNews: v.optional(v.array(linkSchema)),
  /** Imported stories: the story's own page ("Read at <source>"), its source, its photo. A malformed link, photo or
   * source is dropped, never the story. */
  url: v.fallback(v.optional(httpUrl), undefined),
  source: v.fallback(v.optional(sourceSchema), undefined),
  image: v.fallback(v.optional(imageSchema), undefined),
  /** True when the feed gave no date: publishedAt is when the story was first seen. */
  undated: v.optional(v.boolean()),
};

const pageSchema = nonEmptyArray(v.string(), 'a page needs at least one paragraph');

export const articleSchema = v.object({
  ...articleFields,
  pages: nonEmptyArray(pageSchema, 'needs at least one page'),
});

export const articleSummarySchema = v.object({
  ...articleFields,
  pageCount: count,
  wordCount: count,
});

/** /articles/:id/neighbours: a malformed neighbour is left out (null), the other is kept. */
export const neighboursSchema = v.object({
  newer: v.fallback(v.nullable(articleSummarySchema), null),
  older: v.fallback(v.nullable(articleSummarySchema), null),
});

export const topicSchema = v.object({ id: topicIdSchema, name: nonEmptyText });
const topicWithCountSchema = v.object({ id: topicIdSchema, name: nonEmptyText, count });
export const topicsResponseSchema = v.object({ topics: v.array(topicWithCountSchema) });

export const apiErrorSchema = v.object({
  error: v.object({ code: v.string(), message: v.string() }),
});

export type Topic = v.InferOutput<typeof topicWithCountSchema>;
export type TopicRecord = v.InferOutput<typeof topicSchema>;
export type Article = v.InferOutput<typeof articleSchema>;
export type ArticleSummary = v.InferOutput<typeof articleSummarySchema>;
export type StorySource = v.InferOutput<typeof sourceSchema>;
export type StoryImage = v.InferOutput<typeof imageSchema>;
export type ExternalLink = v.InferOutput<typeof linkSchema>;
