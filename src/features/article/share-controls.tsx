import { useEffect, useState } from 'react';
import { Button } from '@/components/button';
import { copyText } from '@/lib/clipboard';
import { useHydrated } from '@/lib/use-hydrated';

export interface StatusMessage {
  text: string;
  tone: 'success' | 'error';
}

/** Absolute address of an article (and optionally one of its paragraphs), for copying and sharing. */
export function articleAddress(id: string, paragraph?: number): string {
  const url = new URL(`/news/${encodeURIComponent(id)}`, window.location.origin);
  if (paragraph !== undefined) url.hash = `p-${paragraph}`;
  return url.href;
}

/** A short-lived status message (cleared after a few seconds; a new message restarts the clock). */
export function useStatusMessage(timeoutMs = 6000) {
  const [message, setMessage] = useState<StatusMessage | null>(null);
  useEffect(() => {
    if (!message) return;
    const timer = window.setTimeout(() => setMessage(null), timeoutMs);
    return () => window.clearTimeout(timer);
  }, [message, timeoutMs]);
  return [message, setMessage] as const;
}

/** One polite live region for every copy/share result in the view, pinned where the reader can see it. */
export function StatusToast({ message }: { message: StatusMessage | null }) {
  return (
    <p role="status" className={`status-toast${message ? ` status-toast--${message.tone}` : ''}`}>
      {message?.text}
    </p>
  );
}

const canShare = () => typeof navigator !== 'undefined' && typeof navigator.share === 'function';

/** "Copy link", plus "Share" where the browser has a share sheet (navigator.share). */
export function ShareControls({
  id,
  title,
  onStatus,
}: {
  id: string;
  title: string;
  onStatus: (message: StatusMessage) => void;
}) {
  // The server cannot know about the share sheet: the button appears once the page is the browser's.
  const shareAvailable = useHydrated() && canShare();

  const copy = async () => {
    const address = articleAddress(id);
    const copied = await copyText(address);
    onStatus(
      copied
        ? { text: 'Link copied', tone: 'success' }
        : { text: `Could not copy the link. Copy it from here: ${address}`, tone: 'error' },
    );
  };

  const share = async () => {
    const address = articleAddress(id);
    try {
      await navigator.share({ title, url: address });
    } catch (error) {
      // Closing the share sheet is the reader's choice, not a failure.
      if (error instanceof DOMException && error.name === 'AbortError') return;
      onStatus({ text: `Could not open the share sheet. The link is ${address}`, tone: 'error' });
    }
  };

  return (
    <div className="share-controls">
      <Button variant="quiet" onClick={copy}>
        Copy link
      </Button>
      {shareAvailable && (
        <Button variant="quiet" onClick={share}>
          Share
        </Button>
      )}
    </div>
  );
}
