// The embedded engine's answers to the news port's questions (its feed index over the same records), so a
// PostgreSQL answer can be compared with what the embedded store serves for the same data. Cursors compare as
// wire tokens: both ports' next positions encoded the same way.
import { ArticleStoreBuilder } from '@/backend/embedded/article-store';
import { createFeedIndex } from '@/backend/embedded/feed-index';
import type { NewsData } from '@/backend/embedded/news-data';
import { encodeFeedCursor } from '@/backend/feed-cursor';
import type { FeedFilter, FeedPage, FeedPageRequest } from '@/backend/ports';
import type { Article, TopicRecord } from '@/contract/news';

export const wirePage = (page: FeedPage) => ({
  items: page.items,
  nextCursor: page.next && encodeFeedCursor(page.next),
});

/** The feed index of records, or of data a loader already read. */
function feedIndexOf(data: { topics: readonly TopicRecord[]; articles: readonly Article[] } | NewsData) {
  if ('store' in data) return createFeedIndex(data.store, data.topics);
  // Not checked against the data limits: the stores are compared on any records, far-future dates included.
  const builder = new ArticleStoreBuilder();
  data.articles.forEach((article) => builder.add(article));
  return createFeedIndex(builder.finish(), data.topics);
}

export function embeddedReference(data: Parameters<typeof feedIndexOf>[0]) {
  const index = feedIndexOf(data);
  return {
    topics: (since: number | null) => index.topics(since),
    feedPage: (request: FeedPageRequest) => wirePage(index.feedPage(request)),
    article: (id: string) => index.article(id),
    neighbours: (id: string, filter: FeedFilter) => index.neighbours(id, filter),
  };
}
