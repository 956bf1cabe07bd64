import { Button } from '@/components/button';
import { VisuallyHidden } from '@/components/visually-hidden';
import type { SourceWithCount } from '@/contract/sources';

interface Props {
  sources: readonly SourceWithCount[];
  selected: readonly string[];
  onToggle: (id: string) => void;
  onClear: () => void;
}

const number = new Intl.NumberFormat('en-US');

/** Search the stories of any of the ticked sources (none ticked: every source); shown only when there are sources. */
export function SearchSourceFilter({ sources, selected, onToggle, onClear }: Props) {
  const count = sources.filter((s) => selected.includes(s.id)).length;
  return (
    <fieldset className="search-filters__topics">
      <legend>Sources</legend>
      <ul className="search-filters__topic-list">
        {sources.map((source) => (
          <li key={source.id}>
            <label>
              <input type="checkbox" checked={selected.includes(source.id)} onChange={() => onToggle(source.id)} />
              {source.name}{' '}
              <span className="search-filters__count">
                ({number.format(source.count)}
                <VisuallyHidden> {source.count === 1 ? 'story' : 'stories'}</VisuallyHidden>)
              </span>
            </label>
          </li>
        ))}
      </ul>
      <p className="search-filters__note">
        {count === 0 ? 'None chosen: every source is searched. ' : `${count} chosen. `}
        {count > 0 && (
          <Button variant="link" onClick={onClear}>
            Search every source
          </Button>
        )}
      </p>
    </fieldset>
  );
}
