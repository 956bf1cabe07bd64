// The end of a story: the previous and next story in the order of the list the reader came from (the feed list with
// its topics and mutes; the whole feed's order when the story was opened some other way), and back to that list.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { articleQueries, feedFilterShowing, WHOLE_FEED, type FeedFilter } from '@/api/articles';
import { ArticleLink } from '@/components/article-link';
import type { ArticleSummary } from '@/contract/news';
import { useEntryBehind } from '@/lib/history-trail';

const isStory = (address: string) => address.startsWith('/news/');
const isList = (address: string) => !isStory(address);

/** Each list entry's filter, found from the story first opened from it, so the rest of a run keeps its order. */
const listFilters = new Map<string, FeedFilter>();

function filterOf(list: { key: string; steps: number }, lookUp: () => FeedFilter | null): FeedFilter {
  let filter = list.steps === -1 ? undefined : listFilters.get(list.key);
  if (!filter) {
    filter = lookUp() ?? WHOLE_FEED;
    listFilters.set(list.key, filter);
  }
  return filter;
}

function backLabel(address: string | undefined): string {
  if (address === undefined || address === '/' || address.startsWith('/?')) return 'Back to All news';
  if (address.startsWith('/search')) return 'Back to the search results';
  if (address.startsWith('/saved')) return 'Back to Saved';
  return 'Back to the list';
}

export function StoryNavigation({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // The list behind this run of stories (undefined for the moment the shell has not followed this navigation yet).
  const list = useEntryBehind(isList, isStory);
  const [listKey, steps] = [list?.key, list?.steps];
  const filter = useMemo(
    () => (listKey && steps ? filterOf({ key: listKey, steps }, () => feedFilterShowing(queryClient, id)) : WHOLE_FEED),
    [listKey, steps, queryClient, id],
  );
  const neighbours = useQuery({ ...articleQueries.neighbours(id, filter), enabled: list !== undefined });

  const story = (label: string, summary: ArticleSummary | null | undefined, end: string) => (
    <li className="story-nav__item">
      <span className="story-nav__label">{label}</span>
      {summary ? (
        <ArticleLink id={summary.id} className="story-nav__title">
          {summary.title}
        </ArticleLink>
      ) : (
        <span className="story-nav__title story-nav__title--none">
          {neighbours.isSuccess ? end : neighbours.isError ? 'Could not be loaded.' : 'Loading…'}
        </span>
      )}
    </li>
  );

  return (
    <nav className="story-nav" aria-label="More stories">
      <ul className="story-nav__stories">
        {story('Previous story', neighbours.data?.newer, 'This is the newest story.')}
        {story('Next story', neighbours.data?.older, 'This is the oldest story.')}
      </ul>
      <p className="story-nav__back">
        <Link
          to={list?.address ?? '/'}
          onClick={(event) => {
            if (!list) return;
            // The browser's own Back: the list comes back as the reader left it (place, expanded stories).
            event.preventDefault();
            void navigate(list.steps);
          }}
        >
          {backLabel(list?.address)}
        </Link>
      </p>
    </nav>
  );
}
