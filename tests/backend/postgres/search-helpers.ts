// The PostgreSQL search beside the embedded engine over the same data: a database of its own holding `data`, and
// the same request asked of both, page by page, so tests compare answers instead of writing them down.
import pg from 'pg';
import { agencyTimeZoneFromEnv } from '@/backend/agency-time-zone';
import { ArticleStoreBuilder } from '@/backend/embedded/article-store';
import type { DataSet } from '@/backend/embedded/news-data';
import { decodeSearchCursor } from '@/backend/embedded/search-cursor';
import { searchNow } from '@/backend/embedded/search-service';
import type { SearchPageOutcome, SearchPort } from '@/backend/ports';
import { migrate } from '@/backend/postgres/migrations';
import { createPostgresSearch, type PostgresSearchOptions } from '@/backend/postgres/postgres-search';
import { insertArticles, insertTopics } from '../../helpers/insert-articles';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';

export interface SearchParams {
  q: string;
  topics?: string;
  from?: string;
  to?: string;
  sort?: 'relevance' | 'newest';
  typos?: 'off';
  limit?: string;
}

/** What both adapters answer, with the cursors left out (each adapter has its own). */
interface Answer {
  items: { id: string }[];
  total: number;
  more: boolean;
  suggestion?: string | null;
  corrected?: string | null;
}

export interface SearchPair {
  db: pg.Pool;
  search: SearchPort;
  embedded(params: SearchParams, cursor?: string | null): Answer & { nextCursor: string | null };
  postgres(params: SearchParams, cursor?: string | null): Promise<SearchPageOutcome>;
  /** Every page of a search through both adapters' cursors: [embedded ids, postgres ids]. */
  readAll(params: SearchParams): Promise<[string[], string[]]>;
  close(): Promise<void>;
}

const BATCH = 300;

export async function searchPair(data: DataSet, options: Partial<PostgresSearchOptions> = {}): Promise<SearchPair> {
  const database: TestDatabase = await createTestDatabase('news_search');
  const db = new pg.Pool({ connectionString: database.url, max: 2 });
  await migrate(db);
  await insertTopics(db, data.topics);
  for (let i = 0; i < data.articles.length; i += BATCH) await insertArticles(db, data.articles.slice(i, i + BATCH));
  await db.query('ANALYZE');
  const search = createPostgresSearch(db, { timeZone: agencyTimeZoneFromEnv(), ...options });
  const builder = new ArticleStoreBuilder();
  data.articles.forEach((article) => builder.add(article));
  const state = searchNow(
    { topics: [...data.topics], store: builder.finish(), rates: null, dataKey: null },
    agencyTimeZoneFromEnv(),
  ).state();
  if (state.status !== 'ready') throw new Error('the embedded search is not ready');

  const embedded = (params: SearchParams, cursor: string | null = null) => {
    const outcome = state.core.search({
      q: params.q,
      topics: params.topics ? params.topics.split(',') : null,
      from: params.from ?? null,
      to: params.to ?? null,
      sort: params.sort ?? 'relevance',
      exact: params.typos === 'off',
      cursor: cursor ? decodeSearchCursor(cursor) : null,
      limit: Number(params.limit ?? 20),
    });
    if (!outcome.ok) throw new Error(`embedded search ${JSON.stringify(params)}: ${outcome.message}`);
    const { ok: _ok, ...body } = outcome;
    return { ...body, more: body.nextCursor !== null };
  };
  const postgres = (params: SearchParams, cursor: string | null = null) =>
    search.search({
      q: params.q,
      topics: params.topics ? params.topics.split(',') : null,
      from: params.from ?? null,
      to: params.to ?? null,
      sort: params.sort ?? 'relevance',
      exact: params.typos === 'off',
      cursor,
      limit: Number(params.limit ?? 20),
    });

  async function readAll(params: SearchParams): Promise<[string[], string[]]> {
    const embeddedIds: string[] = [];
    let cursor: string | null = null;
    do {
      const page = embedded(params, cursor);
      embeddedIds.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor && embeddedIds.length <= data.articles.length);
    const postgresIds: string[] = [];
    cursor = null;
    do {
      const page = await postgres(params, cursor);
      if (!page.ok) throw new Error(`postgres search: ${page.message}`);
      postgresIds.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor && postgresIds.length <= data.articles.length);
    return [embeddedIds, postgresIds];
  }

  return {
    db,
    search,
    embedded,
    postgres,
    readAll,
    async close() {
      await db.end();
      await database.drop();
    },
  };
}
