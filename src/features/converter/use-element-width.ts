import { useEffect, useRef, useState } from 'react';

/** The element's width in CSS pixels (kept within min..max; `fallback` until measured or without ResizeObserver). */
export function useElementWidth<T extends HTMLElement>(
  fallback: number,
  min: number,
  max: number,
): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.round(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(Math.max(min, Math.min(max, measured)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [min, max]);
  return [ref, width];
}
