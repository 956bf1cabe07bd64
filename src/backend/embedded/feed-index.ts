// The news port's lookups over the article store: topics with counts, feed pages, articles and their neighbours.
// Everything a request needs is precomputed when the data is loaded: topic counts, each topic's articles in feed
// order, each article's topics as bits, and positions (cursor, `since`) found by binary search, so no request scans
// the whole archive to count or to start a page.
import type { Article, ArticleSummary, Topic, TopicRecord } from '../../contract/news.ts';
import type { SourcesResponse } from '../../contract/sources.ts';
import { compareNewestFirst } from '../feed-cursor.ts';
import type { FeedFilter, FeedPage, FeedPageRequest, FeedPosition, Neighbours } from '../ports.ts';
import type { ArticleStore } from './article-store.ts';
import { sourceIndexOf } from './source-index.ts';

/** The first index of 0..length at which `isBefore` turns false (true, then false, along the range): binary search. */
function partitionPoint(length: number, isBefore: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBefore(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index of `ordinals` (ascending) whose article comes after `cursor` in feed order. */
function firstAfter(store: ArticleStore, ordinals: ArrayLike<number> | null, cursor: FeedPosition | null): number {
  if (!cursor) return 0;
  return partitionPoint(
    ordinals ? ordinals.length : store.size,
    (i) => compareNewestFirst(store.position(ordinals ? ordinals[i]! : i), cursor) <= 0,
  );
}

/** How many articles were published strictly after `since`: a prefix of the feed order (times newest first). */
const countNewerThan = (times: Float64Array, since: number) => partitionPoint(times.length, (i) => times[i]! > since);

/** How many numbers of an ascending list are below `end`. */
const countBelow = (list: Uint32Array, end: number) => partitionPoint(list.length, (i) => list[i]! < end);

/** Which articles a page may hold: numbers below `end` (newer than `since`) that `keep` accepts (null: all). */
interface PageBounds {
  end: number;
  keep: ((ordinal: number) => boolean) | null;
}

/** Up to `count` article numbers after `cursor` having any of the topics: a merge of the topics' sorted lists. */
function pageOfTopics(
  store: ArticleStore,
  lists: Uint32Array[],
  cursor: FeedPosition | null,
  count: number,
  { end, keep }: PageBounds,
) {
  const heads = lists.map((list) => firstAfter(store, list, cursor));
  const page: number[] = [];
  while (page.length < count) {
    let next = -1;
    lists.forEach((list, k) => {
      const head = heads[k]!;
      if (head < list.length && (next === -1 || list[head]! < next)) next = list[head]!;
    });
    if (next === -1 || next >= end) break;
    lists.forEach((list, k) => {
      if (list[heads[k]!] === next) heads[k]!++;
    });
    if (!keep || keep(next)) page.push(next);
  }
  return page;
}

/** Up to `count` article numbers after `cursor`, of any topic. */
function pageOfAll(store: ArticleStore, cursor: FeedPosition | null, count: number, { end, keep }: PageBounds) {
  const page: number[] = [];
  for (let ordinal = firstAfter(store, null, cursor); ordinal < end && page.length < count; ordinal++) {
    if (!keep || keep(ordinal)) page.push(ordinal);
  }
  return page;
}

/**
 * Each article's topics as bits (topic k of `topics` is bit k % 32 of word k / 32), and a test "has none of these
 * topics" that costs a word or two per article, so leaving muted topics out stays cheap on long walks.
 */
function topicBits(store: ArticleStore, topics: readonly { id: string }[]) {
  const indexOf = new Map(topics.map((topic, k) => [topic.id, k]));
  const words = Math.max(1, Math.ceil(topics.length / 32));
  const bits = new Uint32Array(store.size * words);
  store.summaries.forEach((summary, ordinal) => {
    for (const topic of summary.topics) {
      const k = indexOf.get(topic)!;
      bits[ordinal * words + (k >>> 5)]! |= 1 << (k & 31);
    }
  });
  return (ids: readonly string[]) => {
    const mask = new Uint32Array(words);
    for (const k of ids.flatMap((id) => indexOf.get(id) ?? [])) mask[k >>> 5]! |= 1 << (k & 31);
    if (words === 1) {
      const only = mask[0]!;
      return (ordinal: number) => (bits[ordinal]! & only) === 0;
    }
    return (ordinal: number) => mask.every((word, w) => (bits[ordinal * words + w]! & word) === 0);
  };
}

/**
 * The nearest article number before `ordinal` (a newer story) having any of the topics (`lists`; null: all) that
 * `keep` accepts (null: all): each topic's list is searched down from `ordinal`, and the nearest wins.
 */
function newerNeighbour(lists: Uint32Array[] | null, ordinal: number, keep: PageBounds['keep']): number | null {
  const accepts = (n: number) => !keep || keep(n);
  if (!lists) {
    for (let n = ordinal - 1; n >= 0; n--) if (accepts(n)) return n;
    return null;
  }
  let nearest = -1;
  for (const list of lists) {
    for (let k = countBelow(list, ordinal) - 1; k >= 0 && list[k]! > nearest; k--) {
      if (accepts(list[k]!)) {
        nearest = list[k]!;
        break;
      }
    }
  }
  return nearest === -1 ? null : nearest;
}

/** The feed of one loaded data set; answers at once (the port's promises are the backend's). */
export interface FeedIndex {
  topics(since: number | null): Topic[];
  readonly topicIds: ReadonlySet<string>;
  readonly sources: SourcesResponse;
  readonly sourceIds: ReadonlySet<string>;
  feedPage(request: FeedPageRequest): FeedPage;
  article(id: string): Article | null;
  neighbours(id: string, filter: FeedFilter): Neighbours | null;
}

export function createFeedIndex(store: ArticleStore, topics: readonly TopicRecord[]): FeedIndex {
  const members = new Map(topics.map((t) => [t.id, [] as number[]]));
  store.summaries.forEach((summary, ordinal) => {
    for (const topic of summary.topics) members.get(topic)!.push(ordinal);
  });
  const byTopic = new Map([...members].map(([id, list]) => [id, Uint32Array.from(list)]));
  const allTopics = topics.map((topic) => ({ ...topic, count: byTopic.get(topic.id)!.length }));
  const hasNoneOf = topicBits(store, topics);
  const sourceIndex = sourceIndexOf(store);
  /** The filter's test of one article beyond the lists it walks (muted topics, sources); null: every article. */
  const keepOf = (filter: FeedFilter): PageBounds['keep'] => {
    const topicKeep = filter.exclude.length > 0 ? hasNoneOf(filter.exclude) : null;
    const sourceKeep = sourceIndex.keepOf(filter);
    if (!topicKeep || !sourceKeep) return topicKeep ?? sourceKeep;
    return (ordinal) => topicKeep(ordinal) && sourceKeep(ordinal);
  };
  // An excluded topic's own list can only give articles that are left out. Without topics, kept sources give the
  // lists to merge, so a small source's page never walks the whole archive.
  const topicLists = (filter: FeedFilter) =>
    filter.topics
      ? filter.topics.filter((id) => !filter.exclude.includes(id)).map((id) => byTopic.get(id)!)
      : sourceIndex.listsOf(filter);
  const summary = (n: number | null | undefined): ArticleSummary | null =>
    n === null || n === undefined ? null : store.summaries[n]!;

  return {
    topicIds: new Set(byTopic.keys()),
    sources: sourceIndex.response,
    sourceIds: sourceIndex.ids,
    topics(since) {
      if (since === null) return allTopics;
      // Articles newer than `since` are the first `end` numbers; each topic's list is ascending.
      const end = countNewerThan(store.times, since);
      return topics.map((topic) => ({ ...topic, count: countBelow(byTopic.get(topic.id)!, end) }));
    },
    feedPage(request) {
      const { since, after, limit } = request;
      const bounds: PageBounds = {
        end: since === null ? store.size : countNewerThan(store.times, since),
        keep: keepOf(request),
      };
      // One more than asked for says whether another page follows.
      const lists = topicLists(request);
      const ordinals = lists
        ? pageOfTopics(store, lists, after, limit + 1, bounds)
        : pageOfAll(store, after, limit + 1, bounds);
      const items = ordinals.slice(0, limit);
      const last = items[items.length - 1];
      const next = ordinals.length > limit && last !== undefined ? store.position(last) : null;
      return { items: items.map((ordinal) => store.summaries[ordinal]!), next };
    },
    article(id) {
      const ordinal = store.ordinalOf(id);
      return ordinal === undefined ? null : store.article(ordinal);
    },
    // The stories just above (newer) and below (older) an article in the feed's order under the same filter as the
    // feed (the article itself need not pass it): "Previous story" and "Next story" at the end of a story.
    neighbours(id, filter) {
      const ordinal = store.ordinalOf(id);
      if (ordinal === undefined) return null;
      const keep = keepOf(filter);
      const lists = topicLists(filter);
      const after = store.position(ordinal);
      const bounds = { end: store.size, keep };
      const [older] = lists ? pageOfTopics(store, lists, after, 1, bounds) : pageOfAll(store, after, 1, bounds);
      return { newer: summary(newerNeighbour(lists, ordinal, keep)), older: summary(older) };
    },
  };
}
