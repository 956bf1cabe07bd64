// Stories made up for rules that only show on purpose-made data: each with its own id and a date in November 2026.
import type { Article } from '@/contract/news';

let serial = 0;

export function madeUpArticle(title: string, body: string, over: Partial<Article> = {}): Article {
  serial += 1;
  const minute = String(serial % 60).padStart(2, '0');
  return {
    id: `a-${serial}`,
    title,
    lead: 'Officials gave details at a briefing.',
    publishedAt: `2026-11-${String(10 + (serial % 15)).padStart(2, '0')}T10:${minute}:00+03:00`,
    topics: ['world'],
    pages: [[body]],
    ...over,
  };
}
