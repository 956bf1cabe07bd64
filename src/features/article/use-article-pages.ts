// Which pages of an article are shown, kept in the address (?page=N, #p-N) and remembered per article.
//
// The address is the source of truth: `?page=N` means "pages 1..N are shown, page N is where the reader is".
// - A multi-page article's address always carries ?page, ?page=1 included: arriving without it (a plain link,
//   a new visit) shows the pages remembered for the article (page 1 if none), and the address is then REPLACED
//   with the explicit ?page=N (no new history entry). So every history entry says what it showed, and the
//   remembered place never leaks into Back/Forward: Back after "Show more" lands on the entry's own ?page.
// - "Show more" and the page links PUSH a new ?page=N entry, so Back/Forward step through what was opened.
// - A garbage ?page is ignored and an out-of-range one clamped, and the address is corrected with REPLACE.
// - `#p-7` shows at least the page holding paragraph 7 and scrolls to it.
// Where the page scrolls follows lib/scroll-restoration: a new entry starts at its target (#p-N, else page N's
// heading), Back/Forward return to where the reader was.
import { useEffect } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { Article } from '@/contract/news';
import { useScrollTarget } from '@/lib/scroll-restoration';
import { readUrlState, writeUrlState } from '@/lib/url-state';
import { useReadingPositionStore, useRememberedPagesShown } from '@/stores/reading-position-store';
import { pageOfParagraph, parsePageParam, parseParagraphHash } from './article-text';
import { articleUrlSchema } from './article-url';

export const pageHeadingId = (page: number) => `article-page-${page}`;
export const paragraphId = (n: number) => `p-${n}`;

const searchWithPage = (page: number | null) => {
  const text = writeUrlState(articleUrlSchema, { page: page === null ? null : String(page) }).toString();
  return text ? `?${text}` : '';
};

export interface ArticlePages {
  pageCount: number;
  /** Pages 1..pagesShown are on screen; the address points at page pagesShown. */
  pagesShown: number;
  /** Paragraph named by the address' #p-N, if it exists. */
  targetParagraph: number | null;
  /** `{ search }` for a link to page n of this article. */
  linkToPage: (page: number) => { search: string };
  showMore: () => void;
}

export function useArticlePages(article: Article): ArticlePages {
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const remembered = useRememberedPagesShown(article.id);
  const rememberPagesShown = useReadingPositionStore((state) => state.rememberPagesShown);

  const pageCount = article.pages.length;
  const paragraphCount = article.pages.reduce((sum, page) => sum + page.length, 0);
  const rawPage = readUrlState(articleUrlSchema, searchParams).page;
  const pageParam = parsePageParam(rawPage, pageCount);
  const targetParagraph = parseParagraphHash(location.hash, paragraphCount);
  const paragraphPage = targetParagraph === null ? 1 : (pageOfParagraph(article.pages, targetParagraph) ?? 1);
  const basePages = pageParam ?? Math.min(Math.max(remembered ?? 1, 1), pageCount);
  const pagesShown = Math.max(basePages, paragraphPage);

  // Make the address say what is shown (see the header comment), without a new history entry.
  const wantedParam = pageCount > 1 ? String(pagesShown) : null;
  useEffect(() => {
    if (rawPage === wantedParam) return;
    navigate(
      {
        pathname: location.pathname,
        search: searchWithPage(wantedParam === null ? null : pagesShown),
        hash: location.hash,
      },
      { replace: true },
    );
  }, [rawPage, wantedParam, pagesShown, location.pathname, location.hash, navigate]);

  useEffect(() => {
    if (pageCount > 1) rememberPagesShown(article.id, pagesShown);
  }, [article.id, pageCount, pagesShown, rememberPagesShown]);

  // A new entry starts at the #p-N paragraph, else at page N's heading. Page 1 is not a target on a fresh load
  // or Back: its start is the top of the article, where the reader already is.
  useScrollTarget((navigation) => {
    const pageTarget = pageParam !== null && !(navigation === 'POP' && pageParam === 1) ? pageParam : null;
    return (
      (targetParagraph !== null && document.getElementById(paragraphId(targetParagraph))) ||
      (pageTarget !== null && document.getElementById(pageHeadingId(pageTarget))) ||
      null
    );
  });

  return {
    pageCount,
    pagesShown,
    targetParagraph,
    linkToPage: (page) => ({ search: searchWithPage(page) }),
    showMore: () => {
      if (pagesShown >= pageCount) return;
      navigate({ pathname: location.pathname, search: searchWithPage(pagesShown + 1), hash: '' });
    },
  };
}
