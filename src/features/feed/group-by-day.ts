import type { ArticleSummary } from '@/contract/news';
import { agencyDayKey, formatAgencyDay } from '@/lib/agency-time';

export type FeedRow =
  | { kind: 'day'; key: string; label: string }
  /** `position`: the article's place in the list, from 1 (aria-posinset). */
  | { kind: 'item'; key: string; article: ArticleSummary; position: number };

// Each page's articles keep their identity across renders, so their day is worked out once, not on every page load.
const dayOf = new WeakMap<ArticleSummary, { key: string; label: string }>();
function day(article: ArticleSummary) {
  let cached = dayOf.get(article);
  if (!cached) {
    cached = { key: agencyDayKey(article.publishedAt), label: formatAgencyDay(article.publishedAt) };
    dayOf.set(article, cached);
  }
  return cached;
}

/** Flattens newest-first articles into rows with a heading before each agency-zone day. */
export function toFeedRows(articles: readonly ArticleSummary[]): FeedRow[] {
  const rows: FeedRow[] = [];
  let currentDay = '';
  const seen = new Set<string>();
  for (const article of articles) {
    if (seen.has(article.id)) continue; // a page boundary may repeat an item; React keys must stay unique
    seen.add(article.id);
    const { key, label } = day(article);
    if (key !== currentDay) {
      currentDay = key;
      rows.push({ kind: 'day', key: `day-${key}`, label });
    }
    rows.push({ kind: 'item', key: article.id, article, position: seen.size });
  }
  return rows;
}
