import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmbeddedBackendFromData } from '@/backend/embedded/embedded-backend';
import { FeedRefused } from '@/backend/news-feeds/feed-document';
import { importFeed, storeImport, type ImportFeedInput } from '@/backend/news-feeds/import-feed';
import type { Article, TopicRecord } from '@/contract/news';

const FIXTURES = path.resolve(__dirname, '../../fixtures/feeds');
const NOW = Date.parse('2026-11-27T06:00:00Z');
const TOPICS: TopicRecord[] = [
  { id: 'politics', name: 'Politics' },
  { id: 'world', name: 'World' },
  { id: 'economy', name: 'Business & Economy' },
  { id: 'society', name: 'Society & Culture' },
  { id: 'emergencies', name: 'Emergencies' },
];

const importFixture = (name: string, options: Partial<ImportFeedInput> = {}) =>
  importFeed({
    bytes: readFileSync(path.join(FIXTURES, name)),
    source: name,
    topics: TOPICS,
    existing: async () => null,
    now: NOW,
    ...options,
  });

const byTitle = (articles: Article[], start: string) => {
  const article = articles.find((a) => a.title.startsWith(start));
  if (!article) throw new Error(`no story "${start}" in ${articles.map((a) => a.title).join(' | ')}`);
  return article;
};

describe('an RSS 2.0 feed', async () => {
  const { batch, report } = await importFixture('harbour-rss.xml', {
    feedUrl: 'https://harbour.example.test/rss.xml',
  });
  const story = (start: string) => byTitle(batch.articles, start);

  it('gives one story per entry, a duplicate guid collapsed into the first', () => {
    expect(report).toMatchObject({ format: 'rss', sourceName: 'Harbour Agency Wire', entries: 8, duplicates: 1 });
    expect(batch.articles).toHaveLength(7);
    expect(batch.articles.filter((a) => a.title.includes('harbour budget'))).toHaveLength(1);
    expect(report.changes).toEqual({ new: 7, updated: 0, unchanged: 0 });
    expect(report.skipped).toEqual([]);
  });

  it('makes ids slugs named after the source, stable across imports', async () => {
    for (const { id } of batch.articles) expect(id).toMatch(/^harbour-example-test-[0-9a-f]{12}$/);
    const again = await importFixture('harbour-rss.xml', { feedUrl: 'https://harbour.example.test/rss.xml' });
    expect(again.batch.articles.map((a) => a.id)).toEqual(batch.articles.map((a) => a.id));
  });

  it('reads titles with CDATA, tags and entities as plain text, trimmed', () => {
    const budget = story('Council approves');
    expect(budget.title).toBe('Council approves the harbour budget & a new ferry');
    expect(budget.lead).toBe('The council approved the budget on Thursday – with 31 votes in favour.');
    expect(budget.pages).toEqual([
      [
        'The council approved the harbour budget on Thursday – with 31 votes in favour and four against.',
        'A new ferry will join the fleet next spring, the clerk said.',
      ],
    ]);
  });

  it('keeps the source offset of RFC 822 dates, GMT as Z', () => {
    expect(story('Council approves').publishedAt).toBe('2026-11-26T09:15:00+03:00');
    expect(story('Lighthouse').publishedAt).toBe('2026-11-24T08:00:00-05:00');
    expect(story('Ferry timetable').publishedAt).toBe('2026-11-25T18:40:00Z');
  });

  it('drops tracking parameters from links and resolves relative ones against the feed', () => {
    expect(story('Council approves').url).toBe('https://harbour.example.test/stories/budget?id=41');
    expect(story('Ferry timetable').url).toBe('https://harbour.example.test/stories/ferry-timetable?page=2');
    expect(story('Ferry timetable').image).toEqual({ url: 'https://harbour.example.test/photos/ferry.jpg' });
  });

  it('maps categories to topics: by id or name in any case, else a new topic; the feed and site as source', () => {
    expect(story('Council approves').topics).toEqual(['politics', 'harbour-affairs']);
    expect(story('Ferry timetable').topics).toEqual(['society']); // "SOCIETY & CULTURE" is the topic's name
    expect(story('Long report').topics).toEqual(['economy']); // "economy" is the topic's id
    expect(report.newTopics).toEqual([
      { id: 'harbour-affairs', name: 'Harbour Affairs' },
      { id: 'lighthouses', name: 'Lighthouses' },
    ]);
    expect(batch.topics).toEqual(report.newTopics);
    expect(story('Storm').source).toEqual({ name: 'Harbour Agency Wire', url: 'https://harbour.example.test/' });
  });

  it('splits a 40-paragraph body into pages of four, as the sample data is', () => {
    const long = story('Long report');
    expect(long.lead).toBe('Forty agenda items in one sitting.');
    expect(long.pages).toHaveLength(10);
    expect(long.pages.every((page) => page.length === 4)).toBe(true);
    expect(long.pages[0]![0]).toMatch(/^Paragraph 1 of the long report/);
    expect(long.pages[9]![3]).toMatch(/^Paragraph 40 of the long report/);
  });

  it('keeps only the words of hostile HTML: no script, style, handler, frame or javascript: link', () => {
    const hostile = story('Lighthouse');
    const text = JSON.stringify(hostile);
    for (const bad of ['alert', 'steal', 'color', 'javascript', 'onerror', 'ads.example', 'buy here', '<']) {
      expect(text).not.toContain(bad);
    }
    expect(hostile.lead).toBe('Visitors can climb the tower on Saturday.');
    expect(hostile.pages).toEqual([['Tickets: or at the gate.', 'The keepers will show the old lamp.']]);
  });

  it('prefers feedburner:origLink over the redirect link; drops the tracking pixel and "Continue reading"', () => {
    const pilots = story('Harbour pilots');
    expect(pilots.url).toBe('https://harbour.example.test/stories/pilots');
    expect(pilots.image).toBeUndefined();
    expect(pilots.pages).toEqual([['Pay rises by four per cent a year.']]);
    expect(JSON.stringify(pilots)).not.toMatch(/Continue reading|feedburner/);
  });

  it('takes the widest media:content as the photo, with its credit and description', () => {
    expect(story('Storm').image).toEqual({
      url: 'https://img.example.test/storm-460.jpg',
      alt: 'Waves breaking over the outer pier',
      credit: 'Photograph: Ada Example/Harbour Agency',
      width: 460,
      height: 276,
    });
  });

  it('dates an entry without a date when first seen, marked undated, in the default topic', () => {
    expect(story('Fish market')).toMatchObject({
      publishedAt: '2026-11-27T06:00:00Z',
      undated: true,
      topics: ['world'],
      lead: 'Stalls are open from six in the morning.',
      pages: [['Stalls are open from six in the morning.']],
    });
  });

  it('keeps an undated story at its first-seen time when imported again later', async () => {
    const first = story('Fish market');
    const later = await importFixture('harbour-rss.xml', {
      feedUrl: 'https://harbour.example.test/rss.xml',
      now: NOW + 3_600_000,
      existing: async (id) => batch.articles.find((a) => a.id === id) ?? null,
    });
    expect(byTitle(later.batch.articles, 'Fish market').publishedAt).toBe(first.publishedAt);
    expect(later.report.changes).toEqual({ new: 0, updated: 0, unchanged: 7 });
  });

  it('updates a changed story in place: same id, reported as updated', async () => {
    const text = readFileSync(path.join(FIXTURES, 'harbour-rss.xml'), 'utf8').replace(
      'Storm closes the outer pier',
      'Storm closes the outer pier for two days',
    );
    const changed = await importFeed({
      text,
      source: 'changed',
      feedUrl: 'https://harbour.example.test/rss.xml',
      topics: TOPICS,
      existing: async (id) => batch.articles.find((a) => a.id === id) ?? null,
      now: NOW,
    });
    expect(byTitle(changed.batch.articles, 'Storm').id).toBe(story('Storm').id);
    expect(changed.report.changes).toEqual({ new: 0, updated: 1, unchanged: 6 });
  });

  it('follows the per-feed mapping and default topic, and names stories after the configured source', async () => {
    const mapped = await importFixture('harbour-rss.xml', {
      config: {
        name: 'Harbour Wire',
        topics: { lighthouses: 'society', 'harbour affairs': 'politics' },
        defaultTopic: 'economy',
      },
    });
    const articles = mapped.batch.articles;
    expect(byTitle(articles, 'Lighthouse').topics).toEqual(['society']);
    expect(byTitle(articles, 'Council approves').topics).toEqual(['politics']);
    expect(byTitle(articles, 'Fish market').topics).toEqual(['economy']);
    expect(byTitle(articles, 'Storm').source?.name).toBe('Harbour Wire');
    expect(articles[0]!.id).toMatch(/^harbour-wire-[0-9a-f]{12}$/);
    expect(mapped.batch.topics).toEqual([]);
  });

  it('writes a batch through the news port, topics first, in one upsert', async () => {
    const backend = await createEmbeddedBackendFromData({ topics: TOPICS, articles: [], rates: null });
    const result = await storeImport(backend.news, batch);
    expect(result).toEqual({ inserted: 9, updated: 0, unchanged: 0 }); // 2 topics and 7 stories
    expect(await backend.news.article(story('Storm').id)).toEqual(story('Storm'));
    expect((await backend.news.topicIds()).has('lighthouses')).toBe(true);
    await backend.close();
  });
});

describe('Atom, JSON Feed and RDF', () => {
  it('reads Atom 1.0: xml:base on feed and entry, enclosure link, published with offset, HTML title', async () => {
    const { batch, report } = await importFixture('coast-atom.xml');
    expect(report).toMatchObject({ format: 'atom', sourceName: 'Atom Coast Courier', entries: 2 });
    const tide = byTitle(batch.articles, 'Tide gauge');
    expect(tide).toMatchObject({
      title: 'Tide gauge records a new high',
      publishedAt: '2026-11-26T07:30:00+02:00',
      url: 'https://atom.example.test/news/science/tide-gauge-record',
      image: { url: 'https://atom.example.test/news/images/tide-gauge.png' },
      topics: ['science'],
      source: { name: 'Atom Coast Courier', url: 'https://atom.example.test/' },
      lead: 'The harbour tide gauge recorded its highest reading since 1953.',
      pages: [['See the readings.']],
    });
    const drill = byTitle(batch.articles, 'Coast guard');
    expect(drill).toMatchObject({
      url: 'https://atom.example.test/news/drills/friday',
      publishedAt: '2026-11-25T15:00:00Z', // no <published>: <updated>
      lead: 'Boats and a helicopter will take part.',
      pages: [['Residents may hear sirens.']],
    });
    expect(drill.topics).toEqual(['defense']);
    expect(report.newTopics).toEqual([
      { id: 'science', name: 'Science' },
      { id: 'defense', name: 'Defense' },
    ]);
  });

  it('reads JSON Feed 1.1: image, tags, content_html and content_text; a javascript: image is dropped', async () => {
    const { batch, report } = await importFixture('bay-json.json');
    expect(report).toMatchObject({ format: 'json', sourceName: 'JSON Bay Bulletin' });
    expect(byTitle(batch.articles, 'New bridge')).toMatchObject({
      publishedAt: '2026-11-24T11:00:00-08:00',
      topics: ['society', 'bridges'],
      image: { url: 'https://json.example.test/images/bridge.jpg' },
      lead: 'Cars cross from Monday.',
      pages: [['Cars cross from Monday; cyclists from December.', 'The toll is two coins.']],
      url: 'https://json.example.test/2026/11/new-bridge',
    });
    const regatta = byTitle(batch.articles, 'Regatta');
    expect(regatta.image).toBeUndefined();
    expect(regatta).toMatchObject({ lead: 'The blue boat won.', pages: [['The red boat came second.']] });
    expect(report.newTopics).toContainEqual({ id: 'sports', name: 'Sports' });
  });

  it('reads RDF/RSS 1.0: dc:date with its offset and dc:subject as topics', async () => {
    const { batch, report } = await importFixture('river-rdf.xml');
    expect(report.format).toBe('rdf');
    expect(batch.articles).toEqual([
      expect.objectContaining({
        title: 'River lock repairs finish early',
        publishedAt: '2026-11-24T14:20:00+01:00',
        topics: ['economy', 'rivers'],
        url: 'https://rdf.example.test/stories/lock-repairs',
        source: { name: 'RDF River Report', url: 'https://rdf.example.test/' },
      }),
    ]);
  });
});

describe('other scripts and bad sources', () => {
  it('reads a windows-1251 Russian feed; a Cyrillic category becomes a transliterated topic id', async () => {
    const { batch, report } = await importFixture('harbour-ru-windows-1251.xml');
    expect(report.encoding).toBe('windows-1251');
    expect(batch.articles[0]).toMatchObject({
      title: 'Паром «Север» вышел в первый рейс',
      source: { name: 'Вести Гавани' },
      topics: ['obschestvo'],
      publishedAt: '2026-11-26T10:00:00+03:00',
    });
    expect(batch.topics).toEqual([{ id: 'obschestvo', name: 'Общество' }]);
  });

  it('reads a Greek feed', async () => {
    const { batch } = await importFixture('harbour-greek.xml');
    expect(batch.articles[0]).toMatchObject({
      title: 'Νέο πλοίο στο λιμάνι της Θεσσαλονίκης',
      topics: ['koinonia'],
      source: { name: 'Νέα του Λιμανιού' },
    });
  });

  it('refuses an HTML error page, naming it', async () => {
    await expect(importFixture('error-page.html')).rejects.toThrow(
      new FeedRefused('it is an HTML page ("503 Service Unavailable"), not a feed'),
    );
  });

  it.each([
    ['empty', '   ', 'the source is empty'],
    ['broken XML', '<rss version="2.0"><channel><title>x</item></channel>', /it is not well-formed/],
    ['XML of another kind', '<?xml version="1.0"?><catalog><book/></catalog>', /not an RSS, Atom, RDF or JSON feed/],
    ['JSON of another kind', '{"hello": "world"}', /not an RSS, Atom, RDF or JSON feed/],
  ])('refuses %s with a reason', async (_case, text, reason) => {
    await expect(
      importFeed({ text, source: 'x', topics: TOPICS, existing: async () => null, now: NOW }),
    ).rejects.toThrow(reason);
  });

  it('leaves out an entry with neither title nor text, and takes a date over a day ahead as undated', async () => {
    const text = `<rss version="2.0"><channel><title>T</title><link>https://t.test/</link>
      <item><link>https://t.test/empty</link></item>
      <item><title>From the future</title><link>https://t.test/f</link><pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item>
      <item><title>Bad date</title><link>https://t.test/b</link><pubDate>someday</pubDate></item>
    </channel></rss>`;
    const { batch, report } = await importFeed({
      text,
      source: 'x',
      topics: TOPICS,
      existing: async () => null,
      now: NOW,
    });
    expect(report.skipped).toEqual(['entry 1: has neither a title nor any text']);
    expect(batch.articles.map((a) => [a.title, a.publishedAt, a.undated])).toEqual([
      ['From the future', '2026-11-27T06:00:00Z', true],
      ['Bad date', '2026-11-27T06:00:00Z', true],
    ]);
    expect(report.warnings).toEqual([
      'entry 2: dated 2100-01-01T00:00:00Z, more than a day ahead; taken as undated',
      'entry 3: no date could be read from "someday"',
    ]);
  });
});
