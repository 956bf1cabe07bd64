// GET /topics, /articles, /articles/:id over the article store. Everything a request needs is precomputed at
// start: topic counts, each topic's articles in feed order, and cursor positions found by binary search.
import type { Article } from '../contract/news.ts';
import { apiError, isResponse, ok, type Route } from './api-response.ts';
import type { ArticleStore } from './article-store.ts';
import { compareNewestFirst, decodeCursor, encodeCursor, sortByNewest, type CursorPosition } from './cursor.ts';
import type { NewsData } from './load-mock-data.ts';
import { readLimit, readTopics } from './query-params.ts';

/** Sorted newest first (ties by id), as the feed lists them. */
export function sortNewestFirst<T extends Pick<Article, 'publishedAt' | 'id'>>(articles: readonly T[]): T[] {
  return sortByNewest(articles, (a) => ({ time: Date.parse(a.publishedAt), id: a.id }));
}

/** The first index of `ordinals` (ascending) whose article comes after `cursor` in feed order. */
function firstAfter(store: ArticleStore, ordinals: ArrayLike<number> | null, cursor: CursorPosition | null): number {
  const length = ordinals ? ordinals.length : store.size;
  if (!cursor) return 0;
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareNewestFirst(store.position(ordinals ? ordinals[mid]! : mid), cursor) > 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Up to `count` article numbers after `cursor` having any of the topics: a merge of the topics' sorted lists. */
function pageOfTopics(store: ArticleStore, lists: Uint32Array[], cursor: CursorPosition | null, count: number) {
  const heads = lists.map((list) => firstAfter(store, list, cursor));
  const page: number[] = [];
  while (page.length < count) {
    let next = -1;
    lists.forEach((list, k) => {
      const head = heads[k]!;
      if (head < list.length && (next === -1 || list[head]! < next)) next = list[head]!;
    });
    if (next === -1) break;
    lists.forEach((list, k) => {
      if (list[heads[k]!] === next) heads[k]!++;
    });
    page.push(next);
  }
  return page;
}

export function newsRoutes({ store, topics }: NewsData): Route[] {
  const members = new Map(topics.map((t) => [t.id, [] as number[]]));
  store.summaries.forEach((summary, ordinal) => {
    for (const topic of summary.topics) members.get(topic)!.push(ordinal);
  });
  const byTopic = new Map([...members].map(([id, list]) => [id, Uint32Array.from(list)]));
  const topicsBody = { topics: topics.map((topic) => ({ ...topic, count: byTopic.get(topic.id)!.length })) };
  const topicIds = new Set(byTopic.keys());

  return [
    { method: 'GET', pattern: '/topics', handle: () => ok(topicsBody) },
    {
      method: 'GET',
      pattern: '/articles',
      handle: (_params, query) => {
        const wanted = readTopics(query, topicIds);
        if (isResponse(wanted)) return wanted;
        const limit = readLimit(query);
        if (isResponse(limit)) return limit;
        const rawCursor = query.get('cursor');
        const cursor = rawCursor ? decodeCursor(rawCursor) : null;
        if (rawCursor && !cursor)
          return apiError(400, 'bad_cursor', 'The cursor is not valid; start again from the first page');
        // One more than asked for says whether another page follows.
        let ordinals: number[];
        if (wanted)
          ordinals = pageOfTopics(
            store,
            [...new Set(wanted)].map((id) => byTopic.get(id)!),
            cursor,
            limit + 1,
          );
        else {
          const start = firstAfter(store, null, cursor);
          ordinals = Array.from({ length: Math.max(0, Math.min(limit + 1, store.size - start)) }, (_, i) => start + i);
        }
        const items = ordinals.slice(0, limit);
        const last = items[items.length - 1];
        const nextCursor = ordinals.length > limit && last !== undefined ? encodeCursor(store.position(last)) : null;
        return ok({ items: items.map((ordinal) => store.summaries[ordinal]), nextCursor });
      },
    },
    {
      method: 'GET',
      pattern: '/articles/:id',
      handle: ({ id }) => {
        const ordinal = store.ordinalOf(id!);
        return ordinal === undefined
          ? apiError(404, 'not_found', `No article with id "${id}"`)
          : ok(store.article(ordinal));
      },
    },
  ];
}
