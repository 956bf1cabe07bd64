// The sitemaps' XML (sitemaps.org 0.9 and Google News 0.9), written by hand: three fixed element shapes whose only
// risk is escaping, done here for every value (README: "Feeds and sitemaps" says why not the `sitemap` package).

/** Characters XML 1.0 cannot hold at all, even escaped (C0 controls but tab and line breaks, lone surrogates, U+FFFE/F). */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these are the characters to remove
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text made safe for an XML element or a quoted attribute. */
function xmlText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Text without the characters XML 1.0 cannot hold (for libraries that escape the rest themselves). */
export const xmlChars = (text: string): string => text.replace(NOT_XML, '');

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

export interface SitemapEntry {
  loc: string;
  /** W3C date-time (ISO 8601 with offset). */
  lastmod?: string;
}

const lastmodOf = (lastmod: string | undefined) => (lastmod ? `<lastmod>${xmlText(lastmod)}</lastmod>` : '');

/** A sitemap index: the sitemaps' addresses. */
export function sitemapIndexXml(sitemaps: readonly SitemapEntry[]): string {
  const lines = sitemaps.map(
    ({ loc, lastmod }) => `<sitemap><loc>${xmlText(loc)}</loc>${lastmodOf(lastmod)}</sitemap>`,
  );
  return `${DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${lines.join('\n')}\n</sitemapindex>\n`;
}

/** A sitemap of pages (at most 50,000: the caller splits). */
export function urlSetXml(urls: readonly SitemapEntry[]): string {
  const lines = urls.map(({ loc, lastmod }) => `<url><loc>${xmlText(loc)}</loc>${lastmodOf(lastmod)}</url>`);
  return `${DECLARATION}<urlset xmlns="${SITEMAP_NS}">\n${lines.join('\n')}\n</urlset>\n`;
}

export interface NewsEntry {
  loc: string;
  title: string;
  publishedAt: string;
}

/** A Google News sitemap: the publication's recent stories. */
export function newsSitemapXml(publication: { name: string; language: string }, stories: readonly NewsEntry[]): string {
  const name = xmlText(publication.name);
  const language = xmlText(publication.language);
  const lines = stories.map(
    ({ loc, title, publishedAt }) =>
      `<url><loc>${xmlText(loc)}</loc><news:news><news:publication><news:name>${name}</news:name>` +
      `<news:language>${language}</news:language></news:publication>` +
      `<news:publication_date>${xmlText(publishedAt)}</news:publication_date>` +
      `<news:title>${xmlText(title)}</news:title></news:news></url>`,
  );
  return `${DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${lines.join('\n')}\n</urlset>\n`;
}
