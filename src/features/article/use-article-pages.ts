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
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate, useNavigationType, type Location } from 'react-router';
import type { Article } from '@/api/schemas';
import { useReadingPositionStore, useRememberedPagesShown } from '@/stores/reading-position-store';
import { pageOfParagraph, parsePageParam, parseParagraphHash } from './article-text';

export const pageHeadingId = (page: number) => `article-page-${page}`;
export const paragraphId = (n: number) => `p-${n}`;

function searchWithPage(search: string, page: number | null): string {
  const params = new URLSearchParams(search);
  if (page === null) params.delete('page');
  else params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

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
  const navigate = useNavigate();
  const navigationType = useNavigationType();
  const remembered = useRememberedPagesShown(article.id);
  const rememberPagesShown = useReadingPositionStore((state) => state.rememberPagesShown);

  const pageCount = article.pages.length;
  const paragraphCount = article.pages.reduce((sum, page) => sum + page.length, 0);
  const rawPage = new URLSearchParams(location.search).get('page');
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
        search: searchWithPage(location.search, wantedParam === null ? null : pagesShown),
        hash: location.hash,
      },
      { replace: true },
    );
  }, [rawPage, wantedParam, pagesShown, location.pathname, location.search, location.hash, navigate]);

  useEffect(() => {
    if (pageCount > 1) rememberPagesShown(article.id, pagesShown);
  }, [article.id, pageCount, pagesShown, rememberPagesShown]);

  useScrollToTarget(location, navigationType, targetParagraph, pageParam);

  return {
    pageCount,
    pagesShown,
    targetParagraph,
    linkToPage: (page) => ({ search: searchWithPage(location.search, page) }),
    showMore: () => {
      if (pagesShown >= pageCount) return;
      navigate({ pathname: location.pathname, search: searchWithPage(location.search, pagesShown + 1), hash: '' });
    },
  };
}

/**
 * Once per navigation (location.key): scroll to the #p-N paragraph, else to the start of the ?page=N page,
 * and move focus there so keyboard and screen-reader users continue reading from it.
 * - New visits, "Show more" and page links (PUSH) always go to the target. Without one, the app shell
 *   (app/use-scroll-restoration.ts) has already started the page at the top: it does so for every PUSH
 *   without a hash, and "Show more" and page links carry none (a pushed #p-N is left to this hook).
 * - Back/Forward (POP): the app shell restores where the reader was; only when nothing was restored
 *   (a fresh load of a deep link, still at the top) does the view go to the target. Page 1 is not a target
 *   then: its start is the top of the article, where the reader already is.
 * - Any REPLACE, our own address corrections (?page added or fixed) included, leaves the scroll alone, just
 *   as the shell does: the correction shows what the visit already showed and placed the reader in.
 */
function useScrollToTarget(
  location: Location,
  navigationType: string,
  targetParagraph: number | null,
  pageParam: number | null,
) {
  const handledKey = useRef<string | null>(null);
  useEffect(() => {
    if (handledKey.current === location.key) return;
    handledKey.current = location.key;
    if (navigationType === 'REPLACE') return;

    const pop = navigationType === 'POP';
    if (pop && window.scrollY !== 0) return;
    const pageTarget = pageParam !== null && !(pop && pageParam === 1) ? pageParam : null;
    const target =
      (targetParagraph !== null && document.getElementById(paragraphId(targetParagraph))) ||
      (pageTarget !== null && document.getElementById(pageHeadingId(pageTarget))) ||
      null;
    if (target) {
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    }
  }, [location.key, navigationType, targetParagraph, pageParam]);
}
