import { useQuery } from '@tanstack/react-query';
import { articleQueries } from '@/api/articles';
import { LongText } from '@/components/long-text';
import { WaitingForNetwork } from '@/components/offline-notice';
import { QueryError } from '@/components/query-error';

/** The whole article (all pages) shown in place under a feed item by "Show more". */
export default function FullText({ id }: { id: string }) {
  const article = useQuery(articleQueries.detail(id));
  if (article.isPending && article.fetchStatus === 'paused') {
    return <WaitingForNetwork what="the full text" />;
  }
  if (article.isPending) {
    return (
      <div aria-busy="true">
        <p className="loading-note" role="status">
          Loading the full text…
        </p>
        <div className="skeleton skeleton--line" />
        <div className="skeleton skeleton--line" />
      </div>
    );
  }
  if (article.isError) {
    return (
      <QueryError what="The full text could not be loaded." error={article.error} onRetry={() => article.refetch()} />
    );
  }
  const { pages } = article.data;
  return (
    <>
      {pages.map((paragraphs, pageIndex) => (
        <section key={pageIndex} aria-label={pages.length > 1 ? `Page ${pageIndex + 1} of ${pages.length}` : undefined}>
          {pages.length > 1 && (
            <p className="page-marker" aria-hidden="true">
              Page {pageIndex + 1} of {pages.length}
            </p>
          )}
          {paragraphs.map((paragraph, i) => (
            <p key={i}>
              <LongText text={paragraph} />
            </p>
          ))}
        </section>
      ))}
    </>
  );
}
