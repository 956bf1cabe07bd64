import { describe, expect, it } from 'vitest';
import { articleQueries } from '@/api/articles';
import { topicQueries } from '@/api/topics';
import { prefetchFirstView } from '@/app/prefetch-feed';
import { createQueryClient } from '@/app/query-client';
import { TOPIC_FILTER_STORAGE_KEY } from '@/stores/topic-filter-storage';
import { articlesNewestFirst, sampleData } from '../helpers/fixtures';

describe('the feed’s data before the first render', () => {
  it('has the topic list and the first page of all news in the cache', async () => {
    const queryClient = createQueryClient();
    await prefetchFirstView(queryClient);
    expect(queryClient.getQueryData(topicQueries.all().queryKey)).toHaveLength(sampleData.topics.length);
    const feed = queryClient.getQueryData(articleQueries.feed(null).queryKey);
    expect(feed?.pages[0]?.items[0]?.id).toBe(articlesNewestFirst[0]!.id);
  });

  it('fetches the page the feed will ask for when the reader keeps a filter', async () => {
    localStorage.setItem(TOPIC_FILTER_STORAGE_KEY, JSON.stringify({ state: { selected: ['sports'] }, version: 1 }));
    const queryClient = createQueryClient();
    await prefetchFirstView(queryClient);
    const feed = queryClient.getQueryData(articleQueries.feed(['sports']).queryKey);
    expect(feed?.pages[0]?.items.every((a) => a.topics.includes('sports'))).toBe(true);
    expect(queryClient.getQueryData(articleQueries.feed(null).queryKey)).toBeUndefined();
  });

  it('fetches nothing for the other views', async () => {
    window.history.replaceState(null, '', '/search?q=grain');
    const queryClient = createQueryClient();
    await prefetchFirstView(queryClient);
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
    window.history.replaceState(null, '', '/');
  });
});
