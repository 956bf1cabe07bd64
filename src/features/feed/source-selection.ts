import { ALL_SOURCES, type FeedSources } from '@/api/feed-requests';
import { sourceChoices } from '@/api/sources';
import type { SourcesResponse } from '@/contract/sources';
import type { SourceSelection } from '@/stores/source-filter-storage';
import { isEverySource, normalizeSourceSelection } from '@/stores/source-filter-store';

/** The ids the filter offers, in the panel's order: the sources by name, then stories without a source. */
const sourceIdsOf = (list: SourcesResponse): string[] => sourceChoices(list).map((s) => s.id);

/**
 * The source filter in force: the address's when it names any source we know, else the reader's saved choice;
 * normalized against the source list once it is known.
 */
export function feedSourceSelection(
  named: { sources: readonly string[] | null; excludeSources: readonly string[] | null },
  saved: SourceSelection,
  list: SourcesResponse | undefined,
): SourceSelection {
  const fromAddress: SourceSelection | null =
    named.sources || named.excludeSources ? { keep: named.sources, drop: named.excludeSources ?? [] } : null;
  if (!list) return fromAddress ?? saved;
  const allIds = sourceIdsOf(list);
  const namesKnown =
    fromAddress && [...(fromAddress.keep ?? []), ...fromAddress.drop].some((id) => allIds.includes(id));
  return normalizeSourceSelection(namesKnown ? fromAddress : saved, allIds);
}

/** What the API is asked for. */
export const feedSourcesOf = (selection: SourceSelection): FeedSources =>
  isEverySource(selection) ? ALL_SOURCES : { sources: selection.keep, excludeSources: selection.drop };

/** The address's part of a selection (an explicit "None" is the device's alone, as the topics' is). */
export const sourceAddressOf = (selection: SourceSelection) =>
  selection.keep === null
    ? { sources: null, excludeSources: selection.drop.length ? [...selection.drop] : null }
    : { sources: selection.keep.length ? [...selection.keep] : null, excludeSources: null };
