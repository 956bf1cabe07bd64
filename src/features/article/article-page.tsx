import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { articleQueries } from '@/api/articles';
import { ApiError } from '@/api/http';
import { QueryError } from '@/components/query-error';
import { TopicChips } from '@/components/topic-chips';
import { ViewSkeleton } from '@/components/view-skeleton';
import { formatAgencyDateTime } from '@/lib/agency-time';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function ArticlePage() {
  const { id = '' } = useParams();
  const article = useQuery(articleQueries.detail(id));
  const notFound = article.error instanceof ApiError && article.error.isNotFound;
  useDocumentTitle(article.data?.title ?? (notFound ? 'Article not found' : 'Loading article'));

  if (article.isPending) return <ViewSkeleton />;
  if (notFound) {
    return (
      <section className="message-page" aria-labelledby="article-missing">
        <h1 id="article-missing">Article not found</h1>
        <p>There is no article at this address. It may have been removed.</p>
        <p>
          <Link to="/">Go to All news</Link>
        </p>
      </section>
    );
  }
  if (article.isError) {
    return (
      <QueryError what="The article could not be loaded." error={article.error} onRetry={() => article.refetch()} />
    );
  }
  const { data } = article;
  return (
    <article className="article" aria-labelledby="article-title">
      <TopicChips topicIds={data.topics} />
      <h1 id="article-title">{data.title}</h1>
      <p className="article__time">
        <time dateTime={data.publishedAt}>{formatAgencyDateTime(data.publishedAt)}</time>
      </p>
      <p className="article__lead">{data.lead}</p>
      {data.pages.flat().map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
    </article>
  );
}
