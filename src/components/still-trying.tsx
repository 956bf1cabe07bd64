import { useEffect, useState } from 'react';
import { Button } from './button';

/** How long a first load may take before the reader is told it is still going (requests give up after 15 s, and
 * are tried up to three times). */
export const STILL_TRYING_AFTER_MS = 5000;

/**
 * Nothing at first; once a load has taken STILL_TRYING_AFTER_MS, says it is still trying, with a button to try again
 * at once. Remount it (a new `key`) when a new attempt starts, so the wait is counted afresh.
 */
export function StillTrying({ what, onRetryNow }: { what: string; onRetryNow: () => void }) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), STILL_TRYING_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  if (!slow) return null;
  return (
    <p className="loading-note" role="status">
      Still trying to load {what}… the news service has not answered yet.{' '}
      <Button variant="link" onClick={onRetryNow}>
        Try again now
      </Button>
    </p>
  );
}
