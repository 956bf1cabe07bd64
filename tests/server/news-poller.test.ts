// How the servers start the live poller from the environment: only when NEWS_FEEDS names feeds, at
// NEWS_REFRESH_MINUTES, and a bad setting refused with what was expected (npm start prints it and stops).
import { describe, expect, it } from 'vitest';
import { createEmbeddedBackendFromData } from '@/backend/embedded/embedded-backend';
import { startNewsPoller } from '@/server/news-poller';
import { sampleData } from '../helpers/fixtures';

const quiet = { info: () => {}, warn: () => {} };

describe('startNewsPoller', () => {
  it('starts nothing without NEWS_FEEDS', async () => {
    const backend = await createEmbeddedBackendFromData(sampleData);
    expect(startNewsPoller(backend, quiet, {})).toBeNull();
    expect(startNewsPoller(backend, quiet, { NEWS_FEEDS: ' ' })).toBeNull();
  });

  it('polls the listed feeds at the configured interval (15 min by default)', async () => {
    const backend = await createEmbeddedBackendFromData(sampleData);
    const feeds = 'https://a.example/rss, https://b.example/atom';
    const byDefault = startNewsPoller(backend, quiet, { NEWS_FEEDS: feeds });
    await byDefault?.stop();
    expect(byDefault?.description).toBe('2 news feeds every 15 min');
    const quick = startNewsPoller(backend, quiet, { NEWS_FEEDS: feeds, NEWS_REFRESH_MINUTES: '0.05' });
    await quick?.stop();
    expect(quick?.description).toBe('2 news feeds every 3 s');
    expect(quick?.poller.stats().map((s) => s.url)).toEqual(['https://a.example/rss', 'https://b.example/atom']);
  });

  it('refuses a bad interval or feed list with what was expected', async () => {
    const backend = await createEmbeddedBackendFromData(sampleData);
    for (const value of ['0', '-5', 'soon']) {
      expect(() =>
        startNewsPoller(backend, quiet, { NEWS_FEEDS: 'https://a.example/rss', NEWS_REFRESH_MINUTES: value }),
      ).toThrow(`NEWS_REFRESH_MINUTES must be a positive number of minutes (e.g. 15 or 0.5), got "${value}"`);
    }
    expect(() => startNewsPoller(backend, quiet, { NEWS_FEEDS: 'https://a.example/rss, ftp://b.example/' })).toThrow(
      /NEWS_FEEDS: "ftp:\/\/b.example\/" is not an http\(s\) URL/,
    );
  });
});
