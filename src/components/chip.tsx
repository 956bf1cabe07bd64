import type { ReactNode } from 'react';
import { PlainLink } from './plain-link';
import './chip.css';

/** A small rounded link, e.g. a topic that opens the feed filtered by it. */
export function Chip({ to, children }: { to: string; children: ReactNode }) {
  return (
    <PlainLink className="chip" to={to}>
      {children}
    </PlainLink>
  );
}
