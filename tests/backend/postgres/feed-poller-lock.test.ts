// Two servers on one PostgreSQL database: only the one holding the poller lock polls the feeds; the other's
// event-stream clients still hear of the new stories (LISTEN/NOTIFY); when the holder stops, the other takes over.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiServer } from '@/backend/http/api-server';
import { FeedPoller } from '@/backend/news-feeds/feed-poller';
import type { Backend } from '@/backend/ports';
import { PollerLock } from '@/backend/postgres/poller-lock';
import { createPostgresBackend } from '@/backend/postgres/postgres-backend';
import { openStream } from '../../helpers/event-stream';
import { emptyPostgresStore, liveStory, nextReport, startFeedServer, type FeedServer } from '../../helpers/live-feeds';
import { postgresUnavailableReason } from '../../helpers/test-database';

const unavailable = await postgresUnavailableReason();
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

describe.skipIf(unavailable !== null)(
  `two servers, one database${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let feeds: FeedServer;
    let first: Backend & { url: string };
    let second: Backend;
    beforeAll(async () => {
      feeds = await startFeedServer();
      first = await emptyPostgresStore();
      const backend = await createPostgresBackend({ url: first.url, log: quiet });
      if (!(await backend.ready)) throw new Error('the second backend did not connect');
      // Its LISTEN comes after ready: a notice sent before it is in place is not heard.
      await vi.waitFor(() => expect(backend.listening).toBe(true), { timeout: 10_000 });
      second = backend;
    });
    afterAll(async () => {
      await second?.close();
      await first?.close();
      await feeds?.close();
    });

    function server(backend: Backend, url: string) {
      const lock = new PollerLock({ url, log: quiet, retryMs: 100 });
      const poller = new FeedPoller({
        feeds: [{ url: `${feeds.base}/shared.xml` }],
        news: backend.news,
        refreshMs: 150,
        allowPrivate: true,
        log: quiet,
        lease: lock,
        random: () => 0.5,
      });
      return {
        lock,
        poller,
        async stop() {
          await poller.stop();
          await lock.close();
        },
      };
    }

    it('polls from one server only, tells the other server’s pages, and hands over when the poller stops', async () => {
      const story = liveStory(feeds, 3);
      feeds.feeds.set('/shared.xml', { stories: [story] });
      const leader = server(first, first.url);
      leader.lock.start();
      await vi.waitFor(() => expect(leader.lock.held).toBe(true));
      const follower = server(second, first.url);
      follower.lock.start();

      const api = await createApiServer(second);
      await api.listen({ port: 0, host: '127.0.0.1' });
      try {
        const stream = await openStream(`http://127.0.0.1:${(api.server.address() as AddressInfo).port}`);
        await stream.received(': connected');

        const standby = nextReport(follower.poller, (r) => r.outcome === 'standby');
        const polled = nextReport(leader.poller, (r) => r.outcome === 'fresh');
        follower.poller.start();
        leader.poller.start();
        expect(await polled).toMatchObject({ newStories: 1 });
        await standby;
        // The second server's page hears of it through the database's notification.
        const heard = await stream.received('event: change');
        expect(heard).toContain('"newest":"');
        expect(follower.lock.held).toBe(false);
        expect(follower.poller.stats()[0]).toMatchObject({ requests: 0, nextPollReason: 'standby' });
        stream.close();

        // The leader stops (its lock connection closes): the follower takes the lock and polls.
        await leader.stop();
        const next = liveStory(feeds, 1);
        feeds.feeds.set('/shared.xml', { stories: [next, story] });
        expect(await nextReport(follower.poller, (r) => r.outcome === 'fresh')).toMatchObject({ newStories: 1 });
        expect(follower.lock.held).toBe(true);
        await follower.stop();
        const titles = (
          await second.news.feedPage({ topics: null, exclude: [], since: null, after: null, limit: 10 })
        ).items.map((item) => item.title);
        expect(titles).toEqual([next.title, story.title]);
      } finally {
        await api.close();
      }
    });
  },
);
