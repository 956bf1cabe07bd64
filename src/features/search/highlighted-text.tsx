import { splitHighlights, type HighlightPlan } from './highlight';

/** The text with matching words in <mark>; React renders every part as text, never as markup. */
export function HighlightedText({ text, plan }: { text: string; plan: HighlightPlan }) {
  return (
    <>
      {splitHighlights(text, plan).map((segment, i) =>
        segment.match ? <mark key={i}>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}
