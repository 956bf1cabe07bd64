import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeedConfigJson, parseNewsFeedsSetting } from '@/backend/news-feeds/feed-config';

const feedsFile = (content: string) => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'feeds-')), 'feeds.json');
  writeFileSync(file, content);
  return file;
};

describe('NEWS_FEEDS and feeds files', () => {
  it('reads a comma-separated list of URLs, spaces and repeats ignored; unset or empty means no feeds', () => {
    expect(parseNewsFeedsSetting(' https://a.test/rss , http://b.test/atom,https://a.test/rss,')).toEqual([
      { url: 'https://a.test/rss' },
      { url: 'http://b.test/atom' },
    ]);
    expect(parseNewsFeedsSetting(undefined)).toEqual([]);
    expect(parseNewsFeedsSetting('  ')).toEqual([]);
  });

  it('refuses a list with something that is not an http(s) URL, saying what was expected', () => {
    expect(() => parseNewsFeedsSetting('https://a.test/rss, ftp://b.test/feed')).toThrow(
      'NEWS_FEEDS: "ftp://b.test/feed" is not an http(s) URL (give comma-separated feed URLs, or the path of a JSON feeds file)',
    );
  });

  it('reads a JSON file of feeds with names, topic mappings, default topics and full text', () => {
    const file = feedsFile(
      JSON.stringify([
        { url: 'https://a.test/rss', name: 'Agency A', topics: { Politik: 'politics' }, defaultTopic: 'world' },
        { url: 'https://b.test/atom', fullText: true },
      ]),
    );
    expect(parseNewsFeedsSetting(file)).toEqual([
      { url: 'https://a.test/rss', name: 'Agency A', topics: { Politik: 'politics' }, defaultTopic: 'world' },
      { url: 'https://b.test/atom', fullText: true },
    ]);
  });

  it.each([
    ['not JSON', '[{"url": ', /feeds\.json: is not valid JSON/],
    ['not a list', '{"url": "https://a.test/rss"}', /expected a JSON array of feeds/],
    ['an empty list', '[]', /lists no feeds/],
    ['a URL that is not http(s)', '[{"url": "file:///etc/passwd"}]', /feed 0: url: must be an http\(s\) URL/],
    [
      'a topic that is not an id',
      '[{"url": "https://a.test/", "topics": {"Politik": "Politics!"}}]',
      /feed 0: topics\.Politik: must be a topic id/,
    ],
    ['a misspelt field', '[{"url": "https://a.test/", "fulltext": true}]', /feed 0: fulltext/],
    [
      'a feed listed twice',
      '[{"url": "https://a.test/"}, {"url": "https://a.test/"}]',
      /feed 1: https:\/\/a\.test\/ is listed twice/,
    ],
  ])('refuses a feeds file with %s, naming the feed and field', (_case, content, message) => {
    expect(() => parseNewsFeedsSetting(feedsFile(content))).toThrow(message);
  });

  it('names a feeds file that cannot be read', () => {
    expect(() => parseNewsFeedsSetting('/nowhere/feeds.json')).toThrow(
      'NEWS_FEEDS: /nowhere/feeds.json: cannot be read (ENOENT)',
    );
  });

  it('reads a feeds file with a byte-order mark', () => {
    expect(parseFeedConfigJson('\uFEFF[{"url": "https://a.test/"}]', 'feeds.json')).toEqual([
      { url: 'https://a.test/' },
    ]);
  });
});
