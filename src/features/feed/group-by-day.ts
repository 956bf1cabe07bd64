import type { ArticleSummary } from '@/api/schemas';
import { agencyDayKey, formatAgencyDay } from '@/lib/agency-time';

export type FeedRow =
  { kind: 'day'; key: string; label: string } | { kind: 'item'; key: string; article: ArticleSummary };

/** Flattens newest-first articles into rows with a heading before each agency-zone day. */
export function toFeedRows(articles: readonly ArticleSummary[]): FeedRow[] {
  const rows: FeedRow[] = [];
  let currentDay = '';
  const seen = new Set<string>();
  for (const article of articles) {
    if (seen.has(article.id)) continue; // a page boundary may repeat an item; React keys must stay unique
    seen.add(article.id);
    const day = agencyDayKey(article.publishedAt);
    if (day !== currentDay) {
      currentDay = day;
      rows.push({ kind: 'day', key: `day-${day}`, label: formatAgencyDay(article.publishedAt) });
    }
    rows.push({ kind: 'item', key: article.id, article });
  }
  return rows;
}
