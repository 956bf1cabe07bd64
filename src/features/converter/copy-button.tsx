import { useState } from 'react';
import { Button } from '@/components/button';
import { copyText } from '@/lib/clipboard';

/** Copies a plain number (as shown, no currency sign) and says whether it worked. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    setStatus(
      (await copyText(text))
        ? `Copied ${text}`
        : `Copying is not available here: select ${text} and press Ctrl+C (⌘C on a Mac).`,
    );
  };
  return (
    <span className="copy">
      <Button variant="quiet" aria-label={label} disabled={!text} onClick={copy}>
        Copy
      </Button>
      <span role="status" className="copy__status">
        {status}
      </span>
    </span>
  );
}
