import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { articleQueries } from '@/api/articles';

const loadArticleView = () => import('@/features/article/article-page');

/** A link to /news/:id that starts fetching the article (data and view code) on hover or focus. */
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
  const prefetch = () => {
    void queryClient.prefetchQuery(articleQueries.detail(id));
    void loadArticleView();
  };
  return (
    <Link to={`/news/${id}`} className={className} onMouseEnter={prefetch} onFocus={prefetch}>
      {children}
    </Link>
  );
}
