// One feed to stories: what `news:import` and the server's poller share. The feed's bytes (or text) become a
// NewsBatch of contract Articles and new topics, with a report; `storeImport` writes a batch through the news port in
// one upsert (topics first, atomic), so a source that fails leaves nothing half-written. Pure but for the lookup of
// stored stories, which keeps an undated story's first-seen time stable across imports.
import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';
import {
  articleSchema,
  type Article,
  type StoryImage,
  type StorySource,
  type TopicRecord,
} from '../../contract/news.ts';
import { check, describeProblems } from '../../contract/validate.ts';
import type { NewsBatch, NewsStorePort, UpsertResult } from '../ports.ts';
import type { FeedConfig } from './feed-config.ts';
import { parseFeedDate, utcIso } from './feed-dates.ts';
import { decodeFeedBytes } from './feed-decoding.ts';
import {
  readFeedDocument,
  type FeedDocument,
  type FeedEntry,
  type FeedFormat,
  type FeedText,
} from './feed-document.ts';
import { htmlToLine, htmlToParagraphs, shorten, textToParagraphs } from './feed-html-text.ts';
import { httpUrlOrUndefined, resolveUrl, withoutTracking } from './story-links.ts';

/** As the sample data: about four paragraphs a page (mock-data/articles.json, src/tools/generate-data.ts). */
const PARAGRAPHS_PER_PAGE = 4;
/** The contract's limits (src/backend/embedded/data-limits.ts): 300 characters of title, 1,000 of lead, 100 pages. */
const MAX_TITLE = 300;
const MAX_LEAD = 1000;
const MAX_PAGES = 100;
/** A story may be dated at most a day ahead (the stores refuse more); a later date is taken as no date. */
const MAX_AHEAD_MS = 24 * 60 * 60 * 1000;
const DEFAULT_TOPIC = 'world';

export interface ImportFeedInput {
  /** The feed as fetched (decoded here by BOM, Content-Type charset or XML declaration)... */
  bytes?: Uint8Array;
  contentType?: string;
  /** ...or as text already. */
  text?: string;
  /** Where the feed was fetched from (the base of relative links); absent for a file. */
  feedUrl?: string;
  /** The source as people named it (a URL or a file path), for the report. */
  source: string;
  config?: Omit<FeedConfig, 'url'>;
  /** The topics stored now. */
  topics: readonly TopicRecord[];
  /** A stored story by id, or null. */
  existing: (id: string) => Promise<Article | null>;
  /** Now, in ms: the first-seen time of undated stories. */
  now: number;
}

type StoryChange = 'new' | 'updated' | 'unchanged';

export interface ImportReport {
  source: string;
  format: FeedFormat;
  /** The name shown as the stories' source. */
  sourceName: string;
  encoding?: string;
  /** Entries in the feed. */
  entries: number;
  /** Stories in the batch, by what storing them changes. */
  changes: Record<StoryChange, number>;
  /** Entries that repeated an earlier one of the same feed (same guid, link or title and date). */
  duplicates: number;
  /** Entries left out, each with why. */
  skipped: string[];
  /** Topics the batch adds. */
  newTopics: TopicRecord[];
  /** Things that were repaired rather than refused (an unknown charset, a date in the future...). */
  warnings: string[];
}

export interface ImportedFeed {
  batch: { topics: TopicRecord[]; articles: Article[] };
  report: ImportReport;
}

const hash = (value: string, length: number) => createHash('sha256').update(value).digest('hex').slice(0, length);

/** A slug of at most `max` characters, or "" when nothing of `text` survives (no Latin transliteration). */
const slugOf = (text: string, max = 40) =>
  slugify(text)
    .slice(0, max)
    .replace(/^-+|-+$/g, '');

const hostOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
};

/** Keys in a fixed order, undefined dropped: two records with the same fields compare equal. */
const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

const paragraphsOf = (text: FeedText | undefined): string[] =>
  !text ? [] : text.html ? htmlToParagraphs(text.value) : textToParagraphs(text.value);

const lineOf = (text: FeedText | undefined): string =>
  !text ? '' : text.html ? htmlToLine(text.value) : text.value.replace(/\s+/g, ' ').trim();

/** Paragraphs in pages of about four, fewer pages never more than the contract's 100. */
export function splitIntoPages(paragraphs: string[]): string[][] {
  const perPage = Math.max(PARAGRAPHS_PER_PAGE, Math.ceil(paragraphs.length / MAX_PAGES));
  const pageCount = Math.max(1, Math.ceil(paragraphs.length / perPage));
  const pages: string[][] = [];
  let next = 0;
  for (let page = 0; page < pageCount; page++) {
    // Balanced like the sample: 10 paragraphs are pages of 4, 3 and 3.
    const take = Math.ceil((paragraphs.length - next) / (pageCount - page));
    pages.push(paragraphs.slice(next, next + take));
    next += take;
  }
  return pages;
}

const validDimension = (n: number | undefined) =>
  n !== undefined && Number.isInteger(n) && n > 0 && n <= 20_000 ? n : undefined;

/** The widest http(s) photo of the entry (tracking pixels left out), with its alt text and credit. */
function pickImage(entry: FeedEntry, base: string | undefined): StoryImage | undefined {
  let best: StoryImage | undefined;
  for (const candidate of entry.images) {
    const url = httpUrlOrUndefined(candidate.url, base);
    if (!url) continue;
    if ((candidate.width ?? 2) <= 1 || (candidate.height ?? 2) <= 1) continue;
    if (best && (candidate.width ?? 0) <= (best.width ?? 0)) continue;
    const alt = candidate.alt && shorten(candidate.alt.replace(/\s+/g, ' ').trim(), 500);
    const credit = candidate.credit && shorten(candidate.credit.replace(/\s+/g, ' ').trim(), 300);
    best = {
      url,
      ...(alt ? { alt } : {}),
      ...(credit ? { credit } : {}),
      ...(validDimension(candidate.width) ? { width: candidate.width } : {}),
      ...(validDimension(candidate.height) ? { height: candidate.height } : {}),
    };
  }
  return best;
}

/** "sports" -> "Sports" for a topic's name; a name written with capitals is kept as written. */
const capitalised = (name: string) =>
  name === name.toLowerCase() ? name.charAt(0).toUpperCase() + name.slice(1) : name;

/** Categories to topic ids: the feed's mapping, then a stored topic by id or name, else a new topic. */
class TopicResolver {
  private readonly byKey = new Map<string, string>();
  private readonly known = new Set<string>();
  readonly created = new Map<string, TopicRecord>();
  private readonly mapping: Map<string, string>;

  constructor(stored: readonly TopicRecord[], config: Omit<FeedConfig, 'url'>) {
    for (const topic of stored) {
      this.known.add(topic.id);
      this.byKey.set(topic.id.toLowerCase(), topic.id);
      if (!this.byKey.has(topic.name.toLowerCase())) this.byKey.set(topic.name.toLowerCase(), topic.id);
    }
    this.mapping = new Map(Object.entries(config.topics ?? {}).map(([category, id]) => [category.toLowerCase(), id]));
    this.defaultTopic = config.defaultTopic ?? DEFAULT_TOPIC;
  }

  private readonly defaultTopic: string;

  private ensure(id: string, name: string): string {
    if (!this.known.has(id) && !this.created.has(id)) {
      this.created.set(id, { id, name });
      this.byKey.set(id, id);
      this.byKey.set(name.toLowerCase(), id);
    }
    return id;
  }

  private resolve(category: string): string {
    const key = category.toLowerCase();
    const mapped = this.mapping.get(key);
    if (mapped) return this.ensure(mapped, capitalised(category));
    const slug = slugOf(category, 60);
    const found = this.byKey.get(key) ?? (slug ? this.byKey.get(slug) : undefined);
    if (found) return found;
    return this.ensure(slug || `topic-${hash(key, 8)}`, capitalised(shorten(category, 80)));
  }

  topicsOf(categories: readonly string[]): string[] {
    const ids = new Set(
      categories
        .map((category) => category.replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .map((category) => this.resolve(category)),
    );
    if (ids.size === 0) {
      ids.add(this.ensure(this.defaultTopic, capitalised(this.defaultTopic.replace(/-/g, ' '))));
    }
    return [...ids];
  }
}

function feedText({ text, bytes, contentType }: ImportFeedInput, warnings: string[]) {
  if (text !== undefined) return { text };
  const decoded = decodeFeedBytes(bytes ?? new Uint8Array(), contentType);
  if (decoded.warning) warnings.push(decoded.warning);
  return { text: decoded.text, encoding: decoded.encoding };
}

/** The name of the stories' source, and the prefix of their ids (stable: not the feed's title when avoidable). */
function sourceOf(document: FeedDocument, input: ImportFeedInput, siteUrl: string | undefined) {
  const host = hostOf(input.feedUrl) ?? hostOf(siteUrl);
  const name = input.config?.name ?? document.title ?? host ?? input.source;
  const prefix = (input.config?.name && slugOf(input.config.name)) || (host && slugOf(host)) || slugOf(name) || 'feed';
  return { name, prefix };
}

/**
 * The stories of one feed as a batch, with what storing it would change. Throws FeedRefused when the source is not a
 * feed; an entry that cannot become a story is left out and named in the report.
 */
export async function importFeed(input: ImportFeedInput): Promise<ImportedFeed> {
  const warnings: string[] = [];
  const { text, encoding } = feedText(input, warnings);
  const document = readFeedDocument(text);
  const config = input.config ?? {};
  const feedBase = resolveUrl(document.base, httpUrlOrUndefined(input.feedUrl) ?? httpUrlOrUndefined(document.siteUrl));
  const siteUrl = httpUrlOrUndefined(document.siteUrl, feedBase);
  const { name: sourceName, prefix } = sourceOf(document, input, siteUrl);
  const source: StorySource = siteUrl ? { name: sourceName, url: siteUrl } : { name: sourceName };
  const resolver = new TopicResolver(input.topics, config);
  const report: ImportReport = {
    source: input.source,
    format: document.format,
    sourceName,
    ...(encoding ? { encoding } : {}),
    entries: document.entries.length,
    changes: { new: 0, updated: 0, unchanged: 0 },
    duplicates: 0,
    skipped: [],
    newTopics: [],
    warnings,
  };
  const articles: Article[] = [];
  const seen = new Set<string>();

  for (const [index, entry] of document.entries.entries()) {
    const label = `entry ${index + 1}`;
    const base = resolveUrl(entry.base, feedBase);
    const link = httpUrlOrUndefined(entry.origLink, base) ?? httpUrlOrUndefined(entry.link, base);
    const url = link && withoutTracking(link);
    const paragraphs = paragraphsOf(entry.content ?? entry.summary);
    const summaryLine = entry.content && entry.summary ? lineOf(entry.summary) : '';
    const title = shorten(lineOf(entry.title) || shorten(paragraphs[0] ?? summaryLine, 120), MAX_TITLE);
    if (!title) {
      report.skipped.push(`${label}: has neither a title nor any text`);
      continue;
    }
    const date = parseFeedDate(entry.dates);
    const identity = entry.guid ? `guid:${entry.guid}` : url ? `link:${url}` : `title:${title}|${entry.dates[0] ?? ''}`;
    const id = `${prefix}-${hash(identity, 12)}`;
    if (seen.has(id)) {
      report.duplicates++;
      continue;
    }
    seen.add(id);

    const stored = await input.existing(id);
    let publishedAt: string;
    let undated = false;
    if (date && date.ms <= input.now + MAX_AHEAD_MS) publishedAt = date.iso;
    else {
      if (date) warnings.push(`${label}: dated ${date.iso}, more than a day ahead; taken as undated`);
      else if (entry.dates.length > 0) warnings.push(`${label}: no date could be read from "${entry.dates[0]}"`);
      undated = true;
      // First seen: the stored story's time, so re-importing never moves it.
      publishedAt = stored?.publishedAt ?? utcIso(input.now);
    }
    const lead = shorten(summaryLine || paragraphs[0] || '', MAX_LEAD);
    const body = paragraphs.length > 1 && paragraphs[0] === lead ? paragraphs.slice(1) : paragraphs;
    const image = pickImage(entry, base);
    const candidate: Article = {
      id,
      title,
      lead,
      publishedAt,
      topics: resolver.topicsOf(entry.categories),
      pages: splitIntoPages(body.length > 0 ? body : [lead || title]),
      ...(url ? { url } : {}),
      source,
      ...(image ? { image } : {}),
      ...(undated ? { undated } : {}),
    };
    const checked = check(articleSchema, candidate);
    if (!checked.ok) {
      report.skipped.push(`${label} ("${shorten(title, 60)}"): ${describeProblems(checked.problems)}`);
      continue;
    }
    articles.push(candidate);
    const change: StoryChange = !stored
      ? 'new'
      : canonicalJson(stored) === canonicalJson(candidate)
        ? 'unchanged'
        : 'updated';
    report.changes[change]++;
  }
  const used = new Set(articles.flatMap((article) => article.topics));
  const topics = [...resolver.created.values()].filter((topic) => used.has(topic.id));
  report.newTopics = topics;
  return { batch: { topics, articles }, report };
}

/** Writes one feed's batch in one upsert: its new topics, then its stories; nothing when the store refuses it. */
export function storeImport(news: NewsStorePort, batch: NewsBatch): Promise<UpsertResult> {
  return news.upsert(batch);
}
