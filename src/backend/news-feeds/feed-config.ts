// Which feeds to read (NEWS_FEEDS, or `news:import --feeds FILE`): a comma-separated list of feed URLs, or the path
// of a JSON file of FeedConfig records. Every problem is reported with the entry and field, never a stack trace.
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { isSlug } from '../../contract/news.ts';
import { check, describeProblems } from '../../contract/validate.ts';

const isHttpUrl = (value: string): boolean => {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
};

const topicId = v.pipe(v.string(), v.check(isSlug, 'must be a topic id ([a-z0-9-]+)'));

const feedConfigSchema = v.strictObject({
  url: v.pipe(v.string(), v.check(isHttpUrl, 'must be an http(s) URL')),
  /** Shown as the stories' source instead of the feed's own title; also names the stories' ids. */
  name: v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'))),
  /** The feed's categories (any case) mapped to topic ids. */
  topics: v.optional(v.record(v.string(), topicId)),
  /** The topic of stories whose categories map to none (default "world"). */
  defaultTopic: v.optional(topicId),
  /** Fetch each story's page for its full text (the server's poller does). */
  fullText: v.optional(v.boolean()),
});

export type FeedConfig = v.InferOutput<typeof feedConfigSchema>;

export class FeedConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedConfigError';
  }
}

/** The records of a feeds file's JSON text; `source` names the file in messages. */
export function parseFeedConfigJson(text: string, source: string): FeedConfig[] {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new FeedConfigError(`${source}: is not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(json)) {
    throw new FeedConfigError(`${source}: expected a JSON array of feeds, e.g. [{"url": "https://example.com/rss"}]`);
  }
  if (json.length === 0) throw new FeedConfigError(`${source}: lists no feeds`);
  const feeds = json.map((entry, index) => {
    const result = check(feedConfigSchema, entry);
    if (!result.ok) throw new FeedConfigError(`${source}: feed ${index}: ${describeProblems(result.problems)}`);
    return result.value;
  });
  const seen = new Set<string>();
  feeds.forEach(({ url }, index) => {
    if (seen.has(url)) throw new FeedConfigError(`${source}: feed ${index}: ${url} is listed twice`);
    seen.add(url);
  });
  return feeds;
}

/** A feeds file read and checked. */
export function readFeedConfigFile(file: string): FeedConfig[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new FeedConfigError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseFeedConfigJson(text, file);
}

/**
 * NEWS_FEEDS: "https://a/rss, https://b/atom" or the path of a feeds file. Empty or unset: no feeds. A value that
 * is neither a list of http(s) URLs nor a readable file is refused with what was expected.
 */
export function parseNewsFeedsSetting(
  value: string | undefined,
  readFile: (file: string) => FeedConfig[] = readFeedConfigFile,
): FeedConfig[] {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return [];
  if (!/^https?:\/\//i.test(trimmed)) {
    try {
      return readFile(trimmed);
    } catch (error) {
      if (error instanceof FeedConfigError) throw new FeedConfigError(`NEWS_FEEDS: ${error.message}`);
      throw error;
    }
  }
  const urls = trimmed
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  const bad = urls.find((url) => !isHttpUrl(url));
  if (bad !== undefined) {
    throw new FeedConfigError(
      `NEWS_FEEDS: "${bad}" is not an http(s) URL (give comma-separated feed URLs, or the path of a JSON feeds file)`,
    );
  }
  return [...new Set(urls)].map((url) => ({ url }));
}
