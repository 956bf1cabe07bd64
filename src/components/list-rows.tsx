// Rows of a long list (the feed, search results): rendered plainly while the list is short, windowed once it is
// long (only the rows near the screen are in the DOM), so thousands of loaded items stay light. The windowing code
// loads only when a list gets long. Row heights measured in a history entry are kept with it, so Back returns to the
// exact place even in a windowed list.
import { Suspense, useDeferredValue, useLayoutEffect, useState, type ReactNode } from 'react';
import { lazyWithRetry } from '@/lib/lazy-with-retry';
import { useListMemory, type ListMemory } from '@/lib/scroll-restoration';
import { useHydrated } from '@/lib/use-hydrated';
import { ErrorBoundary } from './error-boundary';
import type { ListRowsProps } from './list-rows-props';

type RowsProps<Row> = ListRowsProps<Row> & { memory: ListMemory };
const windowedRows = lazyWithRetry(() => import('./windowed-rows'));
// The lazy wrapper drops the component's type parameter; it is the same generic component.
const WindowedRows = windowedRows as unknown as <Row>(props: RowsProps<Row>) => ReactNode;

/** Lists longer than this many rows are windowed. */
const WINDOW_ABOVE = 60;

/** A first render shows this many rows (a screenful); the rest follow in a background render right after. */
const FIRST_ROWS = 8;

export function ListRows<Row>(allProps: ListRowsProps<Row>) {
  // The first screen paints sooner when the first render does not build rows far below it; a page the server
  // rendered has every row already, and hydration must match it.
  const hydrated = useHydrated();
  const rows = useDeferredValue(allProps.rows, hydrated ? allProps.rows.slice(0, FIRST_ROWS) : allProps.rows);
  const props = { ...allProps, rows };
  const memory = useListMemory(props.memoryName);
  // The plain rows' elements, measured only when the list turns windowed (measuring on every render would force
  // a layout in the middle of each commit).
  const [elements] = useState(() => new Map<string, HTMLElement>());
  const long = props.rows.length > WINDOW_ABOVE;
  useLayoutEffect(() => {
    if (!long) return;
    for (const [key, element] of elements) {
      if (element.isConnected) memory.sizes.set(key, element.getBoundingClientRect().height);
    }
  }, [long, elements, memory]);
  const plain = <PlainRows {...props} elements={elements} />;
  // Until the deferred rows are rendered, their estimated height holds their place: the page is as tall as it will
  // be, so what sits below the list (the feed's "load more when seen") is not on screen for a moment.
  const waiting = allProps.rows.length > rows.length ? allProps.rows.slice(rows.length) : [];
  const waitingHeight = waiting.reduce((sum, row) => sum + props.estimateHeight(row), 0);
  const Placeholder = props.rowAs ?? 'div';
  const placeholder = waitingHeight > 0 && (
    // Set through the CSSOM (React's style prop), which a strict style-src policy allows.
    <Placeholder aria-hidden="true" className="list-rows__waiting" style={{ height: waitingHeight }} />
  );
  if (!long) {
    return (
      <>
        {plain}
        {placeholder}
      </>
    );
  }
  // Without the windowing code (offline, say) the list still works, only heavier.
  return (
    <>
      <ErrorBoundary fallback={() => plain}>
        <Suspense fallback={plain}>
          <WindowedRows {...props} memory={memory} />
        </Suspense>
      </ErrorBoundary>
      {placeholder}
    </>
  );
}

/** Starts loading the windowing code before a list needs it (e.g. when its second page arrives). */
export const preloadWindowing = () => void windowedRows.preload().catch(() => {});

function PlainRows<Row>({
  rows,
  rowKey,
  renderRow,
  rowAs: RowElement = 'div',
  elements,
}: ListRowsProps<Row> & { elements: Map<string, HTMLElement> }) {
  // One ref callback per row, kept: a new one on every render would be called for every row on every render.
  const [refs] = useState(() => new Map<string, (node: HTMLElement | null) => void>());
  const refFor = (key: string) => {
    let ref = refs.get(key);
    if (!ref) {
      ref = (node) => {
        if (node) elements.set(key, node);
        else elements.delete(key);
      };
      refs.set(key, ref);
    }
    return ref;
  };
  return rows.map((row) => {
    const key = rowKey(row);
    return (
      <RowElement key={key} ref={refFor(key)}>
        {renderRow(row)}
      </RowElement>
    );
  });
}
