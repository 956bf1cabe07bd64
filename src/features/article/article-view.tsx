import { useEffect } from 'react';
import { PartBoundary } from '@/components/error-boundary';
import { NewsTime, useDisplayTimeZone } from '@/components/news-time';
import { SaveButton } from '@/components/save-button';
import { StoryFigure } from '@/components/story-photo';
import { TopicChips } from '@/components/topic-chips';
import type { Article } from '@/contract/news';
import { formatAgencyDateTime } from '@/lib/agency-time';
import { copyText } from '@/lib/clipboard';
import { useReadMarksStore } from '@/stores/read-marks-store';
import { ArticleBody, PageLinks, ShowMore } from './article-body';
import { readingMinutes } from './article-text';
import { ExternalLinks, ReadAlso, ReadAtSource } from './related-links';
import { articleAddress, ShareControls, StatusToast, useStatusMessage } from './share-controls';
import { StoryNavigation } from './story-navigation';
import { useArticlePages } from './use-article-pages';

/** A loaded article: header, pages read so far, "Show more", then what to read next. `savedAt`: this is the copy
 * saved on the device then, shown because the news service cannot be reached. */
export function ArticleView({ article, savedAt }: { article: Article; savedAt?: number }) {
  const pages = useArticlePages(article);
  const zone = useDisplayTimeZone();
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
      {savedAt !== undefined && (
        <p className="saved-copy-notice" role="status">
          The news service cannot be reached, so this is the copy you saved on{' '}
          {formatAgencyDateTime(new Date(savedAt).toISOString(), zone)}.
        </p>
      )}
      <article className="article" aria-labelledby="article-title">
        <header className="article__header">
          <TopicChips topicIds={article.topics} />
          <h1 id="article-title">{article.title}</h1>
          <p className="article__meta">
            <NewsTime iso={article.publishedAt} withDate undated={article.undated} />
            {article.source && <span className="article__source">{article.source.name}</span>}
            <span>{minutes} min read</span>
            {pages.pageCount > 1 && <span>{pages.pageCount} pages in this article</span>}
          </p>
          <div className="article__actions">
            <SaveButton id={article.id} title={article.title} />
            <ShareControls id={article.id} title={article.title} onStatus={setStatus} />
          </div>
          {pages.pageCount > 1 && <PageLinks pages={pages} />}
        </header>
        {article.lead.trim() && <p className="article__lead">{article.lead}</p>}
        {article.image && <StoryFigure image={article.image} />}
        <ArticleBody article={article} pages={pages} onCopyParagraphLink={copyParagraphLink} />
        <ShowMore pages={pages} />
        {article.url && <ReadAtSource url={article.url} source={article.source} />}
      </article>
      <StoryNavigation id={article.id} />
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
