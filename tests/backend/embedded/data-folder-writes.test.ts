// The embedded backend over a data folder keeps what it is given in the folder's files: `upsert` rewrites topics.json
// and articles.json, `rates.replace` rates.json, each through a temporary file renamed over the old one (a reader
// never sees half a file); a restart serves the same data from the same index cache; changes made by others are read
// before a write, and its own writes are not read back.
import { cpSync, mkdtempSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import {
  createEmbeddedBackend,
  type EmbeddedBackend,
  type EmbeddedBackendOptions,
} from '@/backend/embedded/embedded-backend';
import { readDataFolder } from '@/backend/embedded/news-data';
import { serializeRatesFile } from '@/backend/embedded/rates-data';
import type { NewsChange } from '@/backend/ports';
import type { Article } from '@/contract/news';
import type { RatesFile } from '@/contract/rates';
import { copyOfSampleData, sampleData } from '../../helpers/fixtures';
import { generatedDataDir } from '../../helpers/generated-data';

const WAIT = { timeout: 15_000, interval: 20 };

const backends: EmbeddedBackend[] = [];
async function open(dataDir: string, options: Partial<EmbeddedBackendOptions> = {}) {
  const backend = await createEmbeddedBackend({ dataDir, cacheDir: null, watch: false, ...options });
  backends.push(backend);
  return backend;
}
afterEach(async () => {
  for (const backend of backends.splice(0)) await backend.close();
});

function story(id: string, publishedAt: string, title = `Story ${id}`): Article {
  return { id, title, lead: 'Just in.', publishedAt, topics: ['science'], pages: [['First paragraph.']] };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);

describe('upsert over a data folder', () => {
  it('starts empty from a missing folder when asked (importers); a server still refuses one', async () => {
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'empty-start-')), 'news');
    await expect(open(dataDir)).rejects.toThrow(/topics\.json: cannot be read \(ENOENT\)/);
    const backend = await open(dataDir, { startEmpty: true });
    expect(await backend.news.topics(null)).toEqual([]);
    await backend.news.upsert({
      topics: [{ id: 'science', name: 'Science' }],
      articles: [story('first', '2026-11-26T10:00:00+03:00')],
    });
    expect(readDataFolder(dataDir)).toMatchObject({
      topics: [{ id: 'science', name: 'Science' }],
      articles: [{ id: 'first' }],
    });
  });

  it('rewrites the files, one record per line, so that the folder holds exactly what is served', async () => {
    const dir = copyOfSampleData();
    const backend = await open(dir);
    const edited = { ...sampleData.articles[5]!, title: 'An edited title' };
    const added = story('added-story', '2026-11-28T08:00:00+03:00');
    const topic = { id: 'wildlife', name: 'Wildlife' };
    await backend.news.upsert({ topics: [topic], articles: [edited, added] });

    const written = readDataFolder(dir);
    expect(written.topics).toEqual([...sampleData.topics, topic]);
    const expected = sampleData.articles.map((a) => (a.id === edited.id ? edited : a)).concat(added);
    expect([...written.articles].sort(byId)).toEqual([...expected].sort(byId));
    const lines = readFileSync(path.join(dir, 'articles.json'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(expected.length + 2);
    expect(JSON.parse(lines[1]!.replace(/,$/, ''))).toEqual(added); // newest first
    expect(readdirSync(dir).sort()).toEqual(['articles.json', 'rates.json', 'topics.json']); // nothing left over
  });

  it('is served the same after a restart, from the index cache written for it', async () => {
    const dir = copyOfSampleData();
    const backend = await open(dir, { cacheDir: undefined });
    await backend.currentSearch().ready;
    await backend.news.upsert({ articles: [story('walrus-story', '2026-11-28T08:00:00+03:00', 'Walrus seen')] });
    expect(await backend.currentSearch().ready).toBe('built');
    await backend.currentSearch().cached;
    const again = await open(dir, { cacheDir: undefined });
    expect(await again.currentSearch().ready).toBe('cache');
    const page = await again.search.search({
      q: 'walrus',
      topics: null,
      from: null,
      to: null,
      sort: 'relevance',
      cursor: null,
      limit: 5,
    });
    expect(page).toMatchObject({ ok: true, total: 1, items: [{ id: 'walrus-story' }] });
  });

  it('never shows a reader half a file: each one is renamed into place whole', async () => {
    const dir = copyOfSampleData();
    const backend = await open(dir);
    const seen: string[] = [];
    const problems: string[] = [];
    const watcher = watch(dir, (_event, name) => {
      if (!name) return;
      seen.push(name);
      if (name !== 'articles.json') return;
      try {
        JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
      } catch (error) {
        problems.push((error as Error).message);
      }
    });
    onTestFinished(() => watcher.close());
    for (let i = 0; i < 5; i++) {
      await backend.news.upsert({ articles: [story(`story-${i}`, `2026-11-28T0${i}:00:00+03:00`)] });
    }
    await vi.waitFor(() => expect(seen.filter((name) => name === 'articles.json').length).toBeGreaterThan(4), WAIT);
    expect(problems).toEqual([]);
    expect(seen.some((name) => /^articles\.json\..*\.tmp$/.test(name))).toBe(true); // written beside it first
    expect(readDataFolder(dir).articles).toHaveLength(sampleData.articles.length + 5);
  });

  it('writes nothing when the batch is refused', async () => {
    const dir = copyOfSampleData();
    const backend = await open(dir);
    const before = readFileSync(path.join(dir, 'articles.json'), 'utf8');
    await expect(
      backend.news.upsert({ articles: [{ ...story('bad', '2026-11-28T08:00:00Z'), topics: ['astrology'] }] }),
    ).rejects.toThrow('batch articles: record 0 (id "bad"), field "topics[0]": unknown topic "astrology"');
    expect(readFileSync(path.join(dir, 'articles.json'), 'utf8')).toBe(before);
  });

  it('first reads a change made by someone else that it has not read yet, so the write keeps it', async () => {
    const dir = copyOfSampleData();
    const backend = await open(dir, { watch: true, settleMs: 60_000, log: { info: () => {}, error: () => {} } });
    const theirs = story('written-by-hand', '2026-11-28T06:00:00+03:00');
    const file = path.join(dir, 'articles.json');
    writeFileSync(file, JSON.stringify([...(JSON.parse(readFileSync(file, 'utf8')) as Article[]), theirs]));
    await backend.news.upsert({ articles: [story('ours', '2026-11-28T07:00:00+03:00')] });
    const ids = readDataFolder(dir).articles.map((a) => a.id);
    expect(ids).toContain('written-by-hand');
    expect(ids).toContain('ours');
    expect(await backend.news.article('written-by-hand')).toEqual(theirs);
  });

  it('keeps a change whose file event arrives while it is reading the folder before its write', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'news-race-'));
    cpSync(generatedDataDir(3000), dir, { recursive: true });
    const backend = await open(dir, { watch: true, settleMs: 60_000, log: { info: () => {}, error: () => {} } });
    const file = path.join(dir, 'articles.json');
    const theirs = story('written-by-hand', '2026-11-28T06:00:00+03:00');
    writeFileSync(file, JSON.stringify([...(JSON.parse(readFileSync(file, 'utf8')) as Article[]), theirs]));
    // The write starts at once: the folder's event for the change above comes while its read of 3000 stories runs.
    await backend.news.upsert({ articles: [story('ours', '2026-11-28T07:00:00+03:00')] });
    const ids = readDataFolder(dir).articles.map((a) => a.id);
    expect(ids).toContain('written-by-hand');
    expect(ids).toContain('ours');
  });
});

describe('a watched data folder', () => {
  it('does not read back its own writes, tells subscribers of changes made by others, and reads those', async () => {
    const dir = copyOfSampleData();
    const messages: string[] = [];
    const log = { info: (m: string) => messages.push(m), error: (m: string) => messages.push(m) };
    const backend = await open(dir, { watch: true, settleMs: 40, log });
    const changes: NewsChange[] = [];
    backend.news.subscribe((change) => changes.push(change));

    // A witness over the same folder, slower to settle: once it has read our write, we would have read it too.
    const witness = await open(dir, { watch: true, settleMs: 200, log: { info: () => {}, error: () => {} } });
    await backend.news.upsert({ articles: [story('ours', '2026-11-28T07:00:00+03:00')] });
    expect(changes).toEqual([{ newest: Date.parse('2026-11-28T07:00:00+03:00') }]);
    await vi.waitFor(async () => expect(await witness.news.article('ours')).not.toBeNull(), WAIT);
    expect(messages).toEqual([]);

    const file = path.join(dir, 'articles.json');
    const theirs = story('theirs', '2026-11-28T09:00:00+03:00');
    writeFileSync(file, JSON.stringify([...(JSON.parse(readFileSync(file, 'utf8')) as Article[]), theirs]));
    await vi.waitFor(() => expect(changes).toHaveLength(2), WAIT);
    expect(changes[1]).toEqual({ newest: Date.parse(theirs.publishedAt) });
    expect(messages).toEqual([expect.stringMatching(/data files reloaded \(47 articles\)$/)]);
    expect(await backend.news.article('theirs')).toEqual(theirs);
  });
});

describe('rates.replace over a data folder', () => {
  const file: RatesFile = {
    base: 'EUR',
    source: 'Replaced in a test',
    currencies: [{ code: 'USD', name: 'US Dollar', nominal: 1 }],
    days: [{ date: '2026-03-02', values: { USD: 0.92 } }],
  };

  it('writes rates.json as rates:generate would, and refuses a file it could not serve without writing', async () => {
    const dir = copyOfSampleData();
    const backend = await open(dir);
    await backend.rates.replace(file);
    expect(readFileSync(path.join(dir, 'rates.json'), 'utf8')).toBe(serializeRatesFile(file));
    await expect(backend.rates.replace({ ...file, base: 'euro' })).rejects.toThrow(/rates\.json: .*field "base"/);
    expect(readFileSync(path.join(dir, 'rates.json'), 'utf8')).toBe(serializeRatesFile(file));
    expect(readdirSync(dir).sort()).toEqual(['articles.json', 'rates.json', 'topics.json']);
  });
});
