import { Button } from '@/components/button';

/** The address names topics that do not exist: say so, and offer to drop them from the address. */
export function UnknownTopicsNotice({ ids, onRemove }: { ids: readonly string[]; onRemove: () => void }) {
  if (ids.length === 0) return null;
  const one = ids.length === 1;
  return (
    <div className="search-notice" role="alert">
      <p>
        The address names {one ? 'a topic that does' : 'topics that do'} not exist:{' '}
        {ids.map((t) => `“${t}”`).join(', ')}. {one ? 'It is' : 'They are'} ignored.
      </p>
      <Button variant="quiet" onClick={onRemove}>
        Remove from the address
      </Button>
    </div>
  );
}
