// The <head> of a server-rendered page: its title, description, canonical address and link-preview tags (Open Graph,
// Twitter card), and on an article the NewsArticle structured data, as a JSON data block (not executable, so the CSP
// allows it).
import type { Article } from '../contract/news.ts';

const SITE_NAME = 'Agency News';
const DEFAULT_TITLE = `All news — ${SITE_NAME}`;
const DEFAULT_DESCRIPTION = "The agency's English news feed: all news, search, topics and a currency converter.";
/** Link previews show about this much of a description. */
const DESCRIPTION_LENGTH = 200;

export interface HeadFacts {
  origin: string;
  pathname: string;
  search: string;
  /** The view's title, as the app names it (useDocumentTitle). */
  title: string | undefined;
  /** The article shown, on an article page. */
  article: Article | undefined;
  noindex: boolean;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function shorten(text: string, length: number): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (plain.length <= length) return plain;
  const cut = plain.slice(0, length - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), length / 2))}…`;
}

const meta = (attribute: 'name' | 'property', key: string, content: string) =>
  `<meta ${attribute}="${key}" content="${escapeHtml(content)}">`;

export function pageHead({ origin, pathname, search, title, article, noindex }: HeadFacts): string {
  const canonical = `${origin}${article ? `/news/${encodeURIComponent(article.id)}` : `${pathname}${search}`}`;
  const fullTitle = title ?? DEFAULT_TITLE;
  const description = article?.lead ? shorten(article.lead, DESCRIPTION_LENGTH) : DEFAULT_DESCRIPTION;
  const image = article?.image ? new URL(article.image.src ?? article.image.url, origin).href : undefined;
  const tags = [
    `<title>${escapeHtml(fullTitle)}</title>`,
    meta('name', 'description', description),
    `<link rel="canonical" href="${escapeHtml(canonical)}">`,
    noindex ? meta('name', 'robots', 'noindex') : '',
    meta('property', 'og:site_name', SITE_NAME),
    meta('property', 'og:title', article?.title ?? fullTitle),
    meta('property', 'og:description', description),
    meta('property', 'og:url', canonical),
    meta('property', 'og:type', article ? 'article' : 'website'),
    image ? meta('property', 'og:image', image) : '',
    image && article?.image?.alt ? meta('property', 'og:image:alt', article.image.alt) : '',
    article ? meta('property', 'article:published_time', article.publishedAt) : '',
    meta('name', 'twitter:card', image ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', article?.title ?? fullTitle),
    meta('name', 'twitter:description', description),
    image ? meta('name', 'twitter:image', image) : '',
    article ? newsArticleData(article, canonical, description, image) : '',
  ];
  return tags.join('');
}

function newsArticleData(article: Article, url: string, description: string, image: string | undefined): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: shorten(article.title, 110),
    description,
    datePublished: article.publishedAt,
    // The API keeps no separate time of change: a story's time is when it was last published.
    dateModified: article.publishedAt,
    ...(image ? { image: [image] } : {}),
    mainEntityOfPage: url,
    publisher: { '@type': 'Organization', name: SITE_NAME },
  };
  return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}
