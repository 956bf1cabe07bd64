// Back to a list puts focus on the story the reader opened from it. Part of the list's first code (not of the
// shortcuts, which load later): a story clicked as soon as the list shows is remembered too.
import { useEffect, type RefObject } from 'react';
import { useLocation, useNavigationType } from 'react-router';

const ITEM = '[data-item-id]';
const openedKey = (entry: string) => `list-opened:${entry}`;

function remember(key: string, value: string) {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // Storage full or disabled: focus simply stays at the start of the page on Back.
  }
}

function recall(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

export function useOpenedStoryFocus(listRef: RefObject<HTMLElement | null>) {
  const { key: entry } = useLocation();
  const navigationType = useNavigationType();

  // Whichever way a story is opened (click, o, Enter on its link), the list remembers it for Back.
  useEffect(() => {
    const list = listRef.current;
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a') : null;
      const opened = link?.closest<HTMLElement>(ITEM);
      if (opened?.dataset.itemId && link?.closest('h2, h3')) remember(openedKey(entry), opened.dataset.itemId);
    };
    list?.addEventListener('click', onClick, true);
    return () => list?.removeEventListener('click', onClick, true);
  }, [listRef, entry]);

  // Back to the list: focus the story the reader left from, once it is on the page (a windowed list renders it
  // when its place is restored). Scrolling is left to the scroll restoration.
  useEffect(() => {
    if (navigationType !== 'POP') return;
    const id = recall(openedKey(entry));
    if (!id) return;
    let frames = 0;
    let frame = 0;
    const tryFocus = () => {
      const item = listRef.current?.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(id)}"]`);
      if (item) item.focus({ preventScroll: true });
      else if (frames++ < 60) frame = requestAnimationFrame(tryFocus);
    };
    frame = requestAnimationFrame(tryFocus);
    return () => cancelAnimationFrame(frame);
  }, [entry, navigationType, listRef]);
}
