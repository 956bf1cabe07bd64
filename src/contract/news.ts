// Wire formats of the news API, validated with zod/mini (small enough for the feed's first load).
// The mock API validates its data files with these same schemas, so client and server never disagree.
import * as z from 'zod/mini';
import { isDayKey } from './day-key.ts';

// Only `refine` checks are used: each extra zod check kind adds code to the feed's first load.
/** Topic and article ids: lower-case letters, digits and hyphens. */
export const isSlug = (value: string): boolean => /^[a-z0-9-]+$/.test(value);
const slug = z.string().check(z.refine(isSlug, 'must match [a-z0-9-]+'));
export const topicIdSchema = slug;
const articleIdSchema = slug;
const nonEmptyText = z.string().check(z.refine((s) => s.trim().length > 0, 'must not be empty'));
const ISO_WITH_OFFSET = /^(\d{4}-\d\d-\d\d)T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;
/** A real instant: "2026-02-30T10:00:00+03:00" is refused (Date.parse would read it as March 2). */
export const isIsoDateTime = (value: string): boolean => {
  const match = ISO_WITH_OFFSET.exec(value);
  return match !== null && isDayKey(match[1]!) && !Number.isNaN(Date.parse(value));
};
const isoWithOffset = z.string().check(z.refine(isIsoDateTime, 'must be a real ISO 8601 date-time with offset'));
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
