import type { ReactNode } from 'react';
import { Link } from 'react-router';
import './chip.css';

/** A small rounded link, e.g. a topic that opens the feed filtered by it. */
export function Chip({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link className="chip" to={to}>
      {children}
    </Link>
  );
}
