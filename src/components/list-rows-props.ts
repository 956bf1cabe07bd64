import type { ElementType, ReactNode } from 'react';

/** What a long list gives its rows (list-rows.tsx), in a file of its own so the windowed half (windowed-rows.tsx)
 * can read it without importing the module that loads it. */
export interface ListRowsProps<Row> {
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  renderRow: (row: Row) => ReactNode;
  /** A first guess at a row's height in pixels, until it is measured. */
  estimateHeight: (row: Row) => number;
  /** Rows that head the ones after them (day headings): a windowed list keeps the one above the screen rendered,
   * so the outline of headings stays whole. */
  isHeading?: (row: Row) => boolean;
  /** The element each row is wrapped in (li inside a list). */
  rowAs?: ElementType;
  /** Names this list's remembered heights within the history entry. */
  memoryName: string;
}
