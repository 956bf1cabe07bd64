// The windowed half of list-rows.tsx (its own chunk): @tanstack/react-virtual against the page's own scroll.
// Rows are absolutely placed inside a box as tall as the whole list; each is measured as it renders (and again
// when it grows, e.g. an expanded article), and the measurements and the first row on screen are remembered for the
// history entry: Back puts that row exactly where it was.
import { defaultRangeExtractor, useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useNavigationType } from 'react-router';
import type { ListAnchor, ListMemory } from '@/lib/scroll-restoration';
import type { ListRowsProps } from './list-rows-props';
import './windowed-rows.css';

/** A row's place counts as settled once it has not moved for this long. */
const SETTLED_AFTER_MS = 250;
const SETTLE_AT_MOST_MS = 3000;
/** The reader taking over the scroll. */
const READER_INPUT = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

export default function WindowedRows<Row>({
  rows,
  rowKey,
  renderRow,
  estimateHeight,
  isHeading,
  rowAs: RowElement = 'div',
  memory,
}: ListRowsProps<Row> & { memory: ListMemory }) {
  const { sizes } = memory;
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

  // Back to this entry: once the rows on screen are measured, put the remembered first row where it was.
  const navigationType = useNavigationType();
  const [savedAnchor] = useState(() => (navigationType === 'POP' ? memory.anchor : null));
  const settling = useRef(savedAnchor !== null);
  // The first row on screen as last seen, with its index: rows added above it (new stories) move its index, and
  // the list then scrolls by as much, so what the reader is looking at stays put.
  const onScreen = useRef<(ListAnchor & { index: number }) | null>(null);

  // The same function for the same rows: whenever it changes, the virtualizer places every row again from the first
  // (with a new one on each render, all 5,000 rows of a long feed on every render while scrolling, seen in a profile).
  const getItemKey = useCallback((index: number) => rowKey(rows[index]!), [rows, rowKey]);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    getItemKey,
    estimateSize: (index) => sizes.get(rowKey(rows[index]!)) ?? estimateHeight(rows[index]!),
    overscan: 8,
    scrollMargin,
    // The heading of the first rows rendered stays rendered too, even when it has scrolled far above them.
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      if (!isHeading || indexes.length === 0) return indexes;
      let heading = indexes[0]!;
      while (heading >= 0 && !isHeading(rows[heading]!)) heading--;
      return heading < 0 || indexes.includes(heading) ? indexes : [heading, ...indexes];
    },
    // Note the heights of the rows on screen (measured by now) and the first of them, for the history entry.
    onChange: (instance) => {
      const top = window.scrollY - instance.options.scrollMargin;
      let anchor: (ListAnchor & { index: number }) | null = null;
      for (const item of instance.getVirtualItems()) {
        sizes.set(String(item.key), item.size);
        if (!anchor && item.end > top) anchor = { key: String(item.key), offset: item.start - top, index: item.index };
      }
      if (anchor && !settling.current) {
        memory.setAnchor({ key: anchor.key, offset: anchor.offset });
        onScreen.current = anchor;
      }
    },
  });

  // Puts `anchor`'s row where it was, again on each frame while rows measured meanwhile still move it: until its
  // place has held for a moment (a slow, busy device measures late), for 3 s at most, and never against the reader
  // (a wheel, touch, key or press ends it at once).
  const settle = useRef((anchor: ListAnchor, index: number) => {
    settling.current = true;
    const started = performance.now();
    let steadySince = started;
    let lastWanted = Number.NaN;
    let frame = 0;
    const stop = () => {
      cancelAnimationFrame(frame);
      settling.current = false;
      for (const type of READER_INPUT) window.removeEventListener(type, stop, true);
    };
    const step = () => {
      const now = performance.now();
      const item = virtualizer.measurementsCache[index];
      if (item) {
        const wanted = item.start + virtualizer.options.scrollMargin - anchor.offset;
        if (wanted !== lastWanted) {
          lastWanted = wanted;
          steadySince = now;
        }
        if (Math.abs(window.scrollY - wanted) > 1) window.scrollTo(0, wanted);
      }
      if (now - steadySince < SETTLED_AFTER_MS && now - started < SETTLE_AT_MOST_MS)
        frame = requestAnimationFrame(step);
      else stop();
    };
    for (const type of READER_INPUT) window.addEventListener(type, stop, { capture: true, passive: true });
    frame = requestAnimationFrame(step);
    return stop;
  });

  useEffect(() => {
    if (!savedAnchor) return;
    const index = rows.findIndex((row) => rowKey(row) === savedAnchor.key);
    if (index < 0) {
      settling.current = false;
      return;
    }
    return settle.current(savedAnchor, index);
    // Once, for the entry the list was mounted in: later changes are the reader's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [savedAnchor]);

  const stopSettling = useRef<(() => void) | null>(null);
  useEffect(() => () => stopSettling.current?.(), []);
  useLayoutEffect(() => {
    const anchor = onScreen.current;
    if (!anchor || settling.current) return;
    const index = rows.findIndex((row) => rowKey(row) === anchor.key);
    if (index <= anchor.index) return; // nothing was added above it
    onScreen.current = { ...anchor, index };
    stopSettling.current = settle.current(anchor, index);
  }, [rows, rowKey]);

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
