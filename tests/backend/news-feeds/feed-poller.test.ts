// The live poller against a local feed server, on both stores (an embedded data folder and a PostgreSQL database):
// new stories written, 304s when nothing changed, a changed feed updated without dropping what the store has, full
// texts read from story pages (navigation and asides left out), a failing or malformed feed logged and backed off
// while the others go on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedPoller, type FeedPollerOptions } from '@/backend/news-feeds/feed-poller';
import type { Backend } from '@/backend/ports';
import {
  emptyEmbeddedStore,
  emptyPostgresStore,
  liveStory,
  nextReport,
  startFeedServer,
  type FeedServer,
} from '../../helpers/live-feeds';
import { postgresUnavailableReason } from '../../helpers/test-database';

const unavailable = await postgresUnavailableReason();

const ARTICLE_START = 'ISTANBUL, December 5. The grain corridor across the Black Sea reopened';

const stores: [string, () => Promise<Backend>, boolean][] = [
  ['embedded data folder', emptyEmbeddedStore, false],
  [`PostgreSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`, emptyPostgresStore, unavailable !== null],
];

describe.each(stores)('feed poller on the %s', (_name, makeStore, skip) => {
  let server: FeedServer;
  let store: Backend;
  let poller: FeedPoller | null = null;
  const warnings: string[] = [];

  beforeEach(async () => {
    if (skip) return;
    server = await startFeedServer();
    store = await makeStore();
    warnings.length = 0;
  });
  afterEach(async () => {
    if (skip) return;
    await poller?.stop();
    poller = null;
    await store.close();
    await server.close();
  });

  function startPoller(feeds: FeedPollerOptions['feeds'], refreshMs = 150) {
    poller = new FeedPoller({
      feeds,
      news: store.news,
      refreshMs,
      allowPrivate: true,
      log: { info: () => {}, warn: (message) => void warnings.push(message) },
      random: () => 0.5,
    });
    poller.start();
    return poller;
  }

  const feedTitles = async () => (await store.news.feedPage(allStories)).items.map((item) => item.title);
  /** The stored story with this title. */
  const stored = async (title: string) => {
    const summary = (await store.news.feedPage(allStories)).items.find((item) => item.title === title);
    return summary ? store.news.article(summary.id) : null;
  };
  const allStories = { topics: null, exclude: [], since: null, after: null, limit: 50 };

  it.skipIf(skip)(
    'writes new stories, asks again with the ETag (304), and keeps stories a changed feed drops',
    async () => {
      const first = liveStory(server, 30);
      const second = liveStory(server, 10);
      server.feeds.set('/a.json', { stories: [second, first] });
      const url = `${server.base}/a.json`;
      const poller = startPoller([{ url }]);

      expect(await nextReport(poller, (r) => r.url === url)).toMatchObject({ outcome: 'fresh', newStories: 2 });
      expect(await feedTitles()).toEqual([second.title, first.title]);
      expect(await stored(first.title)).toMatchObject({
        lead: first.description,
        topics: ['world'],
        url: first.link,
        source: { name: 'Live Test Agency' },
      });

      expect(await nextReport(poller, (r) => r.url === url)).toMatchObject({ outcome: 'not_modified', newStories: 0 });
      expect(server.hits.get('/a.json')).toEqual({ requests: 2, conditional: 1 });

      // The feed moves on: a new story on top, the oldest gone from the feed, the second one edited.
      const third = liveStory(server, 1);
      server.feeds.set('/a.json', { stories: [third, { ...second, title: 'Live story, updated' }] });
      expect(await nextReport(poller, (r) => r.url === url && r.outcome === 'fresh')).toMatchObject({ newStories: 1 });
      expect(await feedTitles()).toEqual([third.title, 'Live story, updated', first.title]);
      expect(poller.stats()[0]).toMatchObject({ url, requests: 3, notModified: 1, errors: 0, newStories: 3 });
    },
  );

  it.skipIf(skip)(
    'reads full texts of a fullText feed from the story pages, keeping them when the feed changes',
    async () => {
      const story = liveStory(server, 5);
      const url = `${server.base}/full.json`;
      server.feeds.set('/full.json', { stories: [story] });
      const poller = startPoller([{ url, fullText: true }]);

      await nextReport(poller, (r) => r.url === url && r.outcome === 'fresh');
      const read = await stored(story.title);
      expect(read?.pages.flat()).toHaveLength(3);
      expect(read?.pages[0]?.[0]).toMatch(new RegExp(`^${ARTICLE_START}`));
      expect(read?.pages.flat().join(' ')).not.toMatch(/Subscribe|Most read|Related|All rights reserved|World/);
      expect(poller.stats()[0]).toMatchObject({ fullTexts: 1, fullTextFailures: 0 });

      server.feeds.set('/full.json', { stories: [{ ...story, title: 'Edited title' }] });
      await nextReport(poller, (r) => r.url === url && r.outcome === 'fresh');
      const edited = await stored('Edited title');
      expect(edited?.title).toBe('Edited title');
      expect(edited?.pages).toEqual(read?.pages);
      expect(server.hits.get(new URL(story.link).pathname)?.requests).toBe(1);
    },
  );

  it.skipIf(skip)('keeps the summary when a story page fails, and tries it again on later polls', async () => {
    const story = liveStory(server, 5, { link: `${server.base}/missing-page` });
    const url = `${server.base}/full.json`;
    server.feeds.set('/full.json', { stories: [story] });
    const poller = startPoller([{ url, fullText: true }]);
    await nextReport(poller, (r) => r.url === url && r.outcome === 'fresh');
    expect((await stored(story.title))?.pages).toEqual([[story.description]]);
    await nextReport(poller, (r) => r.url === url && r.outcome === 'not_modified');
    await nextReport(poller, (r) => r.url === url && r.outcome === 'not_modified');
    await nextReport(poller, (r) => r.url === url && r.outcome === 'not_modified');
    expect(server.hits.get('/missing-page')?.requests).toBe(3);
    expect(poller.stats()[0]).toMatchObject({ fullTexts: 0, fullTextFailures: 3 });
    expect(warnings.at(-1)).toMatch(/missing-page could not be read \(the page answered 404\); keeping the summary$/);
  });

  it.skipIf(skip)('logs a failing or malformed feed and backs it off while the other feeds go on', async () => {
    const good = `${server.base}/good.json`;
    const failing = `${server.base}/failing.json`;
    const malformed = `${server.base}/malformed.json`;
    const kept = liveStory(server, 20);
    server.feeds.set('/good.json', { stories: [kept] });
    server.feeds.set('/failing.json', { stories: [], failWith: { status: 500 } });
    server.feeds.set('/malformed.json', { stories: [], malformed: true });
    const poller = startPoller([{ url: failing }, { url: malformed }, { url: good }]);
    const goodPolled = nextReport(poller, (r) => r.url === good);

    const firstFailure = await nextReport(poller, (r) => r.url === failing);
    expect(firstFailure).toMatchObject({ outcome: 'failed', error: 'the feed answered 500' });
    const secondFailure = await nextReport(poller, (r) => r.url === failing);
    expect(secondFailure.delayMs).toBe(2 * firstFailure.delayMs);
    expect(await nextReport(poller, (r) => r.url === malformed)).toMatchObject({
      outcome: 'failed',
      error: expect.stringMatching(/HTML/),
    });
    expect(await goodPolled).toMatchObject({ outcome: 'fresh', newStories: 1 });
    expect(await feedTitles()).toEqual([kept.title]);
    expect(warnings).toContainEqual(
      expect.stringMatching(/failing\.json: the feed answered 500 \(2 in a row\); trying again in/),
    );

    // The failing feed recovers: its stories arrive; the good one was never held up.
    const late = liveStory(server, 2);
    server.feeds.set('/failing.json', { stories: [late] });
    await nextReport(poller, (r) => r.url === failing && r.outcome === 'fresh');
    expect(await feedTitles()).toEqual([late.title, kept.title]);
    const byUrl = new Map(poller.stats().map((s) => [s.url, s]));
    expect(byUrl.get(good)).toMatchObject({ errors: 0, newStories: 1 });
    expect(byUrl.get(failing)).toMatchObject({ newStories: 1, lastError: 'the feed answered 500' });
    expect(byUrl.get(failing)!.errors).toBeGreaterThanOrEqual(2);
    expect(byUrl.get(malformed)!.errors).toBeGreaterThanOrEqual(1);
  });

  it.skipIf(skip)('waits as long as Retry-After asks after a 429', async () => {
    const url = `${server.base}/busy.json`;
    server.feeds.set('/busy.json', { stories: [], failWith: { status: 429, headers: { 'Retry-After': '3600' } } });
    const poller = startPoller([{ url }]);
    expect(await nextReport(poller, (r) => r.url === url)).toMatchObject({ outcome: 'failed', delayMs: 3_600_000 });
    expect(poller.stats()[0]).toMatchObject({ nextPollReason: 'retry-after', errors: 1 });
  });
});
