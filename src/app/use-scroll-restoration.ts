// Back/Forward return to where the reader was; a new page starts at the top (or at its #anchor), with focus on
// the main content.
import { useEffect, useLayoutEffect } from 'react';
import { useLocation, useNavigationType } from 'react-router';

const storageKey = (key: string) => `scroll:${key}`;

function readPosition(key: string): number | null {
  try {
    const raw = sessionStorage.getItem(storageKey(key));
    return raw === null ? null : Number(raw);
  } catch {
    return null;
  }
}

export function useScrollRestoration() {
  const location = useLocation();
  const navigationType = useNavigationType();
  const { key } = location;

  useEffect(() => {
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  }, []);

  // Remember this entry's position as the reader scrolls (throttled to one write per frame).
  useEffect(() => {
    let frame = 0;
    const save = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        try {
          sessionStorage.setItem(storageKey(key), String(Math.round(window.scrollY)));
        } catch {
          // storage full or disabled: restoration is a nicety
        }
      });
    };
    window.addEventListener('scroll', save, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', save);
    };
  }, [key]);

  useLayoutEffect(() => {
    // A replace refines the view in place (a filter, a corrected address): leave the scroll alone.
    if (navigationType === 'REPLACE') return;
    if (navigationType === 'PUSH') {
      if (location.hash) return;
      window.scrollTo(0, 0);
      // Keyboard and screen-reader users start at the new content, unless the view has placed focus itself.
      const main = document.getElementById('main');
      if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
      return;
    }
    const target = readPosition(key);
    if (target === null) return;
    // Content may still be arriving (lazy view, cached data rendering): retry until the page is tall enough.
    let attempts = 0;
    let frame = 0;
    const restore = () => {
      const reachable = document.documentElement.scrollHeight - window.innerHeight >= target;
      window.scrollTo(0, target);
      if (!reachable && attempts++ < 60) frame = requestAnimationFrame(restore);
    };
    restore();
    return () => cancelAnimationFrame(frame);
  }, [key, location.hash, navigationType]);
}
