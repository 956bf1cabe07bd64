import { memo } from 'react';
import type { SavedCopy } from '@/api/saved-articles';
import { ArticleLink } from '@/components/article-link';
import { Button } from '@/components/button';
import { NewsTime, useDisplayTimeZone } from '@/components/news-time';
import { formatAgencyDateTime } from '@/lib/agency-time';

/** The element id of a saved item (its link takes focus when an undo puts it back). */
export const savedItemId = (id: string) => `saved-${id}`;

interface Props {
  id: string;
  /** null: the list names the article but its copy is gone from the device (storage cleared elsewhere). */
  copy: SavedCopy | null;
  savedAt: number;
  onRemove: (id: string) => void;
}

export const SavedItem = memo(function SavedItem({ id, copy, savedAt, onRemove }: Props) {
  const title = copy?.article.title ?? `Article “${id}”`;
  const zone = useDisplayTimeZone();
  return (
    <li id={savedItemId(id)} className="news-item saved-item">
      <p className="news-item__meta">
        {copy && <NewsTime iso={copy.article.publishedAt} withDate undated={copy.article.undated} />}
        {copy?.article.source && <span className="news-item__source">{copy.article.source.name}</span>}
        <span>Saved {formatAgencyDateTime(new Date(savedAt).toISOString(), zone)}</span>
      </p>
      <h2 className="news-item__title saved-item__title">
        <ArticleLink id={id}>{title}</ArticleLink>
      </h2>
      {copy ? (
        copy.article.lead.trim() && <p className="saved-item__lead">{copy.article.lead}</p>
      ) : (
        <p className="saved-item__missing">Its saved copy is no longer on this device: it opens only with a network.</p>
      )}
      <Button variant="quiet" aria-label={`Remove “${title}”`} onClick={() => onRemove(id)}>
        Remove
      </Button>
    </li>
  );
});
