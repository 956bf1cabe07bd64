import { useEffect } from 'react';
import { PartBoundary } from '@/components/error-boundary';
import { NewsTime } from '@/components/news-time';
import { TopicChips } from '@/components/topic-chips';
import type { Article } from '@/contract/news';
import { copyText } from '@/lib/clipboard';
import { useReadMarksStore } from '@/stores/read-marks-store';
import { ArticleBody, PageLinks, ShowMore } from './article-body';
import { readingMinutes } from './article-text';
import { ExternalLinks, ReadAlso } from './related-links';
import { articleAddress, ShareControls, StatusToast, useStatusMessage } from './share-controls';
import { useArticlePages } from './use-article-pages';

/** A loaded article: header, pages read so far, "Show more", then what to read next. */
export function ArticleView({ article }: { article: Article }) {
  const pages = useArticlePages(article);
  const [status, setStatus] = useStatusMessage();
  const minutes = readingMinutes(article);
  const related = [...new Set(article.related ?? [])].filter((id) => id !== article.id);
  // Opening a story is reading it (the feed and search results then show it as read).
  const markRead = useReadMarksStore((s) => s.setRead);
  useEffect(() => markRead(article, true), [article, markRead]);

  const copyParagraphLink = async (n: number) => {
    const address = articleAddress(article.id, n);
    const copied = await copyText(address);
    setStatus(
      copied
        ? { text: `Link to paragraph ${n} copied`, tone: 'success' }
        : { text: `Could not copy the link. Copy it from here: ${address}`, tone: 'error' },
    );
  };

  return (
    <div className="article-view">
      <article className="article" aria-labelledby="article-title">
        <header className="article__header">
          <TopicChips topicIds={article.topics} />
          <h1 id="article-title">{article.title}</h1>
          <p className="article__meta">
            <NewsTime iso={article.publishedAt} withDate />
            <span>{minutes} min read</span>
            {pages.pageCount > 1 && <span>{pages.pageCount} pages in this article</span>}
          </p>
          <ShareControls id={article.id} title={article.title} onStatus={setStatus} />
          {pages.pageCount > 1 && <PageLinks pages={pages} />}
        </header>
        {article.lead.trim() && <p className="article__lead">{article.lead}</p>}
        <ArticleBody article={article} pages={pages} onCopyParagraphLink={copyParagraphLink} />
        <ShowMore pages={pages} />
      </article>
      {related.length > 0 && (
        <PartBoundary what="“Read also” could not be shown.">
          <ReadAlso ids={related} />
        </PartBoundary>
      )}
      <ExternalLinks title="In other media" links={article.otherMedia ?? []} />
      <ExternalLinks title="Partner News" links={article.partnerNews ?? []} />
      <StatusToast message={status} />
    </div>
  );
}
