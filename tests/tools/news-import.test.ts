// `npm run news:import` on the fixture feeds, into a data folder and into a PostgreSQL database: the API (the one
// plugin, through inject) then shows the stories in the feed, by id and in search, in Latin, Cyrillic and Greek.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedBackend } from '@/backend/embedded/embedded-backend';
import type { Backend } from '@/backend/ports';
import { createPostgresBackend } from '@/backend/postgres/postgres-backend';
import type { Article, ArticleSummary } from '@/contract/news';
import { newsImport } from '@/tools/news-import';
import { testApiOver, type TestApi } from '../helpers/test-api';
import { createTestDatabase, postgresUnavailableReason, type TestDatabase } from '../helpers/test-database';

const FIXTURES = path.resolve(__dirname, '../fixtures/feeds');
const fixture = (name: string) => path.join(FIXTURES, name);
const FEEDS = [
  'harbour-rss.xml',
  'coast-atom.xml',
  'bay-json.json',
  'river-rdf.xml',
  'harbour-ru-windows-1251.xml',
  'harbour-greek.xml',
];
const STORIES = 7 + 2 + 2 + 1 + 1 + 1;

/** Runs the command in this process; returns its exit status and what it printed. */
async function run(args: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const errors: string[] = [];
  const status = await newsImport(args, env, { log: (l) => out.push(l), error: (l) => errors.push(l) });
  return { status, out: out.join('\n'), errors: errors.join('\n') };
}

interface Store {
  env: NodeJS.ProcessEnv;
  open(): Promise<Backend>;
  /** Something that changes whenever the store is written. */
  fingerprint(): Promise<string>;
}

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'news-import-'));
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

function embeddedStore(): Store {
  const dataDir = path.join(tempDir(), 'not-made-yet');
  return {
    env: { DATA_DIR: dataDir },
    async open() {
      const backend = await createEmbeddedBackend({ dataDir, watch: false, cacheDir: null, log: quiet });
      await backend.currentSearch().ready;
      return backend;
    },
    async fingerprint() {
      return ['topics.json', 'articles.json']
        .map((name) => {
          const file = path.join(dataDir, name);
          return existsSync(file) ? `${statSync(file).mtimeMs}:${readFileSync(file, 'utf8')}` : '-';
        })
        .join('|');
    },
  };
}

function postgresStore(database: () => TestDatabase): Store {
  const store: Store = {
    get env() {
      return { DATABASE_URL: database().url };
    },
    async open() {
      const backend = await createPostgresBackend({ url: database().url, log: quiet });
      if (!(await backend.ready)) throw new Error('the test database did not answer');
      return backend;
    },
    async fingerprint() {
      const backend = await store.open();
      try {
        const page = await backend.news.feedPage({ topics: null, exclude: [], since: null, after: null, limit: 50 });
        return JSON.stringify([await backend.news.topics(null), page.items]);
      } finally {
        await backend.close();
      }
    },
  };
  return store;
}

function describeImport(name: string, store: () => Store) {
  // store() is called only inside hooks and tests: the PostgreSQL database exists by then.
  describe(`news:import into ${name}`, () => {
    let api: TestApi;
    let first: Awaited<ReturnType<typeof run>>;

    beforeAll(async () => {
      first = await run([...FEEDS.map(fixture), fixture('error-page.html')], store().env);
      api = await testApiOver(await store().open());
    });
    afterAll(async () => {
      await api?.app.close();
      await api?.backend.close();
    });

    it('imports every feed, refuses the HTML error page by name, and exits non-zero', () => {
      expect(first.status).toBe(1);
      expect(first.errors).toContain(
        `news:import: ${fixture('error-page.html')}: refused: it is an HTML page ("503 Service Unavailable"), not a feed`,
      );
      expect(first.errors).toContain('1 source of 7 failed and wrote nothing');
      expect(first.out).toContain(
        `${fixture('harbour-rss.xml')}: RSS "Harbour Agency Wire", 8 entries: 7 new, 0 updated, 0 unchanged, 1 duplicate collapsed`,
      );
      expect(first.out).toContain(`${fixture('coast-atom.xml')}: ATOM "Atom Coast Courier", 2 entries: 2 new`);
    });

    it('shows the stories in the feed, newest first, with their source, link and photo', async () => {
      const { status, body } = await api.get('/articles', { limit: '50' });
      expect(status).toBe(200);
      const items = (body as { items: ArticleSummary[] }).items;
      expect(items).toHaveLength(STORIES);
      const titles = items.map((item) => item.title);
      expect(titles).toContain('Паром «Север» вышел в первый рейс');
      expect(titles).toContain('Νέο πλοίο στο λιμάνι της Θεσσαλονίκης');
      const storm = items.find((item) => item.title === 'Storm closes the outer pier')!;
      expect(storm).toMatchObject({
        source: { name: 'Harbour Agency Wire', url: 'https://harbour.example.test/' },
        url: 'https://harbour.example.test/stories/storm',
        image: { url: 'https://img.example.test/storm-460.jpg', credit: 'Photograph: Ada Example/Harbour Agency' },
        topics: ['emergencies'],
      });
      const topics = ((await api.get('/topics')).body as { topics: Array<{ id: string; count: number }> }).topics;
      expect(topics).toContainEqual({ id: 'obschestvo', name: 'Общество', count: 1 });
      expect(topics).toContainEqual({ id: 'world', name: 'World', count: 1 });
    });

    it('serves a story by id with its pages', async () => {
      const items = ((await api.get('/articles', { limit: '50' })).body as { items: ArticleSummary[] }).items;
      const long = items.find((item) => item.title.startsWith('Long report'))!;
      const { status, body } = await api.get(`/articles/${long.id}`);
      expect(status).toBe(200);
      expect((body as Article).pages).toHaveLength(10);
      expect((body as Article).pages[9]![3]).toMatch(/^Paragraph 40/);
    });

    it.each([
      ['a Latin word', 'lighthouse', "Lighthouse keepers' open day"],
      ['a Cyrillic word in another case', 'ПАРОМ', 'Паром «Север» вышел в первый рейс'],
      ['a Cyrillic word without its diaeresis', 'елки', 'Паром «Север» вышел в первый рейс'],
      ['a Greek word in capitals without accents', 'ΘΕΣΣΑΛΟΝΙΚΗΣ', 'Νέο πλοίο στο λιμάνι της Θεσσαλονίκης'],
      ['a Greek word in lower case without accents', 'αθηνα', 'Νέο πλοίο στο λιμάνι της Θεσσαλονίκης'],
    ])('search finds %s', async (_case, q, title) => {
      const { status, body } = await api.get('/search', { q });
      expect(status).toBe(200);
      expect((body as { items: ArticleSummary[] }).items.map((item) => item.title)).toEqual([title]);
    });

    it('changes nothing when run again', async () => {
      const before = await store().fingerprint();
      const again = await run(FEEDS.map(fixture), store().env);
      expect(again.status).toBe(0);
      expect(again.out).toContain('8 entries: 0 new, 0 updated, 7 unchanged');
      expect(again.out).not.toMatch(/[1-9]\d* new,|[1-9]\d* updated|new topics/);
      expect(await store().fingerprint()).toBe(before);
    });

    it('--dry-run says what a changed feed would do and writes nothing', async () => {
      const changedFeed = path.join(tempDir(), 'changed.xml');
      writeFileSync(
        changedFeed,
        readFileSync(fixture('harbour-rss.xml'), 'utf8')
          .replace('Storm closes the outer pier', 'Storm closes the outer pier for two days')
          .replace('<category>Lighthouses</category>', '<category>Beacons</category>'),
      );
      const before = await store().fingerprint();
      const dry = await run(['--dry-run', changedFeed], store().env);
      expect(dry.status).toBe(0);
      expect(dry.out).toContain('dry run, nothing is written');
      expect(dry.out).toContain('8 entries: would add 0, update 2, leave 5 unchanged');
      expect(dry.out).toContain('would add new topics: beacons ("Beacons")');
      expect(await store().fingerprint()).toBe(before);
    });
  });
}

const folder = embeddedStore();
describeImport('a data folder that does not exist yet', () => folder);

const unavailable = await postgresUnavailableReason();
describe.skipIf(unavailable !== null)(`PostgreSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('news_import');
  });
  afterAll(async () => {
    await database?.drop();
  });
  const store = postgresStore(() => database);
  describeImport('PostgreSQL', () => store);
});

describe('news:import of feed URLs', () => {
  let server: Server;
  let base: string;
  const requests: Array<{ url?: string; userAgent?: string; accept?: string }> = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push({ url: request.url, userAgent: request.headers['user-agent'], accept: request.headers.accept });
      if (request.url === '/down.xml') {
        response.writeHead(500, { 'content-type': 'text/html' }).end('<h1>oops</h1>');
        return;
      }
      const file = fixture(path.basename(request.url ?? ''));
      if (!existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      // A server that calls a windows-1251 feed UTF-8, as some do: the feed's declaration must win.
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('imports the feeds of a feeds file, with their names and topic mappings; a failing one is named', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const feedsFile = path.join(tempDir(), 'feeds.json');
    writeFileSync(
      feedsFile,
      JSON.stringify([
        { url: `${base}/harbour-ru-windows-1251.xml`, name: 'Вести', topics: { общество: 'society' } },
        { url: `${base}/down.xml` },
        { url: `${base}/harbour-greek.xml`, defaultTopic: 'world' },
      ]),
    );
    const result = await run(['--feeds', feedsFile], { DATA_DIR: dataDir });
    expect(result.status).toBe(1);
    expect(result.errors).toContain(
      `news:import: ${base}/down.xml: refused: the server answered HTTP 500 Internal Server Error`,
    );
    expect(result.out).toContain(`${base}/harbour-ru-windows-1251.xml: RSS "Вести", 1 entry: 1 new`);
    expect(result.out).toContain('note: the bytes are not UTF-8 as Content-Type says; read as windows-1251');
    expect(requests[0]).toMatchObject({
      userAgent: expect.stringMatching(/^Mozilla\/5\.0/),
      accept: expect.stringContaining('application/rss+xml'),
    });

    const backend = await createEmbeddedBackend({ dataDir, watch: false, cacheDir: null, log: quiet });
    const page = await backend.news.feedPage({ topics: null, exclude: [], since: null, after: null, limit: 10 });
    expect(page.items.map((item) => [item.title, item.topics, item.source?.name])).toEqual([
      ['Паром «Север» вышел в первый рейс', ['society'], 'Вести'],
      ['Νέο πλοίο στο λιμάνι της Θεσσαλονίκης', ['koinonia'], 'Νέα του Λιμανιού'],
    ]);
    expect(page.items[0]!.id).toMatch(/^vesti-[0-9a-f]{12}$/);
    await backend.close();
  });

  it('--dry-run into a missing data folder makes nothing', async () => {
    const dataDir = path.join(tempDir(), 'absent');
    const result = await run(['--dry-run', `${base}/river-rdf.xml`], { DATA_DIR: dataDir });
    expect(result.status).toBe(0);
    expect(result.out).toContain('1 entry: would add 1, update 0, leave 0 unchanged');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('names what is wrong with the command line or a source that cannot be read', async () => {
    const env = { DATA_DIR: path.join(tempDir(), 'data') };
    expect(await run([], env)).toMatchObject({ status: 2, errors: expect.stringContaining('no sources given') });
    expect(await run(['--colour'], env)).toMatchObject({
      status: 2,
      errors: expect.stringContaining("Unknown option '--colour'"),
    });
    expect(await run(['--feeds', '/nowhere/feeds.json'], env)).toMatchObject({
      status: 2,
      errors: expect.stringContaining('/nowhere/feeds.json: cannot be read (ENOENT)'),
    });
    expect(await run(['/nowhere/feed.xml', `${base}/missing.xml`], env)).toMatchObject({
      status: 1,
      errors: expect.stringMatching(
        /feed\.xml: refused: cannot be read \(ENOENT\)[\s\S]*missing\.xml: refused: the server answered HTTP 404/,
      ),
    });
  });

  it('runs as `npm run news:import`, exit status included', () => {
    const dataDir = path.join(tempDir(), 'data');
    const result = spawnSync(
      'npm',
      ['run', '-s', 'news:import', '--', fixture('river-rdf.xml'), fixture('error-page.html')],
      {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
        encoding: 'utf8',
      },
    );
    expect(result.stdout).toContain('RDF "RDF River Report", 1 entry: 1 new');
    expect(result.stderr).toContain('error-page.html: refused: it is an HTML page');
    expect(result.status).toBe(1);
  });
});
