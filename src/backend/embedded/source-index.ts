// The sources of one loaded article store: each story's source as a number, each source's stories in feed order,
// and the counts GET /sources answers, computed once per store (the feed and search share them). Stories without a
// source are source 0 (NO_SOURCE_ID), so "keep" and "drop" treat them like any named source.
import { NO_SOURCE_ID, type SourcesResponse } from '../../contract/sources.ts';
import type { SourceFilter } from '../ports.ts';
import { sourceIdOf, sourcesResponse } from '../source-ids.ts';
import type { ArticleStore } from './article-store.ts';

export interface SourceIndex {
  readonly ids: ReadonlySet<string>;
  readonly response: SourcesResponse;
  /** The stories a filter's kept sources hold, as ascending lists of article numbers; null: no such filter. */
  listsOf(filter: SourceFilter): Uint32Array[] | null;
  /** A test of one article number against the filter; null when it lets every story through. */
  keepOf(filter: SourceFilter): ((ordinal: number) => boolean) | null;
}

const made = new WeakMap<ArticleStore, SourceIndex>();

/** The source index of `store`, made on first use. */
export function sourceIndexOf(store: ArticleStore): SourceIndex {
  let index = made.get(store);
  if (!index) {
    index = createSourceIndex(store);
    made.set(store, index);
  }
  return index;
}

function createSourceIndex(store: ArticleStore): SourceIndex {
  const numberOf = new Map<string, number>([[NO_SOURCE_ID, 0]]);
  const names: string[] = [''];
  const members: number[][] = [[]];
  const sourceOf = new Uint32Array(store.size);
  store.summaries.forEach((summary, ordinal) => {
    const id = sourceIdOf(summary);
    let n = numberOf.get(id);
    if (n === undefined) {
      n = names.length;
      numberOf.set(id, n);
      // Stories are newest first: the first one met names the source.
      names.push(summary.source!.name);
      members.push([]);
    }
    sourceOf[ordinal] = n;
    members[n]!.push(ordinal);
  });
  const lists = members.map((list) => Uint32Array.from(list));
  const ids = [...numberOf.keys()];
  const response = sourcesResponse(
    ids.slice(1).map((id, k) => ({ id, name: names[k + 1]!, count: lists[k + 1]!.length })),
    lists[0]!.length,
  );
  const numbers = (wanted: readonly string[]) => wanted.flatMap((id) => numberOf.get(id) ?? []);

  return {
    ids: new Set(ids),
    response,
    listsOf({ sources, excludeSources = [] }) {
      if (!sources) return null;
      const dropped = new Set(numbers(excludeSources));
      return numbers(sources)
        .filter((n) => !dropped.has(n))
        .map((n) => lists[n]!);
    },
    keepOf({ sources, excludeSources = [] }) {
      if (!sources && excludeSources.length === 0) return null;
      const allowed = new Uint8Array(names.length).fill(sources ? 0 : 1);
      for (const n of numbers(sources ?? [])) allowed[n] = 1;
      for (const n of numbers(excludeSources)) allowed[n] = 0;
      return (ordinal) => allowed[sourceOf[ordinal]!] === 1;
    },
  };
}
