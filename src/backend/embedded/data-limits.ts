// The most a data file, a record and a field may hold (README: "Data files"). Anything over them is refused with
// the file, the record and the field, so a runaway export or a hostile file can neither stall the server nor make
// every feed page megabytes long.

const MB = 1024 * 1024;

/** Largest file, in bytes, by name (the server reads no other). */
export const FILE_BYTES: Readonly<Record<string, number>> = {
  'articles.json': 1024 * MB,
  'topics.json': 1 * MB,
  'rates.json': 4 * MB,
};

export const ARTICLE_LIMITS = {
  /** The JSON text of one article in articles.json, in bytes. */
  recordBytes: 8 * MB,
  titleCharacters: 300,
  leadCharacters: 1000,
  paragraphCharacters: 6_000_000,
  pages: 100,
  paragraphsPerPage: 1000,
  /** A story may be dated at most this far ahead of the server's clock (time zones, a scheduled story). */
  futureMs: 24 * 60 * 60 * 1000,
} as const;

export const megabytes = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;

interface LimitedArticle {
  title: string;
  lead: string;
  publishedAt: string;
  pages: readonly (readonly string[])[];
}

/** The first field of `article` over a limit, as [field, problem], or null. `now` is the server's clock. */
export function articleOverLimits(article: LimitedArticle, now: number): [string, string] | null {
  const { titleCharacters, leadCharacters, paragraphCharacters, pages, paragraphsPerPage, futureMs } = ARTICLE_LIMITS;
  if (article.title.length > titleCharacters) {
    return ['title', `is ${article.title.length} characters long; at most ${titleCharacters} are allowed`];
  }
  if (article.lead.length > leadCharacters) {
    return ['lead', `is ${article.lead.length} characters long; at most ${leadCharacters} are allowed`];
  }
  if (article.pages.length > pages) return ['pages', `has ${article.pages.length} pages; at most ${pages} are allowed`];
  for (const [p, page] of article.pages.entries()) {
    if (page.length > paragraphsPerPage) {
      return [`pages[${p}]`, `has ${page.length} paragraphs; at most ${paragraphsPerPage} are allowed`];
    }
    for (const [i, paragraph] of page.entries()) {
      if (paragraph.length > paragraphCharacters) {
        return [
          `pages[${p}][${i}]`,
          `is ${paragraph.length} characters long; at most ${paragraphCharacters} are allowed`,
        ];
      }
    }
  }
  if (Date.parse(article.publishedAt) > now + futureMs) {
    return ['publishedAt', `is more than a day ahead of the server's clock (${new Date(now).toISOString()})`];
  }
  return null;
}
