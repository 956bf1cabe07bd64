import { Suspense, useEffect, useState } from 'react';
import { PartBoundary } from '@/components/error-boundary';
import { lazyWithRetry } from '@/lib/lazy-with-retry';

const ConverterBox = lazyWithRetry(
  () => import('@/features/converter/converter-box'),
  (module) => module.ConverterBox,
);

// Matches the breakpoint in features/feed/feed-page.css where the feed shows its sidebar; narrower screens never load the box.
const WIDE_SCREEN = '(min-width: 64rem)';

/** The feed's converter box: its code is requested only after the feed has painted, into a fixed-size slot. */
export function ConverterBoxSlot() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame = 0;
    const loadAfterPaint = () => {
      frame = requestAnimationFrame(() => {
        timer = setTimeout(() => setReady(true), 0);
      });
    };
    const media = typeof window.matchMedia === 'function' ? window.matchMedia(WIDE_SCREEN) : null;
    const onChange = (event: MediaQueryListEvent) => {
      if (event.matches) loadAfterPaint();
    };
    if (!media || media.matches) loadAfterPaint();
    else media.addEventListener('change', onChange);
    return () => {
      media?.removeEventListener('change', onChange);
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  const placeholder = <div className="converter-box-slot" />;
  return ready ? (
    <PartBoundary what="The currency converter could not be loaded.">
      <Suspense fallback={placeholder}>
        <ConverterBox />
      </Suspense>
    </PartBoundary>
  ) : (
    placeholder
  );
}
