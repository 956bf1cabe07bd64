// The windowed half of list-rows.tsx (its own chunk): @tanstack/react-virtual against the page's own scroll.
// Rows are absolutely placed inside a box as tall as the whole list; each is measured as it renders (and again
// when it grows, e.g. an expanded article), and the measurement is remembered for the history entry.
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import type { ListRowsProps } from './list-rows';
import './windowed-rows.css';

export default function WindowedRows<Row>({
  rows,
  rowKey,
  renderRow,
  estimateHeight,
  rowAs: RowElement = 'div',
  sizes,
}: ListRowsProps<Row> & { sizes: Map<string, number> }) {
  const boxRef = useRef<HTMLDivElement>(null);
  // Where the list starts on the page: the virtualizer counts rows from there.
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const update = () => setScrollMargin(box.getBoundingClientRect().top + window.scrollY);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    getItemKey: (index) => rowKey(rows[index]!),
    estimateSize: (index) => sizes.get(rowKey(rows[index]!)) ?? estimateHeight(rows[index]!),
    overscan: 8,
    scrollMargin,
    // Note the heights of the rows on screen (measured by now), to be remembered with the history entry.
    onChange: (instance) => {
      for (const item of instance.getVirtualItems()) sizes.set(String(item.key), item.size);
    },
  });

  return (
    <div ref={boxRef} className="windowed-rows" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const row = rows[item.index]!;
        return (
          <RowElement
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            className="windowed-rows__row"
            // Set through the CSSOM (React's style prop), which a strict style-src policy allows.
            style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
          >
            {renderRow(row)}
          </RowElement>
        );
      })}
    </div>
  );
}
