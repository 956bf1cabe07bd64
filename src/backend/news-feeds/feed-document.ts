// A feed's text read with feedsmith (RSS 0.9x/2.0, Atom 0.3/1.0, RDF/RSS 1.0, JSON Feed 1.0/1.1) into one shape for
// every format: the feed's title and site, and per entry its ids, links, texts, dates, categories and photos as the
// feed gives them (raw, not yet resolved or cleaned: stories-from-feed.ts does that). A source that is not a feed
// (an HTML error page, XML broken beyond recovery) is refused with the reason.
import { DetectError, MalformedError, parseFeed, type AnyFeed } from 'feedsmith';
import { Parser } from 'htmlparser2';
import { htmlToLine } from './feed-html-text.ts';

export type FeedFormat = AnyFeed['format'];

/** Text as the feed gives it: HTML (RSS titles and descriptions, Atom type="html"/"xhtml") or plain text. */
export interface FeedText {
  value: string;
  html: boolean;
}

interface ImageCandidate {
  url: string;
  width?: number;
  height?: number;
  alt?: string;
  credit?: string;
}

export interface FeedEntry {
  /** guid / Atom id / JSON Feed id. */
  guid?: string;
  /** The story's link as given (perhaps relative, perhaps a redirect). */
  link?: string;
  /** feedburner:origLink: the real page behind a redirect link. */
  origLink?: string;
  /** The entry's xml:base, as given. */
  base?: string;
  title?: FeedText;
  summary?: FeedText;
  content?: FeedText;
  /** Date strings in order of preference (published before updated). */
  dates: string[];
  categories: string[];
  images: ImageCandidate[];
}

export interface FeedDocument {
  format: FeedFormat;
  title?: string;
  /** The site's home page, as given. */
  siteUrl?: string;
  /** The feed's xml:base, as given. */
  base?: string;
  entries: FeedEntry[];
}

export class FeedRefused extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'FeedRefused';
  }
}

const nonEmpty = (value: string | undefined | null): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

const compact = <T>(values: Array<T | undefined | null>): T[] => values.filter((x): x is T => x != null);

/** Why `text` is not a feed, in words a person can act on. */
function refusal(text: string, error: unknown): FeedRefused {
  const head = text.trimStart().slice(0, 2000);
  if (head === '') return new FeedRefused('the source is empty');
  if (/^(<!--[\s\S]*?-->\s*)*<(!doctype html|html[\s>])/i.test(head)) {
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(head)?.[1];
    const named = title ? htmlToLine(title) : '';
    return new FeedRefused(`it is an HTML page${named ? ` ("${named}")` : ''}, not a feed`);
  }
  if (error instanceof MalformedError) return new FeedRefused(`it is not well-formed (${error.message})`);
  if (error instanceof DetectError) {
    return new FeedRefused(
      'it is not an RSS, Atom, RDF or JSON feed (no <rss>, <feed>, <rdf:RDF> or JSON Feed version)',
    );
  }
  return new FeedRefused(`it cannot be read as a feed (${(error as Error).message})`);
}

/** feedburner:origLink per entry, keyed by the entry's link and guid/id texts: feedsmith does not read it. */
function originalLinks(text: string): Map<string, string> {
  const links = new Map<string, string>();
  if (!/feedburner:origLink/i.test(text)) return links;
  let entry: { keys: string[]; orig?: string } | null = null;
  let field: string | null = null;
  let value = '';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const local = name.toLowerCase();
        if (local === 'item' || local === 'entry') entry = { keys: [] };
        else if (entry) {
          if (local === 'link' && attributes.href) entry.keys.push(attributes.href.trim());
          if (['link', 'guid', 'id', 'feedburner:origlink'].includes(local)) {
            field = local;
            value = '';
          }
        }
      },
      ontext(chunk) {
        if (field) value += chunk;
      },
      onclosetag(name) {
        const local = name.toLowerCase();
        if (entry && field === local) {
          if (local === 'feedburner:origlink') entry.orig = value.trim();
          else if (value.trim()) entry.keys.push(value.trim());
          field = null;
        }
        if ((local === 'item' || local === 'entry') && entry) {
          const { keys, orig } = entry;
          if (orig) for (const key of keys) links.set(key, orig);
          entry = null;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(text);
  parser.end();
  return links;
}

type Media = {
  contents?: Array<{ url?: string; medium?: string; type?: string; width?: number; height?: number }>;
  thumbnails?: Array<{ url?: string; width?: number; height?: number }>;
  credits?: Array<{ value?: string }>;
  description?: { value?: string };
  title?: { value?: string };
  groups?: Media[];
};
type MediaContent = NonNullable<Media['contents']>[number] & Media;

const IMAGE_EXTENSION = /\.(jpe?g|png|gif|webp|avif)(\?|#|$)/i;

/** Photos from Media RSS: image media:content (with their credits and descriptions) and thumbnails. */
function mediaImages(media: Media | undefined): ImageCandidate[] {
  if (!media) return [];
  const images: ImageCandidate[] = [];
  const credit = (m: Media | undefined) => nonEmpty(m?.credits?.[0]?.value);
  const alt = (m: Media | undefined) => nonEmpty(m?.description?.value) ?? nonEmpty(m?.title?.value);
  for (const content of (media.contents ?? []) as MediaContent[]) {
    const isImage =
      content.medium === 'image' ||
      content.type?.startsWith('image/') ||
      (!content.medium && !content.type && IMAGE_EXTENSION.test(content.url ?? ''));
    if (isImage && content.url) {
      images.push({
        url: content.url,
        width: content.width,
        height: content.height,
        alt: alt(content) ?? alt(media),
        credit: credit(content) ?? credit(media),
      });
    }
    for (const thumbnail of content.thumbnails ?? []) {
      if (thumbnail.url) images.push({ ...thumbnail, url: thumbnail.url, alt: alt(media), credit: credit(media) });
    }
  }
  for (const thumbnail of media.thumbnails ?? []) {
    if (thumbnail.url) images.push({ ...thumbnail, url: thumbnail.url, alt: alt(media), credit: credit(media) });
  }
  for (const group of media.groups ?? []) images.push(...mediaImages(group));
  return images;
}

const imageEnclosures = (enclosures: Array<{ url?: string; type?: string }> | undefined): ImageCandidate[] =>
  (enclosures ?? [])
    .filter((e) => e.url && (e.type?.startsWith('image/') || (!e.type && IMAGE_EXTENSION.test(e.url))))
    .map((e) => ({ url: e.url! }));

const html = (value: string | undefined): FeedText | undefined =>
  nonEmpty(value) === undefined ? undefined : { value: value!, html: true };

function documentOf(parsed: AnyFeed, origLinks: Map<string, string>): FeedDocument {
  const orig = (...keys: Array<string | undefined>) =>
    keys.map((key) => (key ? origLinks.get(key.trim()) : undefined)).find(Boolean);
  switch (parsed.format) {
    case 'rss': {
      const { feed } = parsed;
      return {
        format: 'rss',
        title: nonEmpty(feed.title),
        siteUrl: nonEmpty(feed.link),
        base: feed.xml?.base,
        entries: (feed.items ?? []).map((item) => ({
          guid: nonEmpty(item.guid?.value),
          link: nonEmpty(item.link) ?? (item.guid?.isPermaLink !== false ? nonEmpty(item.guid?.value) : undefined),
          origLink: orig(item.link, item.guid?.value),
          base: item.xml?.base,
          title: html(item.title),
          summary: html(item.description),
          content: html(item.content?.encoded),
          dates: compact([item.pubDate, ...(item.dc?.dates ?? []), item.atom?.published, item.atom?.updated]),
          categories: compact([...(item.categories ?? []).map((c) => c.name), ...(item.dc?.subjects ?? [])]),
          images: [...mediaImages(item.media as Media), ...imageEnclosures(item.enclosures)],
        })),
      };
    }
    case 'rdf': {
      const { feed } = parsed;
      return {
        format: 'rdf',
        title: nonEmpty(feed.title),
        siteUrl: nonEmpty(feed.link),
        base: feed.xml?.base,
        entries: (feed.items ?? []).map((item) => ({
          guid: nonEmpty(item.rdf?.about),
          link: nonEmpty(item.link) ?? nonEmpty(item.rdf?.about),
          origLink: orig(item.link, item.rdf?.about),
          base: item.xml?.base,
          title: html(item.title),
          summary: html(item.description),
          content: html(item.content?.encoded),
          dates: compact([...(item.dc?.dates ?? []), ...(item.dcterms?.issued ?? [])]),
          categories: compact(item.dc?.subjects ?? []),
          images: mediaImages(item.media as Media),
        })),
      };
    }
    case 'atom': {
      const { feed } = parsed;
      const alternate = (links: typeof feed.links) =>
        nonEmpty((links ?? []).find((l) => !l.rel || l.rel === 'alternate')?.href);
      const text = (t: { value?: string; type?: string } | undefined): FeedText | undefined =>
        nonEmpty(t?.value) === undefined
          ? undefined
          : { value: t!.value!, html: t!.type === 'html' || t!.type === 'xhtml' };
      return {
        format: 'atom',
        title: text(feed.title) && htmlOrText(text(feed.title)!),
        siteUrl: alternate(feed.links),
        base: feed.xml?.base,
        entries: (feed.entries ?? []).map((entry) => ({
          guid: nonEmpty(entry.id),
          link: alternate(entry.links),
          origLink: orig(entry.id, alternate(entry.links)),
          base: entry.xml?.base,
          title: text(entry.title),
          summary: text(entry.summary),
          content: text(entry.content),
          dates: compact([entry.published, entry.updated, ...(entry.dc?.dates ?? [])]),
          categories: compact((entry.categories ?? []).map((c) => nonEmpty(c.label) ?? c.term)),
          images: [
            ...mediaImages(entry.media as Media),
            ...(entry.links ?? [])
              .filter((l) => l.rel === 'enclosure' && l.href && l.type?.startsWith('image/'))
              .map((l) => ({ url: l.href! })),
          ],
        })),
      };
    }
    case 'json': {
      const { feed } = parsed;
      return {
        format: 'json',
        title: nonEmpty(feed.title),
        siteUrl: nonEmpty(feed.home_page_url),
        entries: (feed.items ?? []).map((item) => ({
          guid: nonEmpty(item.id),
          link: nonEmpty(item.url) ?? nonEmpty(item.external_url),
          title: item.title === undefined ? undefined : { value: item.title, html: false },
          summary: item.summary === undefined ? undefined : { value: item.summary, html: false },
          content:
            html(item.content_html) ??
            (nonEmpty(item.content_text) === undefined ? undefined : { value: item.content_text!, html: false }),
          dates: compact([item.date_published, item.date_modified]),
          categories: compact(item.tags ?? []),
          images: compact([item.image, item.banner_image]).map((url) => ({ url })),
        })),
      };
    }
  }
}

const htmlOrText = (text: FeedText) => (text.html ? htmlToLine(text.value) : text.value.replace(/\s+/g, ' ').trim());

/** The feed in `text`, or FeedRefused saying why it is not one. */
export function readFeedDocument(text: string): FeedDocument {
  let parsed: AnyFeed;
  try {
    parsed = parseFeed(text);
  } catch (error) {
    throw refusal(text, error);
  }
  return documentOf(parsed, originalLinks(text));
}
