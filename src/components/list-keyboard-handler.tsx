// Reading a list from the keyboard (the feed, search results): j/k next and previous story, o or Enter open it,
// s Show more/less, m mark read/unread, b save (the "?" dialog lists them: shortcuts-help.tsx). Items are the elements with
// data-item-id inside the list; focus moves onto them (they have tabIndex -1) and they scroll into view.
// Back to the list puts focus on the story the reader opened (use-opened-story-focus.ts, loaded with the list).
import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';
import { isShortcutEvent } from '@/lib/keyboard';
import { isRead, useReadMarksStore, type ReadableStory } from '@/stores/read-marks-store';

const ITEM = '[data-item-id]';
export interface ListKeyboardProps {
  /** The stories listed (m toggles their read marks). */
  stories: readonly ReadableStory[];
  /** s works only where items can expand (the feed). */
  canExpand?: boolean;
  listRef: RefObject<HTMLElement | null>;
  /** The keys pressed before this code had loaded, in order (list-keyboard.tsx), to play now. */
  takeEarlyKeys: () => string[];
}

/** Wires the shortcuts to the list inside `listRef`. */
export default function ListKeyboardHandler({ listRef, stories, canExpand = false, takeEarlyKeys }: ListKeyboardProps) {
  const { key: entry } = useLocation();
  const latest = useRef({ stories, entry });
  useEffect(() => {
    latest.current = { stories, entry };
  });

  useEffect(() => {
    const items = () => [...(listRef.current?.querySelectorAll<HTMLElement>(ITEM) ?? [])];
    const current = () => {
      const focused = document.activeElement?.closest<HTMLElement>(ITEM);
      return focused && listRef.current?.contains(focused) ? focused : null;
    };
    // The first story not scrolled away above the screen (or the very first, past the end of the list).
    const firstOnScreen = (all: HTMLElement[]) => all.find((item) => item.getBoundingClientRect().bottom > 0) ?? all[0];
    const focusItem = (item: HTMLElement | undefined) => {
      if (!item) return;
      item.focus({ preventScroll: true });
      item.scrollIntoView({ block: 'nearest' });
    };
    const open = (item: HTMLElement | null) => {
      item?.querySelector<HTMLAnchorElement>('h2 a, h3 a')?.click();
    };

    /** Does what `key` stands for; false when it is not a shortcut here. */
    const press = (key: string): boolean => {
      if (!listRef.current) return false;
      const item = current();
      switch (key) {
        case 'j':
        case 'k': {
          const all = items();
          const at = item ? all.indexOf(item) : -1;
          const next = at < 0 ? firstOnScreen(all) : all[key === 'j' ? at + 1 : at - 1];
          focusItem(next);
          break;
        }
        case 'o':
          open(item);
          break;
        case 'Enter':
          // On a link or button inside the item, Enter does what it does there.
          if (item && document.activeElement === item) open(item);
          else return false;
          break;
        case 's':
          if (!canExpand) return false;
          item?.querySelector<HTMLElement>('[data-action="toggle"]')?.click();
          break;
        case 'm': {
          const story = latest.current.stories.find((s) => s.id === item?.dataset.itemId);
          const marks = useReadMarksStore.getState();
          if (story) marks.setRead(story, !isRead(marks, story));
          break;
        }
        case 'b':
          item?.querySelector<HTMLElement>('[data-action="save"]')?.click();
          break;
        default:
          return false;
      }
      return true;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (isShortcutEvent(event) && press(event.key)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    for (const key of takeEarlyKeys()) press(key);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [listRef, canExpand, takeEarlyKeys]);

  return null;
}
