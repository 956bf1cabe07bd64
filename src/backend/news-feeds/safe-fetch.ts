// The one HTTP fetcher the server uses for what readers' feeds point it at (feeds, story pages, images): a URL from a
// feed is untrusted, so it must never reach this machine's own services or its network (SSRF). Only http(s); the host
// is resolved here and every address it names is checked (private, loopback, link-local, multicast, CGNAT, IPv6
// unique-local and IPv4-mapped are refused unless `allowPrivate`), and the connection goes to the checked address
// through the socket's `lookup` hook, so a second DNS answer cannot swap it (no rebinding gap). Redirects are followed
// here, each hop checked again. Politeness: one request per host at a time, a browser-like User-Agent (some agencies
// answer 403 otherwise), timeouts and a size cap.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import ipaddr from 'ipaddr.js';

export type SafeFetchFailure =
  | 'bad_url'
  | 'forbidden_address'
  | 'unresolved_host'
  | 'too_many_redirects'
  | 'timeout'
  | 'too_large'
  | 'network'
  | 'aborted';

/** Why a fetch was refused or failed; `url` is the hop it happened on. */
export class SafeFetchError extends Error {
  constructor(
    readonly reason: SafeFetchFailure,
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = 'SafeFetchError';
  }
}

export interface SafeFetchOptions {
  /** The Accept header (a feed, a page and an image each ask for their own). */
  accept: string;
  /** Refuse bodies larger than this, after decompression (default 5 MB). */
  maxBytes?: number;
  /** Each hop's limit from its start to its last byte (default 15 s); time waiting for the host's turn is not counted. */
  timeoutMs?: number;
  /** Allow private and loopback addresses (NEWS_ALLOW_PRIVATE=1: the tests' local servers). */
  allowPrivate?: boolean;
  /** Private addresses allowed even without `allowPrivate` (a feed on the intranet; the tests' redirect checks). */
  allowedAddresses?: readonly string[];
  /** More request headers, e.g. If-None-Match / If-Modified-Since. */
  headers?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
}

export interface SafeFetchResponse {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  headers: Headers;
  /** Decompressed; empty for 304 and other bodiless answers. */
  body: Uint8Array;
}

export const BROWSER_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 AgencyNews/1.0';
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 15_000;
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Why `address` may not be connected to (its range's name), or null for a public unicast address. */
function forbiddenRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const range = ipaddr.parse(address).range();
  return range === 'unicast' ? null : range;
}

interface AddressRules {
  allowPrivate: boolean;
  allowedAddresses: readonly string[];
}

/** Why `address` is refused under `rules`, or null when it may be connected to. */
function refusal(address: string, { allowPrivate, allowedAddresses }: AddressRules): string | null {
  if (allowPrivate || allowedAddresses.includes(address)) return null;
  return forbiddenRange(address);
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();

/** A `lookup` for the socket: resolves `hostname` and hands over only addresses that pass the check. */
function checkedLookup(rules: AddressRules, url: string): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses) => {
      if (error) {
        const failure = new SafeFetchError('unresolved_host', `${hostname} could not be resolved (${error.code})`, url);
        callback(failure as NodeJS.ErrnoException, []);
        return;
      }
      const allowed = addresses.filter(({ address }) => refusal(address, rules) === null);
      if (allowed.length === 0) {
        const range = refusal(addresses[0]?.address ?? '', rules);
        const message = `${hostname} resolves to a ${range} address; only public addresses are fetched`;
        callback(new SafeFetchError('forbidden_address', message, url) as NodeJS.ErrnoException, []);
        return;
      }
      if (options.all) callback(null, allowed);
      else callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}

/** One request per host at a time: each host's requests run in the order they asked. */
const hostQueues = new Map<string, Promise<unknown>>();

function inTurn<T>(host: string, signal: AbortSignal | undefined, run: () => Promise<T>): Promise<T> {
  const before = hostQueues.get(host) ?? Promise.resolve();
  const turn = before.then(
    () => (signal?.aborted ? Promise.reject(abortError(signal, host)) : run()),
    () => (signal?.aborted ? Promise.reject(abortError(signal, host)) : run()),
  );
  const settled = turn.catch(() => {});
  hostQueues.set(host, settled);
  void settled.then(() => {
    if (hostQueues.get(host) === settled) hostQueues.delete(host);
  });
  return turn;
}

const abortError = (signal: AbortSignal, url: string) =>
  signal.reason instanceof SafeFetchError
    ? signal.reason
    : new SafeFetchError('aborted', 'The fetch was cancelled', url);

function decoded(response: http.IncomingMessage): Readable {
  switch ((response.headers['content-encoding'] ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return response.pipe(zlib.createGunzip());
    case 'deflate':
      return response.pipe(zlib.createInflate());
    case 'br':
      return response.pipe(zlib.createBrotliDecompress());
    default:
      return response;
  }
}

function toHeaders(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

interface Hop {
  status: number;
  headers: Headers;
  body: Uint8Array;
}

/** One request to a checked address, its body read up to the cap. */
function requestOnce(url: URL, options: SafeFetchOptions, signal: AbortSignal | undefined): Promise<Hop> {
  const { accept, maxBytes = DEFAULT_MAX_BYTES, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  const href = url.href;
  return new Promise<Hop>((resolve, reject) => {
    let settled = false;
    const fail = (error: SafeFetchError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      request.destroy();
      reject(error);
    };
    const onAbort = () => fail(abortError(signal!, href));
    const timer = setTimeout(
      () => fail(new SafeFetchError('timeout', `No complete answer from ${url.host} within ${timeoutMs} ms`, href)),
      timeoutMs,
    );
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, {
      method: 'GET',
      agent: false, // a connection of its own: a pooled socket might have been opened under other rules
      lookup: checkedLookup(rulesOf(options), href),
      headers: {
        'User-Agent': BROWSER_USER_AGENT,
        Accept: accept,
        'Accept-Encoding': 'gzip, deflate, br',
        'Accept-Language': 'en;q=1, *;q=0.5',
        ...options.headers,
      },
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('error', (error) => {
      fail(
        error instanceof SafeFetchError
          ? error
          : new SafeFetchError('network', `${url.host} could not be reached (${error.message})`, href),
      );
    });
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      const headers = toHeaders(response.headers);
      const declared = Number(response.headers['content-length']);
      const tooLarge = () =>
        new SafeFetchError('too_large', `The answer from ${url.host} is larger than ${maxBytes} bytes`, href);
      if (declared > maxBytes) return fail(tooLarge());
      if (REDIRECTS.has(status) || status === 304 || status === 204) {
        response.resume();
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        request.destroy();
        return resolve({ status, headers, body: new Uint8Array() });
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const body = decoded(response);
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) fail(tooLarge());
        else chunks.push(chunk);
      });
      body.on('error', (error) =>
        fail(new SafeFetchError('network', `The answer from ${url.host} could not be read (${error.message})`, href)),
      );
      body.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve({ status, headers, body: new Uint8Array(Buffer.concat(chunks)) });
      });
    });
    request.end();
  });
}

const rulesOf = (options: SafeFetchOptions): AddressRules => ({
  allowPrivate: options.allowPrivate ?? false,
  allowedAddresses: options.allowedAddresses ?? [],
});

/** `raw` as a URL this fetcher may request, or a SafeFetchError saying why not. */
function checkedUrl(raw: string, rules: AddressRules): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SafeFetchError('bad_url', `"${raw}" is not a URL`, raw);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SafeFetchError('bad_url', `Only http(s) URLs are fetched, not ${url.protocol}`, raw);
  }
  if (url.username || url.password) throw new SafeFetchError('bad_url', 'URLs with credentials are not fetched', raw);
  // An address written in the URL is never looked up, so the socket's hook would not see it: checked here.
  const host = hostOf(url);
  const range = ipaddr.isValid(host) ? refusal(host, rules) : null;
  if (range) {
    throw new SafeFetchError(
      'forbidden_address',
      `${host} is a ${range} address; only public addresses are fetched`,
      raw,
    );
  }
  url.hash = '';
  return url;
}

/**
 * GET `url` under the rules above. Any status is returned (a 404 or 304 is an answer); a refused URL or address, a
 * redirect loop or more than 5 redirects, a timeout, a body over the cap or a network failure throws SafeFetchError.
 */
export async function safeFetch(url: string, options: SafeFetchOptions): Promise<SafeFetchResponse> {
  const rules = rulesOf(options);
  let current = checkedUrl(url, rules);
  for (let redirects = 0; ; redirects++) {
    const hop = await inTurn(hostOf(current), options.signal, () => requestOnce(current, options, options.signal));
    const location = hop.headers.get('location');
    if (!REDIRECTS.has(hop.status) || location === null) {
      return { url: current.href, status: hop.status, headers: hop.headers, body: hop.body };
    }
    if (redirects === MAX_REDIRECTS) {
      throw new SafeFetchError('too_many_redirects', `More than ${MAX_REDIRECTS} redirects from ${url}`, current.href);
    }
    let next: string;
    try {
      next = new URL(location, current).href;
    } catch {
      throw new SafeFetchError('bad_url', `${current.host} redirected to an unreadable address`, current.href);
    }
    current = checkedUrl(next, rules);
  }
}
