// The site's own feeds and sitemaps (README: "Feeds and sitemaps"), as one Fastify plugin over the backend's ports:
// /feed.xml (RSS 2.0 of the latest stories, `?topics=` for some topics), /sitemap.xml (an index of /sitemaps/pages.xml
// and /sitemaps/articles-N.xml, at most 50,000 stories each), /sitemap-news.xml (Google News: the last two days) and
// /robots.txt. Both servers register it at the root; addresses are absolute, from the origin the server gives.
import { createHash } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Feed } from 'feed';
import { singleValuedQuerySchema, siteFeedQuerySchema } from '../../contract/api-query.ts';
import type { ArticleSummary, StoryImage } from '../../contract/news.ts';
import { MAX_WALK_PAGE, type Backend, type FeedPosition } from '../ports.ts';
import { answerError, RefusedRequest } from './api-errors.ts';
import { readQuery } from './api-plugin.ts';
import { signedImage, type ImageProxyOptions } from './image-proxy.ts';
import { newsSitemapXml, sitemapIndexXml, urlSetXml, xmlChars } from './sitemap-xml.ts';

export interface SiteFeedsOptions {
  backend: Backend;
  /** The origin absolute addresses start with ("https://news.example.com"), for this request. */
  originOf: (request: FastifyRequest) => string;
  /** The API's image proxy: a story's photo goes out as an enclosure at its signed address (none without it). */
  images?: ImageProxyOptions;
  /** Where the API (and so the image proxy) is mounted. */
  apiPrefix?: string;
  /** Stories per /sitemaps/articles-N.xml (the protocol's limit is 50,000; tests use a few). */
  storiesPerSitemap?: number;
  /** The clock of the news sitemap's two days (tests). */
  now?: () => number;
}

const SITE_NAME = 'Agency News';
const SITE_DESCRIPTION = "The agency's English news feed.";
const FEED_SIZE = 50;
const MAX_STORIES_PER_SITEMAP = 50_000;
const NEWS_SITEMAP_DAYS = 2;
const MAX_NEWS_STORIES = 1000;
/** Pages worth indexing: the feed and the converter (search results and the reader's saved list are not). */
const INDEXED_PAGES = ['/', '/converter'];
const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_WRITTEN_SITEMAPS = 32;

/** Short enough that a new story shows up within a minute; the sitemaps of the whole archive change more slowly. */
const FRESH = 'public, max-age=60';
const SLOW = 'public, max-age=600';

const EVERY_STORY = { topics: null, exclude: [], since: null } as const;

const PHOTO_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
};

/** The photo's type as its address names it (the proxy relays whatever raster type the host sends). */
function photoType(url: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  return (extension && PHOTO_TYPES[extension]) ?? 'image/jpeg';
}

/** xml-js (which `feed` writes with) splits only the first "]]>" of a CDATA section; the later ones are split here
 * the same way, so a title holding several still cannot end its section early. */
function cdataText(text: string): string {
  let seen = false;
  return xmlChars(text).replace(/]]>/g, (match) => {
    if (!seen) {
      seen = true;
      return match;
    }
    return ']]]]><![CDATA[>';
  });
}

/** Sends an XML (or text) document with its type, cache life and a tag, or 304 when the client has that tag. */
function sendDocument(request: FastifyRequest, reply: FastifyReply, type: string, cacheControl: string, body: string) {
  // Weak: the same document goes out compressed or not.
  const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  void reply.type(type).header('Cache-Control', cacheControl).header('ETag', etag);
  const known = request.headers['if-none-match']?.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (known?.some((tag) => tag === '*' || tag === etag.slice(2))) return reply.code(304).send();
  return reply.send(body);
}

/** Where one article sitemap starts in the feed's order (null: the top), how many stories it holds, its newest. */
interface SitemapSlice {
  start: FeedPosition | null;
  count: number;
  lastmod: string;
}

export const siteFeedsPlugin: FastifyPluginAsync<SiteFeedsOptions> = async (
  app,
  { backend, originOf, images, apiPrefix = '/api', storiesPerSitemap = MAX_STORIES_PER_SITEMAP, now = Date.now },
) => {
  const { news } = backend;
  const perSitemap = Math.min(storiesPerSitemap, MAX_STORIES_PER_SITEMAP);
  const storyUrl = (origin: string, id: string) => `${origin}/news/${encodeURIComponent(id)}`;

  app.setErrorHandler(answerError);

  /** Up to `count` stories from `after` on, in pages the port allows. */
  async function walk(after: FeedPosition | null, count: number) {
    const stories: ArticleSummary[] = [];
    let from = after;
    while (stories.length < count) {
      const page = await news.feedPage({
        ...EVERY_STORY,
        after: from,
        limit: Math.min(MAX_WALK_PAGE, count - stories.length),
      });
      stories.push(...page.items);
      if (!page.next) return { stories, next: null };
      from = page.next;
    }
    return { stories, next: from };
  }

  /** The archive cut into sitemaps: one walk of the whole feed, kept until the stories change. */
  async function sliceArchive(): Promise<SitemapSlice[]> {
    const slices: SitemapSlice[] = [];
    let start: FeedPosition | null = null;
    for (;;) {
      const { stories, next } = await walk(start, perSitemap);
      if (stories.length > 0) slices.push({ start, count: stories.length, lastmod: stories[0]!.publishedAt });
      if (!next) return slices;
      start = next;
    }
  }
  let changes = 0;
  let slicing: { at: number; slices: Promise<SitemapSlice[]> } | null = null;
  /** Sitemaps written since the stories last changed, by origin and address: 50,000 addresses take a few hundred ms
   * to walk and write, and crawlers come back for the same ones. */
  const written = new Map<string, Promise<string>>();
  const unsubscribe = news.subscribe(() => {
    changes++;
    written.clear();
  });
  app.addHook('onClose', async () => unsubscribe());
  function sitemap(origin: string, address: string, write: () => Promise<string>): Promise<string> {
    const key = `${origin}${address}`;
    let document = written.get(key);
    if (!document) {
      // A few origins at most in practice; a flood of Host names must not grow it without end.
      if (written.size >= MAX_WRITTEN_SITEMAPS) written.clear();
      const at = changes;
      document = write();
      written.set(key, document);
      const forget = () => {
        if (written.get(key) === document) written.delete(key);
      };
      // A failed walk is tried again by the next request, and one that overlapped a change is not kept.
      document.then(() => at !== changes && forget(), forget);
    }
    return document;
  }
  function archiveSlices(): Promise<SitemapSlice[]> {
    if (slicing?.at === changes) return slicing.slices;
    const current = { at: changes, slices: sliceArchive() };
    slicing = current;
    // A failed walk (a database that is down) is tried again by the next request.
    current.slices.catch(() => {
      if (slicing === current) slicing = null;
    });
    return current.slices;
  }

  app.get('/feed.xml', async (request, reply) => {
    readQuery(singleValuedQuerySchema, request);
    const { topics } = readQuery(siteFeedQuerySchema(await news.topicIds()), request);
    const [page, allTopics] = await Promise.all([
      news.feedPage({ ...EVERY_STORY, topics, after: null, limit: FEED_SIZE }),
      news.topics(null),
    ]);
    const topicName = new Map(allTopics.map((topic) => [topic.id, topic.name]));
    const origin = originOf(request);
    const query = topics ? `?topics=${topics.map(encodeURIComponent).join(',')}` : '';
    const feed = new Feed({
      title: topics ? `${SITE_NAME}: ${topics.map((id) => topicName.get(id) ?? id).join(', ')}` : SITE_NAME,
      description: SITE_DESCRIPTION,
      link: `${origin}/`,
      language: 'en',
      // The newest story's time, so an unchanged feed is the same document (and keeps its tag).
      updated: new Date(page.items[0]?.publishedAt ?? 0),
      feedLinks: { rss: `${origin}/feed.xml${query}` },
      generator: false,
    });
    for (const story of page.items) {
      feed.addItem({
        title: cdataText(story.title),
        link: storyUrl(origin, story.id),
        date: new Date(story.publishedAt),
        description: cdataText(story.lead),
        category: story.topics.map((id) => ({ name: xmlChars(topicName.get(id) ?? id) })),
        ...(story.image && images ? { enclosure: photoEnclosure(origin, story.image, images) } : {}),
      });
    }
    return sendDocument(request, reply, 'application/rss+xml; charset=utf-8', FRESH, feed.rss2());
  });

  function photoEnclosure(origin: string, image: StoryImage, proxy: ImageProxyOptions) {
    const { src: _stored, ...original } = image;
    // The length is not known without fetching the photo; 0 is what readers expect then.
    return {
      url: `${origin}${signedImage(original, proxy.key, apiPrefix).src}`,
      type: photoType(image.url),
      length: 0,
    };
  }

  app.get('/sitemap.xml', async (request, reply) => {
    const origin = originOf(request);
    const body = await sitemap(origin, '/sitemap.xml', async () =>
      sitemapIndexXml([
        { loc: `${origin}/sitemaps/pages.xml` },
        ...(await archiveSlices()).map(({ lastmod }, index) => ({
          loc: `${origin}/sitemaps/articles-${index + 1}.xml`,
          lastmod,
        })),
      ]),
    );
    return sendDocument(request, reply, 'application/xml; charset=utf-8', SLOW, body);
  });

  app.get('/sitemaps/:name', async (request, reply) => {
    const { name } = request.params as { name: string };
    const origin = originOf(request);
    if (name === 'pages.xml') {
      const body = urlSetXml(INDEXED_PAGES.map((page) => ({ loc: `${origin}${page}` })));
      return sendDocument(request, reply, 'application/xml; charset=utf-8', SLOW, body);
    }
    const number = /^articles-([1-9]\d{0,6})\.xml$/.exec(name)?.[1];
    const slice = number === undefined ? undefined : (await archiveSlices())[Number(number) - 1];
    if (!slice) throw new RefusedRequest(404, 'not_found', `No sitemap at /sitemaps/${name}`);
    const body = await sitemap(origin, `/sitemaps/${name}`, async () => {
      const { stories } = await walk(slice.start, slice.count);
      return urlSetXml(stories.map(({ id, publishedAt }) => ({ loc: storyUrl(origin, id), lastmod: publishedAt })));
    });
    return sendDocument(request, reply, 'application/xml; charset=utf-8', SLOW, body);
  });

  app.get('/sitemap-news.xml', async (request, reply) => {
    const origin = originOf(request);
    const since = now() - NEWS_SITEMAP_DAYS * DAY_MS;
    const page = await news.feedPage({ ...EVERY_STORY, since, after: null, limit: MAX_NEWS_STORIES });
    const body = newsSitemapXml(
      { name: SITE_NAME, language: 'en' },
      page.items.map(({ id, title, publishedAt }) => ({ loc: storyUrl(origin, id), title, publishedAt })),
    );
    return sendDocument(request, reply, 'application/xml; charset=utf-8', FRESH, body);
  });

  app.get('/robots.txt', async (request, reply) => {
    const origin = originOf(request);
    const body = [
      'User-agent: *',
      'Allow: /',
      // Search results are endless variations of the feed; the API is for the app.
      'Disallow: /search',
      'Disallow: /api/',
      '',
      `Sitemap: ${origin}/sitemap.xml`,
      `Sitemap: ${origin}/sitemap-news.xml`,
      '',
    ].join('\n');
    return sendDocument(request, reply, 'text/plain; charset=utf-8', 'public, max-age=3600', body);
  });
};
