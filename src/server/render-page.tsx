// Server rendering of every page (README: "Server rendering"): the app at the request's address, with the data its
// views ask for fetched in-process from this server's own API, rendered to HTML with React's static prerender (which
// waits for the lazy views), and sent with the query cache as a JSON data island, so the browser hydrates the same
// HTML without asking again. The page comes back in three parts (the document to the app's root, React's output as a
// stream, the island and the closing tags) for the server to send as they come. The only server module that imports
// the app.
import type { Readable } from 'node:stream';
import { dehydrate, QueryClient, type Query } from '@tanstack/react-query';
import type { FastifyInstance } from 'fastify';
import type { ReactNode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { matchPath, StaticRouter } from 'react-router';
import { ApiError, sendApiRequestsWith } from '@/api/http';
import { topicQueries } from '@/api/topics';
import { AppProviders } from '@/app/app';
import { PAGE_STATE_ID, type PageState } from '@/app/page-state';
import { AppRoutes } from '@/app/routes';
import type { Article } from '@/contract/news';
import { renderedWith } from '@/lib/rendered-with';
import { readChoicesCookie, renderWithChoices, type ReaderChoices } from '@/stores/choices-cookie';
import { inProcessFetch, type AnsweredRequest } from './in-process-fetch';
import { pageHead, type HeadFacts } from './page-head';
import { pageMinute, type PageKey } from './page-key';

/** What `vite build` writes in dist/.vite/manifest.json (the parts used here). */
export type ClientManifest = Record<
  string,
  { file: string; css?: string[]; imports?: string[]; isEntry?: boolean; isDynamicEntry?: boolean }
>;

interface PageRequest {
  /** Path and query of the page. */
  url: string;
  cookie: string | undefined;
  /** The site's public origin, for absolute addresses in the head. */
  origin: string;
  /** The origin the browser asked this page of: addresses the app builds (photos) must be the ones it builds. */
  pageOrigin: string;
  /** The page's clock (ms, to the minute), as its tag was made with; the current minute when absent. */
  at?: number;
}

export interface RenderedPage {
  status: 200 | 404 | 503;
  /** The document up to and including the app's root element: the head (styles, preloads, title, link previews). */
  start: string;
  /** The app's HTML as React writes it (complete: the render has finished; reading it only serialises). */
  body: Readable | string;
  /** The root's end, the page-state island and the document's end. */
  end: string;
  /** Rendered with the reader's own choices (their cookie): not for shared caches. */
  personal: boolean;
}

export type PageRenderer = (request: PageRequest) => Promise<RenderedPage>;

export interface PageRendererOptions {
  /** The app's index.html (built, or the dev server's transformed one for this address). */
  template: (url: string) => string | Promise<string>;
  /** The client build's manifest, for the lazy view's code and styles (null in the dev server). */
  manifest: ClientManifest | null;
  /** The server whose API answers the views' requests. */
  api: FastifyInstance;
}

/** The lazy views' modules (app/routes.tsx), whose code and styles the page names so they load with it. */
const VIEW_MODULES: readonly (readonly [string, string])[] = [
  ['/news/:id', 'src/features/article/article-page.tsx'],
  ['/search', 'src/features/search/search-page.tsx'],
  ['/converter', 'src/features/converter/converter-page.tsx'],
  ['/saved', 'src/features/saved/saved-page.tsx'],
];
const KNOWN_PAGES = ['/', ...VIEW_MODULES.map(([pattern]) => pattern)];

/** Query keys that are the API's (the others, such as saved copies, live on the device). */
const API_QUERIES = new Set(['articles', 'topics', 'sources', 'rates', 'search']);
/** A view that asks for data only once other data has arrived needs another pass; none needs more than this. */
const MAX_PASSES = 5;
/** A slow API does not hold the page for longer: what has not arrived is fetched by the browser. */
const DATA_BUDGET_MS = 2000;
/** Pages whose needs are remembered (address, origin and choices); forgotten all at once beyond this. */
const MAX_LEARNED_PAGES = 1000;
/** A query as the render asked for it (its function, and for a list of pages how it pages). */
type LearnedQuery = Query['options'] & { queryKey: Query['queryKey'] };

/** The app rendered whole: the stream only serialises what is done (a pass whose output is not wanted is dropped). */
async function prerender(element: ReactNode): Promise<Readable> {
  const { prelude } = await prerenderToNodeStream(element, {
    // A part that fails renders its error boundary's message; the browser renders it again.
    onError: () => {},
    // Never outline a large boundary into a hidden segment revealed by an inline script (the CSP forbids those):
    // the whole page is ready when it is sent.
    progressiveChunkSize: Number.POSITIVE_INFINITY,
  });
  // Typed as the older stream interface; React makes it a stream.Readable.
  return prelude as Readable;
}

const enabled = (query: Query) => {
  const option = (query.options as { enabled?: boolean | ((query: Query) => boolean) }).enabled;
  return typeof option === 'function' ? option(query) : option !== false;
};

/** Queries the last render asked for and nobody has fetched yet. */
const wantedQueries = (queryClient: QueryClient, tried: Set<string>) =>
  queryClient
    .getQueryCache()
    .getAll()
    .filter(
      (query) =>
        query.state.status === 'pending' &&
        query.state.fetchStatus === 'idle' &&
        !tried.has(query.queryHash) &&
        API_QUERIES.has(String(query.queryKey[0])) &&
        // Checks for stories newer than the page's are the browser's, once it shows the page.
        query.queryKey[1] !== 'newer' &&
        enabled(query),
    );

/** One render at a time: the stores, the clock and the zone are module state the render reads. */
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const result = queue.then(work, work);
  queue = result.catch(() => undefined);
  return result;
}

const escapeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The view's code, styles and the shared code they import, from the client build's manifest. */
function viewAssets(
  manifest: ClientManifest | null,
  pathname: string,
  template: string,
): { scripts: string[]; styles: string[] } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const seen = new Set<string>();
  const module = VIEW_MODULES.find(([pattern]) => matchPath(pattern, pathname))?.[1];
  const visit = (key: string) => {
    const chunk = manifest?.[key];
    if (!chunk || chunk.isEntry || seen.has(key)) return;
    seen.add(key);
    // What the page's own <script> and <link> tags load already is not named twice.
    if (!template.includes(`/${chunk.file}"`)) scripts.add(chunk.file);
    for (const css of chunk.css ?? []) if (!template.includes(`/${css}"`)) styles.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  if (module) visit(module);
  return { scripts: [...scripts], styles: [...styles] };
}

const errorPage = `<section class="message-page" role="alert"><h1>The news service is not answering</h1>
<p>This page could not be put together just now. Try again in a moment.</p><p><a href="">Try again</a></p></section>`;

/** What the page at `request` depends on besides the stored news and rates (the server adds those, and the build),
 * known without rendering: the same key and data give the same page. */
export function pageKey(request: PageRequest & { at: number }): PageKey {
  const choices = readChoicesCookie(request.cookie);
  return {
    key: JSON.stringify([request.url, request.origin, request.pageOrigin, choices, request.at]),
    personal: choices !== null,
  };
}

export function createPageRenderer({ template, manifest, api }: PageRendererOptions): PageRenderer {
  let answered: AnsweredRequest[] = [];
  const fetcher = inProcessFetch(api, (request) => answered.push(request));
  /** The queries each page needed when it was last rendered, fetched before its first pass next time, which is then
   * usually its last (the pass that only finds what the page needs is ~a quarter of its cost). Only a guess: the
   * passes still fetch whatever else the page asks for. */
  const learned = new Map<string, LearnedQuery[]>();

  async function renderApp(url: string, origin: string, choices: ReaderChoices | null, at: number) {
    answered = [];
    sendApiRequestsWith(fetcher, origin);
    renderedWith.at = at;
    renderedWith.timeZone = choices?.zone ?? undefined;
    renderedWith.title = undefined;
    const putBack = choices ? renderWithChoices(choices) : () => {};
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: false, staleTime: 60_000, refetchOnWindowFocus: false } },
    });
    const element = (location: string) => (
      <AppProviders queryClient={queryClient}>
        <StaticRouter location={location}>
          <AppRoutes />
        </StaticRouter>
      </AppProviders>
    );
    const lesson = JSON.stringify([url, origin, choices]);
    try {
      const tried = new Set<string>();
      const needed: LearnedQuery[] = [];
      const failures: unknown[] = [];
      const deadline = Date.now() + DATA_BUDGET_MS;
      const fetchData = async (queries: Query[]) => {
        for (const query of queries) {
          tried.add(query.queryHash);
          needed.push({ ...query.options, queryKey: query.queryKey });
        }
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([
          Promise.all(queries.map((query) => query.fetch().catch((error: unknown) => failures.push(error)))),
          new Promise((resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now())))),
        ]);
        clearTimeout(timer);
        // Late answers are the browser's to ask for; failed ones too (it shows them as it would, and retries).
        await queryClient.cancelQueries({ predicate: (query) => query.state.fetchStatus === 'fetching' });
        queryClient.removeQueries({ predicate: (query) => query.state.status === 'error' });
      };
      // The feed's filter needs the topic list before it asks for news: fetched first, it saves a render pass.
      if (new URL(url, 'http://page.invalid').pathname === '/') {
        await queryClient.fetchQuery(topicQueries.all()).catch((error: unknown) => failures.push(error));
        const topics = queryClient.getQueryCache().find({ queryKey: topicQueries.all().queryKey, exact: true });
        if (topics) tried.add(topics.queryHash);
        queryClient.removeQueries({ predicate: (query) => query.state.status === 'error' });
      }
      const known = learned.get(lesson);
      if (known) await fetchData(known.map((options) => queryClient.getQueryCache().build(queryClient, options)));
      let html: Readable | null = null;
      for (let pass = 0; pass < MAX_PASSES; pass++) {
        html?.destroy();
        html = await prerender(element(url));
        const wanted = wantedQueries(queryClient, tried);
        if (wanted.length === 0 || Date.now() > deadline) break;
        await fetchData(wanted);
      }
      if (learned.size >= MAX_LEARNED_PAGES && !learned.has(lesson)) learned.clear();
      learned.set(lesson, needed);
      const state: PageState = {
        queries: dehydrate(queryClient),
        at: renderedWith.at,
        zone: choices?.zone ?? null,
        choices,
        answers: answered.flatMap(({ path, answer }) => (answer ? [{ path, ...answer }] : [])),
      };
      return { html: html!, state, failures, title: renderedWith.title, queryClient };
    } finally {
      putBack();
    }
  }

  return (request) =>
    oneAtATime(async () => {
      const { pathname, search } = new URL(request.url, 'http://page.invalid');
      const choices = readChoicesCookie(request.cookie);
      const known = KNOWN_PAGES.some((pattern) => matchPath(pattern, pathname));
      const at = request.at ?? pageMinute();
      let rendered = await renderApp(request.url, request.pageOrigin, choices, at);
      const articleId = matchPath('/news/:id', pathname)?.params.id;
      const failed = rendered.failures.find(
        (error) => !(error instanceof ApiError) || error.kind !== 'http' || (error.status ?? 0) >= 500,
      );
      const articleMissing =
        articleId !== undefined &&
        rendered.failures.some((error) => error instanceof ApiError && error.isNotFound) &&
        !rendered.queryClient.getQueryData(['articles', 'detail', articleId]);
      let status: RenderedPage['status'] = known ? 200 : 404;
      let island = true;
      if (articleMissing) {
        // The not-found page, as at any unknown address; the browser renders the article view itself (no island).
        rendered.html.destroy();
        rendered = await renderApp('/404', request.pageOrigin, choices, at);
        status = 404;
        island = false;
      }
      const head: HeadFacts = {
        origin: request.origin,
        pathname,
        search,
        title: rendered.title,
        article: articleId ? rendered.queryClient.getQueryData<Article>(['articles', 'detail', articleId]) : undefined,
        noindex: pathname === '/search' || status !== 200,
      };
      let body: Readable | string = rendered.html;
      if (failed) {
        rendered.html.destroy();
        status = 503;
        island = false;
        body = errorPage;
        head.title = 'The news service is not answering — Agency News';
      }
      const shell = await template(request.url);
      const assets = viewAssets(manifest, pathname, shell);
      const page = fillTemplate(shell, {
        head: pageHead(head),
        links: [
          ...assets.styles.map((file) => `<link rel="stylesheet" href="/${file}">`),
          ...assets.scripts.map((file) => `<link rel="modulepreload" href="/${file}">`),
        ],
        state: island ? rendered.state : null,
        display: choices ?? { theme: 'system', textSize: 'medium' },
      });
      return { status, ...page, body, personal: choices !== null };
    });
}

/** The template around the app's root, with the page's head, links, island and display choices. */
function fillTemplate(
  template: string,
  {
    head,
    links,
    state,
    display,
  }: {
    head: string;
    links: string[];
    state: PageState | null;
    display: { theme: string; textSize: string };
  },
): { start: string; end: string } {
  const island = state ? `<script type="application/json" id="${PAGE_STATE_ID}">${escapeJson(state)}</script>` : '';
  const root = '<div id="root"></div>';
  const document = template
    .replace(/<html([^>]*)>/, `<html$1 data-theme="${display.theme}" data-text-size="${display.textSize}">`)
    .replace(/<title>[\s\S]*?<\/title>/, '')
    .replace(/<meta\s+name="description"[\s\S]*?>/, '')
    .replace('</head>', `${head}${links.join('')}</head>`);
  const at = document.indexOf(root);
  if (at === -1) throw new Error('index.html has no <div id="root"></div>');
  return {
    start: `${document.slice(0, at)}<div id="root">`,
    end: `</div>${island}${document.slice(at + root.length)}`,
  };
}
