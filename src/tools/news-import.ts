// `npm run news:import -- [--dry-run] [--feeds FILE] SOURCE...`: reads RSS, Atom, RDF and JSON feeds (file paths or
// http(s) URLs, and the feeds of a FeedConfig file) and upserts their stories into the configured store: DATABASE_URL
// when set, else the data folder (DATA_DIR, MOCK_DATA_DIR, default mock-data; a missing or empty folder is a valid
// start). Each source is one upsert, so a refused source (an HTML error page, broken XML, a download that failed) is
// named with its reason and leaves nothing behind while the others import; the exit status is 1 when any failed.
// --dry-run says what each source would add, change or leave alone, and writes nothing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dataDirFromEnv } from '../backend/embedded/data-dir.ts';
import { DataFileError } from '../backend/embedded/data-file-error.ts';
import { createEmbeddedBackend, createEmbeddedBackendFromData } from '../backend/embedded/embedded-backend.ts';
import { ARTICLES_FILE_NAME, TOPICS_FILE_NAME } from '../backend/embedded/news-data.ts';
import { FeedConfigError, readFeedConfigFile, type FeedConfig } from '../backend/news-feeds/feed-config.ts';
import { FeedRefused } from '../backend/news-feeds/feed-document.ts';
import { importFeed, storeImport, type ImportReport } from '../backend/news-feeds/import-feed.ts';
import type { Backend } from '../backend/ports.ts';
import { describeDatabase } from '../backend/postgres/database-availability.ts';
import { createPostgresBackend } from '../backend/postgres/postgres-backend.ts';

const USAGE = 'usage: npm run news:import -- [--dry-run] [--feeds FEEDS.json] FILE-OR-URL...';
/** Some agencies answer 403 to anything that does not look like a browser asking for a feed. */
const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 AgencyNews/0.1';
const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
const DOWNLOAD_TIMEOUT_MS = 30_000;
const MAX_FEED_BYTES = 20 * 1024 * 1024;

/** A source that could not be read (download or file): named in the output, the others go on. */
class SourceError extends Error {}

interface FeedBytes {
  bytes: Uint8Array;
  contentType?: string;
}

/** A plain GET of a feed with a browser-like User-Agent, a timeout and a size cap (the server has its own fetcher). */
export async function downloadFeed(url: string): Promise<FeedBytes> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { 'user-agent': USER_AGENT, accept: FEED_ACCEPT },
      signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if ((error as Error).name === 'TimeoutError')
      throw new SourceError(`no answer within ${DOWNLOAD_TIMEOUT_MS / 1000} s`);
    throw new SourceError(`cannot be fetched (${cause?.code ?? cause?.message ?? (error as Error).message})`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new SourceError(
      `the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
    );
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > MAX_FEED_BYTES) {
      await response.body?.cancel();
      throw new SourceError(`is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB`);
    }
    chunks.push(chunk);
  }
  return { bytes: Buffer.concat(chunks), contentType: response.headers.get('content-type') ?? undefined };
}

function readFeedFile(file: string): FeedBytes {
  try {
    return { bytes: readFileSync(file) };
  } catch (error) {
    throw new SourceError(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

interface Source {
  /** As given: a path or a URL. */
  name: string;
  url?: string;
  config?: Omit<FeedConfig, 'url'>;
}

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

interface Store {
  backend: Backend;
  description: string;
}

const quietLog = (out: Output) => ({ info: () => {}, warn: out.error, error: out.error });

/** The configured store; for a dry run over a missing data folder, an empty one in memory (nothing is made). */
async function openStore(env: NodeJS.ProcessEnv, dryRun: boolean, out: Output): Promise<Store> {
  if (env.DATABASE_URL) {
    const backend = await createPostgresBackend({ url: env.DATABASE_URL, log: quietLog(out) });
    if (!(await backend.ready)) {
      await backend.close();
      throw new SourceError(`the database at ${describeDatabase(env.DATABASE_URL)} does not answer`);
    }
    return { backend, description: `PostgreSQL at ${describeDatabase(env.DATABASE_URL)}` };
  }
  const dataDir = dataDirFromEnv(env);
  const log = { info: () => {}, error: out.error };
  const hasFiles = [TOPICS_FILE_NAME, ARTICLES_FILE_NAME].every((name) => existsSync(path.join(dataDir, name)));
  if (dryRun && !hasFiles) {
    const backend = await createEmbeddedBackendFromData({ topics: [], articles: [], rates: null });
    return { backend, description: `${dataDir} (missing or empty)` };
  }
  const backend = await createEmbeddedBackend({ dataDir, log, watch: false, cacheDir: null, startEmpty: !dryRun });
  return { backend, description: dataDir };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The report's counts of stories (the store's own count adds topics to them). */
function describe(report: ImportReport, written: boolean): string[] {
  const { changes } = report;
  const counts = written
    ? `${changes.new} new, ${changes.updated} updated, ${changes.unchanged} unchanged`
    : `would add ${changes.new}, update ${changes.updated}, leave ${changes.unchanged} unchanged`;
  const lines = [
    `news:import: ${report.source}: ${report.format.toUpperCase()} "${report.sourceName}", ` +
      `${plural(report.entries, 'entry').replace('entrys', 'entries')}: ${counts}` +
      (report.duplicates > 0 ? `, ${plural(report.duplicates, 'duplicate')} collapsed` : ''),
  ];
  if (report.newTopics.length > 0) {
    lines.push(
      `  ${written ? '' : 'would add '}new topics: ${report.newTopics.map((t) => `${t.id} ("${t.name}")`).join(', ')}`,
    );
  }
  for (const skipped of report.skipped) lines.push(`  left out: ${skipped}`);
  for (const warning of report.warnings) lines.push(`  note: ${warning}`);
  return lines;
}

function sourcesOf(positionals: string[], feedsFile: string | undefined): Source[] {
  const sources: Source[] = positionals.map((arg) =>
    /^https?:\/\//i.test(arg) ? { name: arg, url: arg } : { name: arg },
  );
  if (feedsFile !== undefined) {
    for (const { url, ...config } of readFeedConfigFile(feedsFile)) sources.push({ name: url, url, config });
  }
  return sources;
}

/** The command: returns its exit status (0 all imported, 1 a source failed, 2 bad usage). */
export async function newsImport(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  out: Output = console,
): Promise<number> {
  let dryRun: boolean;
  let sources: Source[];
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean' }, feeds: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      out.log(USAGE);
      return 0;
    }
    dryRun = values['dry-run'] === true;
    sources = sourcesOf(positionals, values.feeds);
  } catch (error) {
    out.error(`news:import: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (sources.length === 0) {
    out.error(`news:import: no sources given\n${USAGE}`);
    return 2;
  }

  let store: Store;
  try {
    store = await openStore(env, dryRun, out);
  } catch (error) {
    if (!(error instanceof SourceError) && !(error instanceof DataFileError)) throw error;
    out.error(`news:import: ${error.message}\nnews:import: nothing was written.`);
    return 1;
  }
  const { news } = store.backend;
  const failed: string[] = [];
  out.log(`news:import: ${dryRun ? 'dry run, nothing is written: ' : ''}into ${store.description}`);
  try {
    for (const source of sources) {
      try {
        const feed = source.url ? await downloadFeed(source.url) : readFeedFile(source.name);
        const { batch, report } = await importFeed({
          ...feed,
          feedUrl: source.url,
          source: source.name,
          config: source.config,
          topics: await news.topics(null),
          existing: (id) => news.article(id),
          now: Date.now(),
        });
        if (!dryRun) await storeImport(news, batch);
        describe(report, !dryRun).forEach((line) => out.log(line));
      } catch (error) {
        const known = [SourceError, FeedRefused, DataFileError, FeedConfigError].some((kind) => error instanceof kind);
        const reason = known ? (error as Error).message : `failed: ${String(error)}`;
        out.error(`news:import: ${source.name}: refused: ${reason}`);
        failed.push(source.name);
      }
    }
  } finally {
    await store.backend.close();
  }
  if (failed.length > 0) {
    out.error(
      `news:import: ${plural(failed.length, 'source')} of ${sources.length} failed and wrote nothing: ${failed.join(', ')}`,
    );
    return 1;
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
  process.exitCode = await newsImport(process.argv.slice(2));
}
