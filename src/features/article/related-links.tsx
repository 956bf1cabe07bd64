import { useQueries } from '@tanstack/react-query';
import { useId } from 'react';
import { articleQueries } from '@/api/articles';
import { ApiError } from '@/api/http';
import { ArticleLink } from '@/components/article-link';
import { Button } from '@/components/button';
import { VisuallyHidden } from '@/components/visually-hidden';
import type { ExternalLink, StorySource } from '@/contract/news';
import { safeExternalUrl } from '@/lib/safe-url';

/** "Read also": the related articles by title, linking inside the app. Articles that no longer exist are left out. */
export function ReadAlso({ ids }: { ids: readonly string[] }) {
  const headingId = useId();
  const results = useQueries({ queries: ids.map((id) => articleQueries.detail(id)) });
  const items = ids
    .map((id, i) => ({ id, result: results[i]! }))
    .filter(({ result }) => !(result.error instanceof ApiError && result.error.isNotFound));
  if (items.length === 0) return null;

  return (
    <section className="related" aria-labelledby={headingId}>
      <h2 id={headingId}>Read also</h2>
      <ul className="related__list">
        {items.map(({ id, result }) => (
          <li key={id}>
            {result.data ? (
              <ArticleLink id={id}>{result.data.title}</ArticleLink>
            ) : result.isError ? (
              <span className="related__error">
                This article could not be loaded.{' '}
                <Button variant="link" onClick={() => result.refetch()}>
                  Try again
                </Button>
              </span>
            ) : (
              <span className="loading-note">Loading…</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * "In other media" / "Partner News": links to other sites, opened in a new tab. Only absolute http(s)
 * addresses become links; an entry with any other address (javascript:, data:, relative...) is left out.
 */
export function ExternalLinks({ title, links }: { title: string; links: readonly ExternalLink[] }) {
  const headingId = useId();
  const safeLinks = links.flatMap((link) => {
    const href = safeExternalUrl(link.url);
    return href ? [{ ...link, href }] : [];
  });
  if (safeLinks.length === 0) return null;

  return (
    <section className="related" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <ul className="related__list">
        {safeLinks.map((link, i) => (
          <li key={`${link.href}-${i}`}>
            <a href={link.href} target="_blank" rel="noopener noreferrer">
              {link.title}
              <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
            </a>{' '}
            <span className="related__source">— {link.source}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Read at BBC News": the story's own page on its source's site (the site's host name when the source has no name),
 * opened in a new tab as the other external links are. */
export function ReadAtSource({ url, source }: { url: string; source?: StorySource | undefined }) {
  const href = safeExternalUrl(url);
  if (!href) return null;
  return (
    <p className="article__read-at">
      <a href={href} target="_blank" rel="noopener noreferrer">
        Read at {source?.name.trim() || new URL(href).hostname}
        <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
      </a>
    </p>
  );
}
