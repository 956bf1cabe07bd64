// The news API over HTTP (README: "API contract"), as one Fastify plugin over the backend's ports: the production
// server, the dev server and the tests all answer through it. Routes are Fastify's; query parameters are read with
// the contract's valibot schemas (src/contract/api-query.ts); the backend only looks things up. The API is read-only:
// GET and HEAD answer, OPTIONS says so, any other method is a 405; every answer is `Cache-Control: no-store`.
// Register it with a prefix: `app.register(apiPlugin, { prefix: '/api', backend })`.
import { PassThrough } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest, HTTPMethods, RouteHandlerMethod } from 'fastify';
import * as v from 'valibot';
import {
  feedQuerySchema,
  neighboursQuerySchema,
  queryError,
  rateHistoryQuerySchema,
  ratesQuerySchema,
  searchQuerySchema,
  singleValuedQuerySchema,
  topicsQuerySchema,
} from '../../contract/api-query.ts';
import type { ArticleSummary } from '../../contract/news.ts';
import { decodeFeedCursor, encodeFeedCursor } from '../feed-cursor.ts';
import { BackendUnavailable, type Backend, type NewsChange } from '../ports.ts';
import { answerError, errorBody, RefusedRequest } from './api-errors.ts';
import { IMAGE_ROUTE, imageHandler, signedImage, type ImageProxyOptions } from './image-proxy.ts';

export interface ApiPluginOptions {
  backend: Backend;
  /** GET /events: open streams at most (default 1,000) and the heartbeat's period (default 15 s). */
  eventStreams?: { max?: number; heartbeatMs?: number };
  /** The image proxy: stories' photos get a signed path under /images/ that this plugin answers. Without it photos
   * go out without `src`, so the app shows none (it never loads a photo's original URL). */
  images?: ImageProxyOptions;
}

const MAX_EVENT_STREAMS = 1000;
/** Under the servers' 30 s idle limit, and short enough for proxies that cut quiet connections. */
const HEARTBEAT_MS = 15_000;
/** How long a refused or dropped EventSource waits before it connects again. */
const EVENT_STREAM_RETRY_MS = 10_000;

const changeEvent = ({ newest }: NewsChange) =>
  `event: change\ndata: ${JSON.stringify({ newest: newest === null ? null : new Date(newest).toISOString() })}\n\n`;

const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';

/** The query checked against `schema`, or a 400 with the refused parameter's code and what was wrong with it. */
export function readQuery<S extends v.GenericSchema>(schema: S, request: FastifyRequest): v.InferOutput<S> {
  const result = v.safeParse(schema, request.query, { abortEarly: true });
  if (result.success) return result.output;
  const { code, message } = queryError(schema, result.issues);
  throw new RefusedRequest(400, code, message);
}

const notAnArticle = (id: string) => new RefusedRequest(404, 'not_found', `No article with id "${id}"`);

const noRates = () =>
  new RefusedRequest(
    503,
    'no_rates',
    'This server has no rates file (rates.json): run "npm run rates:generate" or "npm run rates:import -- FILE".',
  );

/** The schemas that know the topics and sources: made once per pair of id sets the backend hands out. */
function querySchemasByIds() {
  const made = new WeakMap<ReadonlySet<string>, WeakMap<ReadonlySet<string>, ReturnType<typeof make>>>();
  const make = (topicIds: ReadonlySet<string>, sourceIds: ReadonlySet<string>) => ({
    feed: feedQuerySchema(topicIds, sourceIds),
    neighbours: neighboursQuerySchema(topicIds, sourceIds),
    search: searchQuerySchema(topicIds, sourceIds),
  });
  return (topicIds: ReadonlySet<string>, sourceIds: ReadonlySet<string>) => {
    let bySources = made.get(topicIds);
    if (!bySources) {
      bySources = new WeakMap();
      made.set(topicIds, bySources);
    }
    let schemas = bySources.get(sourceIds);
    if (!schemas) {
      schemas = make(topicIds, sourceIds);
      bySources.set(sourceIds, schemas);
    }
    return schemas;
  };
}

export const apiPlugin: FastifyPluginAsync<ApiPluginOptions> = async (api, { backend, eventStreams = {}, images }) => {
  const { news, search, rates } = backend;
  const knownIds = querySchemasByIds();
  const schemasFor = async () => knownIds(...(await Promise.all([news.topicIds(), news.sourceIds()])));
  /** The path below the API's prefix, as the client wrote it ("/articles/abc"). */
  const pathOf = (request: FastifyRequest) => request.url.split('?')[0]!.slice(api.prefix.length) || '/';

  /** A story as the wire carries it: its photo with this server's signed proxy path (any stored `src` replaced). */
  const onWire = <T extends Pick<ArticleSummary, 'image'> | null>(story: T): T => {
    if (!story?.image) return story;
    const { src: _stored, ...image } = story.image;
    return { ...story, image: images ? signedImage(image, images.key, api.prefix) : image };
  };

  api.setErrorHandler(answerError);
  // Every answer but a photo's is never cached.
  api.addHook('onSend', async (_request, reply: FastifyReply, payload) => {
    if (!reply.hasHeader('Cache-Control')) void reply.header('Cache-Control', 'no-store');
    return payload;
  });
  api.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody('not_found', `No API endpoint at ${pathOf(request)}`)),
  );

  /** GET (and so HEAD) at `url`, with or without a trailing slash; OPTIONS and every other method answered there. */
  function endpoint(url: string, handler: RouteHandlerMethod) {
    for (const at of [url, `${url}/`]) {
      api.get(at, { preHandler: refuseRepeatedParameters }, handler);
      api.route({
        method: api.supportedMethods.filter((method) => method !== 'GET' && method !== 'HEAD') as HTTPMethods[],
        url: at,
        handler: (request, reply) => {
          void reply.header('Allow', ALLOWED_METHODS);
          if (request.method === 'OPTIONS') return reply.code(204).send();
          const message = `${request.method} is not allowed on ${pathOf(request)}; the API is read-only`;
          return reply.code(405).send(errorBody('method_not_allowed', message));
        },
      });
    }
  }

  async function refuseRepeatedParameters(request: FastifyRequest) {
    readQuery(singleValuedQuerySchema, request);
  }

  endpoint('/topics', async (request) => {
    const { since } = readQuery(topicsQuerySchema, request);
    return { topics: await news.topics(since) };
  });

  // Where stories come from, with counts: the filter panel's source rows.
  endpoint('/sources', async () => news.sources());

  endpoint('/articles', async (request) => {
    const query = readQuery((await schemasFor()).feed, request);
    const after = query.cursor === null ? null : decodeFeedCursor(query.cursor);
    if (query.cursor !== null && !after) {
      throw new RefusedRequest(400, 'bad_cursor', 'The cursor is not valid; start again from the first page');
    }
    const { topics, exclude, sources, excludeSources, since, limit } = query;
    const page = await news.feedPage({ topics, exclude, sources, excludeSources, since, after, limit });
    return { items: page.items.map(onWire), nextCursor: page.next && encodeFeedCursor(page.next) };
  });

  endpoint('/articles/:id', async (request) => {
    const { id } = request.params as { id: string };
    const article = await news.article(id);
    if (!article) throw notAnArticle(id);
    return onWire(article);
  });

  // The stories just above and below an article in the feed's order under the same filter.
  endpoint('/articles/:id/neighbours', async (request) => {
    const { id } = request.params as { id: string };
    const filter = readQuery((await schemasFor()).neighbours, request);
    const neighbours = await news.neighbours(id, filter);
    if (!neighbours) throw notAnArticle(id);
    return { newer: onWire(neighbours.newer), older: onWire(neighbours.older) };
  });

  endpoint('/search', async (request) => {
    const query = readQuery((await schemasFor()).search, request);
    const { q, topics, sources, excludeSources, from, to, sort, limit, cursor } = query;
    const outcome = await search.search({
      q,
      topics,
      sources,
      excludeSources,
      from,
      to,
      sort,
      exact: query.typos === 'off',
      cursor,
      limit,
    });
    if (!outcome.ok) throw new RefusedRequest(400, outcome.code, outcome.message);
    const { ok: _ok, ...page } = outcome;
    return { ...page, items: page.items.map(onWire) };
  });

  // Server-sent events: one `change` event per change of the stories (the store port's `subscribe`: this server's
  // writes, and with PostgreSQL other servers' too), so open pages ask for new stories at once instead of at their
  // next minute's check. Heartbeat comments keep the connection from counting as idle; shutdown ends every stream.
  const streams = new Set<PassThrough>();
  const maxStreams = eventStreams.max ?? MAX_EVENT_STREAMS;
  api.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
  });
  endpoint('/events', async (request, reply) => {
    void reply.type('text/event-stream; charset=utf-8').header('X-Accel-Buffering', 'no');
    if (request.method === 'HEAD') return reply.send('');
    if (streams.size >= maxStreams) {
      throw new BackendUnavailable(
        'Too many open event streams; the page checks for news every minute instead',
        60,
        'too_many_streams',
      );
    }
    const stream = new PassThrough();
    streams.add(stream);
    const unsubscribe = news.subscribe((change) => stream.write(changeEvent(change)));
    const heartbeat = setInterval(() => stream.write(': heartbeat\n\n'), eventStreams.heartbeatMs ?? HEARTBEAT_MS);
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(stream);
      stream.end();
    };
    reply.raw.once('close', end);
    stream.once('close', end);
    stream.write(`retry: ${EVENT_STREAM_RETRY_MS}\n: connected\n\n`);
    return reply.send(stream);
  });
  if (images) endpoint(IMAGE_ROUTE, imageHandler(images));

  endpoint('/rates', async (request) => {
    const { date } = readQuery(ratesQuerySchema, request);
    const outcome = await rates.day(date);
    if (outcome.ok) return outcome.rates;
    if (outcome.code === 'no_rates') throw noRates();
    throw new RefusedRequest(
      404,
      'no_rates_for_date',
      `No rates were published on or before ${date}; the first day is ${outcome.firstDate}.`,
    );
  });

  endpoint('/rates/history', async (request) => {
    const { code, from, to } = readQuery(rateHistoryQuerySchema, request);
    const outcome = await rates.history(code, from, to);
    if (outcome.ok) return outcome.history;
    if (outcome.code === 'no_rates') throw noRates();
    throw new RefusedRequest(400, 'unknown_currency', `Unknown currency "${code}": it is not in the rates file`);
  });
};
