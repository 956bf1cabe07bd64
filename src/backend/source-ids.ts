// Source ids and the source list, shared by both adapters so they name and order sources alike. A source's id is a
// slug of its name (`@sindresorhus/slugify`, which transliterates: "ТАСС" is "tass", "Αθήνα" is "athina"), so it is
// stable across imports and readable in an address; a name with nothing to transliterate ("新华社") gets
// "source-" and a hash of the name. Two names with the same slug ("BBC News", "BBC  News") are one source, named as
// its newest story names it.
import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';
import type { StorySource } from '../contract/news.ts';
import { NO_SOURCE_ID, type SourcesResponse, type SourceWithCount } from '../contract/sources.ts';
import type { SourceFilter } from './ports.ts';

/** Long feed titles make long addresses: a slug is cut at a word boundary near this length. */
const MAX_SLUG_LENGTH = 60;

const ids = new Map<string, string>();

function slugOf(name: string): string {
  const slug = slugify(name, { decamelize: false });
  if (slug === '') return `source-${createHash('sha256').update(name.trim()).digest('hex').slice(0, 10)}`;
  // The reserved id of stories without a source must not name a real one.
  if (slug === NO_SOURCE_ID) return `${slug}-source`;
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

/** The id of the source named `name`. */
export function sourceIdOfName(name: string): string {
  let id = ids.get(name);
  if (id === undefined) {
    id = slugOf(name);
    // A few hundred feeds at most; the bound only stops a hostile import from growing it without end.
    if (ids.size > 10_000) ids.clear();
    ids.set(name, id);
  }
  return id;
}

/** The source id a story is filed under: its source's, or NO_SOURCE_ID. */
export const sourceIdOf = (story: { source?: StorySource }): string =>
  story.source ? sourceIdOfName(story.source.name) : NO_SOURCE_ID;

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The wire answer of GET /sources from each source's newest name and count: sources by name, then id. */
export function sourcesResponse(sources: readonly SourceWithCount[], unsourced: number): SourcesResponse {
  const sorted = [...sources].sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
  return { sources: sorted, unsourced };
}

/** What a search cursor's fingerprint adds for a source filter: nothing without one, so older cursors stay valid. */
export function sourceFingerprint({ sources, excludeSources = [] }: SourceFilter): unknown[] {
  if (!sources && excludeSources.length === 0) return [];
  return [{ sources: sources ? [...sources].sort() : null, excludeSources: [...excludeSources].sort() }];
}
