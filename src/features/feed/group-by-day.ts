import type { ArticleSummary } from '@/contract/news';
import { agencyDayKey, formatAgencyDay } from '@/lib/agency-time';

export type FeedRow =
  | { kind: 'day'; key: string; label: string }
  /** `position`: the article's place in the list, from 1 (aria-posinset). */
  | { kind: 'item'; key: string; article: ArticleSummary; position: number };

// Each page's articles keep their identity across renders, so their day is worked out once per zone, not on every
// page load.
const dayOf = new Map<string, WeakMap<ArticleSummary, { key: string; label: string }>>();
function day(article: ArticleSummary, timeZone: string) {
  let zoneDays = dayOf.get(timeZone);
  if (!zoneDays) dayOf.set(timeZone, (zoneDays = new WeakMap()));
  let cached = zoneDays.get(article);
  if (!cached) {
    cached = {
      key: agencyDayKey(article.publishedAt, timeZone),
      label: formatAgencyDay(article.publishedAt, timeZone),
    };
    zoneDays.set(article, cached);
  }
  return cached;
}

/** Flattens newest-first articles into rows with a heading before each day of `timeZone` (the reader's choice). */
export function toFeedRows(articles: readonly ArticleSummary[], timeZone: string): FeedRow[] {
  const rows: FeedRow[] = [];
  let currentDay = '';
  const seen = new Set<string>();
  for (const article of articles) {
    if (seen.has(article.id)) continue; // a page boundary may repeat an item; React keys must stay unique
    seen.add(article.id);
    const { key, label } = day(article, timeZone);
    if (key !== currentDay) {
      currentDay = key;
      rows.push({ kind: 'day', key: `day-${key}`, label });
    }
    rows.push({ kind: 'item', key: article.id, article, position: seen.size });
  }
  return rows;
}
