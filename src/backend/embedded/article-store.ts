// The articles as the server keeps them: summaries (what the feed sends) as objects in newest-first order, and
// the bodies as UTF-8 bytes in a few large buffers, so 100,000 articles fit in a few hundred MB. The search
// index numbers documents by the same newest-first position ("ordinal").
import type { Article, ArticleSummary } from '../../contract/news.ts';
import { countWords } from '../../contract/words.ts';
import { compareNewestFirst } from '../feed-cursor.ts';
import type { FeedPosition } from '../ports.ts';

const SLAB_BYTES = 64 << 20;

/** A paragraph the body can hold as it is: not empty, single spaces only, no space at either end. */
const isCompact = (paragraph: string) => paragraph.length > 0 && !/^\s|\s$|\s\s|[^\S ]/.test(paragraph);

/** The search body of an article: its paragraphs joined, white space collapsed (as snippets quote it). */
const bodyText = (pages: readonly (readonly string[])[]) => pages.flat().join(' ').replace(/\s+/g, ' ').trim();

function wordCountOf(paragraph: string, compact: boolean): number {
  if (!compact) return countWords(paragraph);
  let words = 1;
  for (let i = paragraph.indexOf(' '); i !== -1; i = paragraph.indexOf(' ', i + 1)) words++;
  return words;
}

export interface ArticleStore {
  readonly size: number;
  /** Newest first (ties by id): the feed's order and the search index's document numbers. */
  readonly summaries: readonly ArticleSummary[];
  readonly times: Float64Array;
  ordinalOf(id: string): number | undefined;
  article(ordinal: number): Article;
  /** The body's UTF-8 bytes (a view, not a copy). */
  bodyBytes(ordinal: number): Buffer;
  position(ordinal: number): FeedPosition;
}

export class ArticleStoreBuilder {
  private readonly records: { summary: ArticleSummary; time: number; layout: number[] | string }[] = [];
  private readonly slabs: Buffer[] = [];
  private slab = Buffer.alloc(0);
  private used = 0;
  private readonly bodySlab: number[] = [];
  private readonly bodyStart: number[] = [];
  private readonly bodyLength: number[] = [];
  readonly ids = new Map<string, number>();

  /** Adds a validated article; returns its record number (order of arrival). */
  add(article: Article): number {
    const { pages, ...rest } = article;
    const paragraphs = pages.flat();
    const compact = paragraphs.every(isCompact);
    const body = compact ? paragraphs.join(' ') : bodyText(pages);
    const wordCount = paragraphs.reduce((sum, p) => sum + wordCountOf(p, compact), 0);
    // Compact bodies give their pages back from the bytes: page sizes, then each paragraph's byte length.
    const layout = compact
      ? [pages.length, ...pages.map((page) => page.length), ...paragraphs.map((p) => Buffer.byteLength(p))]
      : JSON.stringify(pages);
    this.writeBody(body);
    const record = this.records.length;
    this.records.push({
      summary: { ...rest, pageCount: pages.length, wordCount },
      time: Date.parse(article.publishedAt),
      layout,
    });
    this.ids.set(article.id, record);
    return record;
  }

  summaryOf(record: number): ArticleSummary {
    return this.records[record]!.summary;
  }

  get count(): number {
    return this.records.length;
  }

  private writeBody(body: string): void {
    const bytes = Buffer.byteLength(body);
    if (this.used + bytes > this.slab.length) {
      this.slab = Buffer.allocUnsafeSlow(Math.max(SLAB_BYTES, bytes));
      this.slabs.push(this.slab);
      this.used = 0;
    }
    this.slab.write(body, this.used, 'utf8');
    this.bodySlab.push(this.slabs.length - 1);
    this.bodyStart.push(this.used);
    this.bodyLength.push(bytes);
    this.used += bytes;
  }

  finish(): ArticleStore {
    const { records, slabs } = this;
    const order = records.map((_, i) => i);
    const positionOf = (i: number): FeedPosition => ({ time: records[i]!.time, id: records[i]!.summary.id });
    order.sort((a, b) => compareNewestFirst(positionOf(a), positionOf(b)));
    const summaries = order.map((i) => records[i]!.summary);
    const times = Float64Array.from(order, (i) => records[i]!.time);
    const ordinalById = new Map(summaries.map((s, ordinal) => [s.id, ordinal]));
    const bodySlab = Uint16Array.from(order, (i) => this.bodySlab[i]!);
    const bodyStart = Uint32Array.from(order, (i) => this.bodyStart[i]!);
    const bodyLength = Uint32Array.from(order, (i) => this.bodyLength[i]!);
    const layouts = order.map((i) => records[i]!.layout);

    const bodyBytes = (ordinal: number) => {
      const start = bodyStart[ordinal]!;
      return slabs[bodySlab[ordinal]!]!.subarray(start, start + bodyLength[ordinal]!);
    };
    return {
      size: summaries.length,
      summaries,
      times,
      ordinalOf: (id) => ordinalById.get(id),
      bodyBytes,
      position: (ordinal) => ({ time: times[ordinal]!, id: summaries[ordinal]!.id }),
      article(ordinal) {
        const { pageCount: _pages, wordCount: _words, ...rest } = summaries[ordinal]!;
        const layout = layouts[ordinal]!;
        if (typeof layout === 'string') return { ...rest, pages: JSON.parse(layout) as string[][] };
        const bytes = bodyBytes(ordinal);
        const pageCount = layout[0]!;
        const pages: string[][] = [];
        let paragraph = 1 + pageCount;
        let at = 0;
        for (let page = 0; page < pageCount; page++) {
          const paragraphs: string[] = [];
          for (let k = 0; k < layout[1 + page]!; k++) {
            const length = layout[paragraph++]!;
            paragraphs.push(bytes.toString('utf8', at, at + length));
            at += length + 1;
          }
          pages.push(paragraphs);
        }
        return { ...rest, pages };
      },
    };
  }
}
