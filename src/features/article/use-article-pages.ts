// Which pages of an article are shown, kept in the address (?page=N, #p-N) and remembered per article.
//
// The address is the source of truth: `?page=N` means "pages 1..N are shown, page N is where the reader is".
// - "Show more" and the page links PUSH a new ?page=N entry, so Back/Forward step through what was opened.
// - Arriving without ?page shows the pages remembered for the article; the address is then REPLACED with the
//   explicit ?page=N (no new history entry), so later Back/Forward come back to exactly this view.
// - A garbage ?page is ignored and an out-of-range one clamped, and the address is corrected with REPLACE.
// - `#p-7` shows at least the page holding paragraph 7 and scrolls to it.
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate, useNavigationType, type Location } from 'react-router';
import type { Article } from '@/api/schemas';
import { useReadingPositionStore, useRememberedPagesShown } from '@/stores/reading-position-store';
import { pageOfParagraph, parsePageParam, parseParagraphHash } from './article-text';

export const pageHeadingId = (page: number) => `article-page-${page}`;
export const paragraphId = (n: number) => `p-${n}`;

/** Marks our own address corrections: they must not move the reader. */
const KEEP_SCROLL = { articleKeepScroll: true } as const;
const isKeepScroll = (state: unknown) =>
  typeof state === 'object' && state !== null && 'articleKeepScroll' in state && state.articleKeepScroll === true;

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
  const wantedParam = pageCount > 1 && (pagesShown > 1 || rawPage !== null) ? String(pagesShown) : null;
  useEffect(() => {
    if (rawPage === wantedParam) return;
    navigate(
      {
        pathname: location.pathname,
        search: searchWithPage(location.search, wantedParam === null ? null : pagesShown),
        hash: location.hash,
      },
      { replace: true, state: KEEP_SCROLL },
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
 * - New visits, "Show more" and page links (PUSH) always go to the target. Without a target the app shell
 *   (app/use-scroll-restoration.ts) already starts the page at the top.
 * - Back/Forward (POP): the app shell restores where the reader was; only when nothing was restored
 *   (a fresh load of a deep link, still at the top) does the view go to the target.
 * - Our own address corrections (REPLACE with KEEP_SCROLL) repeat what the visit did on the corrected address,
 *   because the shell resets the scroll on every REPLACE.
 */
function useScrollToTarget(
  location: Location,
  navigationType: string,
  targetParagraph: number | null,
  pageParam: number | null,
) {
  const handledKey = useRef<string | null>(null);
  const wentToTarget = useRef(false);
  useEffect(() => {
    if (handledKey.current === location.key) return;
    handledKey.current = location.key;

    let wanted: boolean;
    if (navigationType === 'REPLACE' && isKeepScroll(location.state)) wanted = wentToTarget.current;
    else if (navigationType === 'POP') wanted = window.scrollY === 0;
    else wanted = true;

    const target = !wanted
      ? null
      : (targetParagraph !== null && document.getElementById(paragraphId(targetParagraph))) ||
        (pageParam !== null && document.getElementById(pageHeadingId(pageParam))) ||
        null;
    wentToTarget.current = target !== null;
    if (target) {
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    }
  }, [location.key, location.state, navigationType, targetParagraph, pageParam]);
}
