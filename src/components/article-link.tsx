import { useQueryClient } from '@tanstack/react-query';
import { articleQueries } from '@/api/articles';
import { usePrefetchRoute } from '@/lib/route-prefetch';
import { PlainLink } from './plain-link';

/** A link to /news/:id that starts fetching the article (its data and the view's code) on hover or focus. */
export function ArticleLink({
  id,
  children,
  className,
}: {
  id: string;
  children: React.ReactNode;
  className?: string;
}) {
  const queryClient = useQueryClient();
  const prefetchRoute = usePrefetchRoute();
  const to = `/news/${id}`;
  const prefetch = () => {
    void queryClient.prefetchQuery(articleQueries.detail(id));
    prefetchRoute(to);
  };
  return (
    <PlainLink to={to} className={className} onMouseEnter={prefetch} onFocus={prefetch}>
      {children}
    </PlainLink>
  );
}
