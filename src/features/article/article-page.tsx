import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { articleQueries } from '@/api/articles';
import { ApiError } from '@/api/http';
import { savedArticleQueries } from '@/api/saved-articles';
import { WaitingForNetwork } from '@/components/offline-notice';
import { QueryError } from '@/components/query-error';
import { ViewSkeleton } from '@/components/view-skeleton';
import { useDocumentTitle } from '@/lib/use-document-title';
import { ArticleView } from './article-view';
import './article.css';

/** /news/:id — fetched as soon as the route renders (feed and search links prefetch it on hover and focus). When
 * the network fails or the browser is offline, the copy the reader saved on this device (if any) is shown instead. */
export default function ArticlePage() {
  const { id = '' } = useParams();
  const article = useQuery(articleQueries.detail(id));
  const notFound = article.error instanceof ApiError && article.error.isNotFound;
  const unreachable =
    !article.data && !notFound && (article.fetchStatus === 'paused' || article.isError || article.failureCount > 0);
  const savedCopy = useQuery({ ...savedArticleQueries.copy(id), enabled: unreachable }).data;
  const shown = article.data ?? (unreachable ? savedCopy?.article : undefined);
  useDocumentTitle(
    shown?.title ??
      (notFound ? 'Article not found' : article.isError ? 'Article could not be loaded' : 'Loading article'),
  );

  // Keyed by id: another article ("Read also") starts with its own pages and scroll target. Data already
  // shown stays on screen even if a background refetch fails.
  if (shown) {
    return <ArticleView key={shown.id} article={shown} savedAt={article.data ? undefined : savedCopy?.savedAt} />;
  }
  if (article.isPending && article.fetchStatus === 'paused') {
    return (
      <section className="message-page" aria-labelledby="article-waiting">
        <h1 id="article-waiting">Waiting for the network</h1>
        <WaitingForNetwork what="this article" />
        <p>It opens by itself when you are back online.</p>
      </section>
    );
  }
  if (article.isPending) return <ViewSkeleton />;
  if (notFound) {
    return (
      <section className="message-page" aria-labelledby="article-missing">
        <h1 id="article-missing">Article not found</h1>
        <p>There is no article at this address. It may have been removed, or the link may be mistyped.</p>
        <p>
          <Link to="/">Go to All news</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="message-page" aria-labelledby="article-failed">
      <h1 id="article-failed">Article could not be loaded</h1>
      <QueryError
        what="The article could not be loaded."
        error={article.error}
        onRetry={() => void article.refetch()}
      />
      <p>
        <Link to="/">Go to All news</Link>
      </p>
    </section>
  );
}
