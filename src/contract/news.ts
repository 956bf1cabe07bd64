// Wire formats of the news API, validated with zod/mini (small enough for the feed's first load).
// The mock API validates its data files with these same schemas, so client and server never disagree.
import * as z from 'zod/mini';

// Only `refine` checks are used: each extra zod check kind adds code to the feed's first load.
/** Topic and article ids: lower-case letters, digits and hyphens. */
export const isSlug = (value: string): boolean => /^[a-z0-9-]+$/.test(value);
const slug = z.string().check(z.refine(isSlug, 'must match [a-z0-9-]+'));
export const topicIdSchema = slug;
const articleIdSchema = slug;
const nonEmptyText = z.string().check(z.refine((s) => s.trim().length > 0, 'must not be empty'));
const ISO_WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;
const isoWithOffset = z
  .string()
  .check(
    z.refine(
      (s) => ISO_WITH_OFFSET.test(s) && !Number.isNaN(Date.parse(s)),
      'must be an ISO 8601 date-time with offset',
    ),
  );
const nonEmptyArray = <T extends z.ZodMiniType>(item: T, message: string) =>
  z.array(item).check(z.refine((list) => list.length > 0, message));
const count = z.number().check(z.refine((n) => Number.isInteger(n) && n >= 0, 'must be a whole number'));

const linkSchema = z.object({
  title: nonEmptyText,
  source: nonEmptyText,
  url: z.string(),
});

const articleFields = {
  id: articleIdSchema,
  title: nonEmptyText,
  lead: z.string(),
  publishedAt: isoWithOffset,
  dateline: z.optional(z.string()),
  topics: nonEmptyArray(topicIdSchema, 'needs at least one topic'),
  related: z.optional(z.array(articleIdSchema)),
  otherMedia: z.optional(z.array(linkSchema)),
  partnerNews: z.optional(z.array(linkSchema)),
};

const pageSchema = nonEmptyArray(z.string(), 'a page needs at least one paragraph');

export const articleSchema = z.object({
  ...articleFields,
  pages: nonEmptyArray(pageSchema, 'needs at least one page'),
});

export const articleSummarySchema = z.object({
  ...articleFields,
  pageCount: count,
  wordCount: count,
});

export const topicSchema = z.object({ id: topicIdSchema, name: nonEmptyText });
const topicWithCountSchema = z.object({ id: topicIdSchema, name: nonEmptyText, count });
export const topicsResponseSchema = z.object({ topics: z.array(topicWithCountSchema) });

export const articlePageResponseSchema = z.object({
  items: z.array(articleSummarySchema),
  nextCursor: z.nullable(z.string()),
});

export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

export type Topic = z.infer<typeof topicWithCountSchema>;
export type TopicRecord = z.infer<typeof topicSchema>;
export type Article = z.infer<typeof articleSchema>;
export type ArticleSummary = z.infer<typeof articleSummarySchema>;
export type ExternalLink = z.infer<typeof linkSchema>;

/** "pages[0][2]"-style path of a validation issue, for messages people can act on. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
    .join('');
}

export function describeIssues(error: z.core.$ZodError, limit = 3): string {
  return error.issues
    .slice(0, limit)
    .map((issue) => `${formatIssuePath(issue.path) || '(root)'}: ${issue.message}`)
    .join('; ');
}
