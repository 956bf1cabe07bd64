// "Save" / "Saved": keeps an article on the device to read later, also without a network. Made for long lists
// (every feed and search item has one): memoized, one store subscription that re-renders a button only when its own
// article's state changes, and neither the saving code nor IndexedDB's is downloaded until a button is pressed.
import { useQueryClient } from '@tanstack/react-query';
import { memo, useId, useState } from 'react';
import { CODE_DOWNLOAD_FAILED } from '@/lib/lazy-with-retry';
import { useIsSaved } from '@/stores/saved-articles-store';
import { Button } from './button';
import './save-button.css';

const loadActions = () => import('./saved-article-actions');

export const SaveButton = memo(function SaveButton({
  id,
  title,
  variant = 'quiet',
}: {
  id: string;
  title: string;
  /** "link" in lists, beside Show more. */
  variant?: 'quiet' | 'link';
}) {
  const saved = useIsSaved(id);
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  const toggle = async () => {
    if (saving) return;
    setError(null);
    setSaving(true);
    let actions: Awaited<ReturnType<typeof loadActions>>;
    try {
      actions = await loadActions();
    } catch {
      setSaving(false);
      setError(`Could not ${saved ? 'remove' : 'save'} it. ${CODE_DOWNLOAD_FAILED}`);
      return;
    }
    if (saved) {
      setSaving(false);
      actions.removeSavedArticle(queryClient, id);
      return;
    }
    try {
      await actions.saveArticle(queryClient, id);
    } catch (failure) {
      setError(`Could not save it. ${actions.describeSavedCopyFailure(failure)}`);
    } finally {
      setSaving(false);
    }
  };

  const label = saving ? (saved ? 'Removing…' : 'Saving…') : saved ? 'Saved' : 'Save';
  return (
    <span className="save-button">
      <Button
        variant={variant}
        className={`save-button__toggle save-button__toggle--${variant}`}
        data-action="save"
        // Names the article: a list has one of these per item.
        aria-label={`${label} “${title}”`}
        aria-pressed={saved}
        aria-disabled={saving || undefined}
        aria-describedby={error ? errorId : undefined}
        onClick={toggle}
      >
        {label}
      </Button>
      {error && (
        <span id={errorId} role="alert" className="save-button__error">
          {error}
        </span>
      )}
    </span>
  );
});
