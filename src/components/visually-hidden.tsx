import type { ReactNode } from 'react';
import './visually-hidden.css';

/** Text for screen readers only (e.g. which item a repeated "Show more" belongs to). */
export function VisuallyHidden({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <span id={id} className="visually-hidden">
      {children}
    </span>
  );
}
