import { useState } from 'react';
import { Button } from './button';

/** Beyond this many characters a paragraph is shown in parts: laying out megabytes of text at once freezes the page. */
const PART = 20_000;

/** The end of the last whole word before `limit` (or `limit` when there is no space to cut at). */
function cutAt(text: string, limit: number): number {
  if (text.length <= limit) return text.length;
  const space = text.lastIndexOf(' ', limit);
  return space > limit * 0.8 ? space : limit;
}

/** Text that is shown whole when it is of a normal length, and a part at a time when it is enormous. */
export function LongText({ text }: { text: string }) {
  const [limit, setLimit] = useState(PART);
  const end = cutAt(text, limit);
  if (end >= text.length) return text;
  const rest = text.length - end;
  return (
    <>
      {text.slice(0, end)}…{' '}
      <Button variant="link" onClick={() => setLimit((shown) => shown * 5)}>
        Show more of this paragraph ({rest.toLocaleString('en-US')} more characters)
      </Button>
    </>
  );
}
