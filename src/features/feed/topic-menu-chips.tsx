// A feed item's topics: each chip opens a small menu right below it (topic-menu.tsx).
import { Suspense, useId, useRef, useState } from 'react';
import { PartBoundary } from '@/components/error-boundary';
import { TopicChips, type TopicNames } from '@/components/topic-chips';
import { lazyWithRetry } from '@/lib/lazy-with-retry';
import { useHydrated } from '@/lib/use-hydrated';

const TopicMenu = lazyWithRetry(() => import('./topic-menu'));
const loadMenu = () => void TopicMenu.preload().catch(() => {});

/** Until the page is the app's (scripts off, a failed bundle, or not hydrated yet) each chip is a link to its
 * topic's feed; then a button with the menu. */
export function TopicMenuChips({ topicIds, names }: { topicIds: readonly string[]; names: TopicNames }) {
  return useHydrated() ? (
    <MenuChips topicIds={topicIds} names={names} />
  ) : (
    <TopicChips topicIds={topicIds} names={names} />
  );
}

function MenuChips({ topicIds, names }: { topicIds: readonly string[]; names: TopicNames }) {
  const menuId = useId();
  const [open, setOpen] = useState<string | null>(null);
  const chips = useRef(new Map<string, HTMLButtonElement>());
  const name = (id: string) => names.get(id) ?? id;
  const close = (returnFocus: boolean) => {
    if (open && returnFocus) chips.current.get(open)?.focus();
    setOpen(null);
  };

  return (
    <>
      <ul className="chip-list" aria-label="Topics">
        {topicIds.map((id) => (
          <li key={id}>
            <button
              type="button"
              className="chip chip--button"
              aria-expanded={open === id}
              aria-controls={open === id ? menuId : undefined}
              ref={(node) => {
                if (node) chips.current.set(id, node);
                else chips.current.delete(id);
              }}
              onMouseEnter={loadMenu}
              onFocus={loadMenu}
              onClick={() => setOpen(open === id ? null : id)}
              onKeyDown={(event) => {
                if (event.key === 'Escape' && open === id) {
                  event.stopPropagation();
                  setOpen(null);
                }
              }}
            >
              {name(id)}
            </button>
          </li>
        ))}
      </ul>
      {open && (
        <PartBoundary what="The topic menu could not be loaded.">
          <Suspense fallback={null}>
            <TopicMenu id={menuId} topicId={open} name={name(open)} onClose={close} />
          </Suspense>
        </PartBoundary>
      )}
    </>
  );
}
