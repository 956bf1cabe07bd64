// "Save" / "Saved": keeps an article on the device to read later, also without a network. Made for long lists
// (feed, search results): memoized, one store subscription that re-renders a button only when its own article's
// state changes, and no IndexedDB code until a button is pressed.
import { useQueryClient } from '@tanstack/react-query';
import { memo, useId, useState } from 'react';
import { useIsSaved } from '@/stores/saved-articles-store';
import { Button } from './button';
import { describeSavedCopyFailure, removeSavedArticle, saveArticle } from './saved-article-actions';
import './save-button.css';

export const SaveButton = memo(function SaveButton({ id, title }: { id: string; title: string }) {
  const saved = useIsSaved(id);
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  const toggle = async () => {
    if (saving) return;
    setError(null);
    if (saved) {
      removeSavedArticle(queryClient, id);
      return;
    }
    setSaving(true);
    try {
      await saveArticle(queryClient, id);
    } catch (failure) {
      setError(`Could not save it. ${describeSavedCopyFailure(failure)}`);
    } finally {
      setSaving(false);
    }
  };

  const label = saving ? 'Saving…' : saved ? 'Saved' : 'Save';
  return (
    <span className="save-button">
      <Button
        variant="quiet"
        className="save-button__toggle"
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
