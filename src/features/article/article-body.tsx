import { Fragment } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/button';
import { LongText } from '@/components/long-text';
import { VisuallyHidden } from '@/components/visually-hidden';
import type { Article } from '@/contract/news';
import { useHydrated } from '@/lib/use-hydrated';
import { firstParagraphNumbers, formatDateline } from './article-text';
import { pageHeadingId, paragraphId, type ArticlePages } from './use-article-pages';

/** "Pages: 1 2 3": links that jump to (and open up to) a page; each page has its own address. */
export function PageLinks({ pages }: { pages: ArticlePages }) {
  return (
    <nav className="page-links" aria-label="Article pages">
      <span className="page-links__label" aria-hidden="true">
        Pages:
      </span>
      <ol>
        {Array.from({ length: pages.pageCount }, (_, i) => i + 1).map((page) => (
          <li key={page}>
            <Link
              to={pages.linkToPage(page)}
              className="page-links__link"
              aria-current={page === pages.pagesShown ? 'page' : undefined}
              aria-label={`Page ${page}`}
            >
              {page}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Paragraph({
  n,
  text,
  dateline,
  isTarget,
  onCopyLink,
}: {
  n: number;
  text: string;
  dateline: string | null;
  isTarget: boolean;
  onCopyLink: (n: number) => void;
}) {
  return (
    <div className={isTarget ? 'paragraph paragraph--target' : 'paragraph'}>
      <p id={paragraphId(n)} tabIndex={isTarget ? -1 : undefined}>
        {dateline && <span className="article__dateline">{dateline} </span>}
        <LongText text={text} />
      </p>
      <button type="button" className="paragraph__link" onClick={() => onCopyLink(n)}>
        <span aria-hidden="true">#</span>
        <VisuallyHidden>Copy link to this paragraph (paragraph {n})</VisuallyHidden>
      </button>
    </div>
  );
}

/** The pages shown so far, one after another; every paragraph numbered across the whole article. */
export function ArticleBody({
  article,
  pages,
  onCopyParagraphLink,
}: {
  article: Article;
  pages: ArticlePages;
  onCopyParagraphLink: (n: number) => void;
}) {
  const firsts = firstParagraphNumbers(article.pages);
  const dateline = article.dateline?.trim() ? formatDateline(article.dateline, article.publishedAt) : null;
  const multiPage = pages.pageCount > 1;

  return (
    <div className="article__body">
      {article.pages.slice(0, pages.pagesShown).map((paragraphs, pageIndex) => {
        const page = pageIndex + 1;
        const content = paragraphs.map((text, i) => {
          const n = firsts[pageIndex]! + i;
          return (
            <Paragraph
              key={n}
              n={n}
              text={text}
              dateline={n === 1 ? dateline : null}
              isTarget={n === pages.targetParagraph}
              onCopyLink={onCopyParagraphLink}
            />
          );
        });
        if (!multiPage) return <Fragment key={page}>{content}</Fragment>;
        return (
          <section key={page} className="article__page" aria-labelledby={pageHeadingId(page)}>
            <h2 id={pageHeadingId(page)} className="article__page-heading" tabIndex={-1}>
              Page {page} of {pages.pageCount}
            </h2>
            {content}
          </section>
        );
      })}
    </div>
  );
}

/** "Show more": appends the next page below what was read so far. Gone once the whole article is shown. Until the
 * page is the app's (scripts off, a failed bundle, or not hydrated yet) a link to the address with the next page. */
export function ShowMore({ pages }: { pages: ArticlePages }) {
  const hydrated = useHydrated();
  if (pages.pagesShown >= pages.pageCount) return null;
  return (
    <div className="article__more">
      {hydrated ? (
        <Button aria-describedby="article-more-hint" onClick={pages.showMore}>
          Show more
        </Button>
      ) : (
        <Link className="button" aria-describedby="article-more-hint" to={pages.linkToPage(pages.pagesShown + 1)}>
          Show more
        </Link>
      )}
      <span id="article-more-hint" className="article__more-hint">
        Page {pages.pagesShown + 1} of {pages.pageCount} next
      </span>
    </div>
  );
}
