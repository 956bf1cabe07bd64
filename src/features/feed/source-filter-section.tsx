// The sources part of "Use filter": one row per source (checkbox and name, number of stories, "Only this"), stories
// without a source last, All / None. Unticking from "every source" drops that source (sources that appear later
// still show); after "Only this" or "None", ticking keeps just the sources ticked.
import { sourceChoices } from '@/api/sources';
import { Button } from '@/components/button';
import { VisuallyHidden } from '@/components/visually-hidden';
import type { SourcesResponse } from '@/contract/sources';
import { EVERY_SOURCE, type SourceSelection } from '@/stores/source-filter-storage';
import { isSourceShown, normalizeSourceSelection, toggleSource } from '@/stores/source-filter-store';

export interface SourceFilterProps {
  list: SourcesResponse;
  selection: SourceSelection;
  onChange: (selection: SourceSelection) => void;
}

const number = new Intl.NumberFormat('en-US');

export function SourceFilterSection({ list, selection, onChange }: SourceFilterProps) {
  const rows = sourceChoices(list);
  const allIds = rows.map((row) => row.id);
  return (
    <fieldset className="filter-panel__sources">
      <legend>Show news from these sources</legend>
      <div className="filter-panel__bulk">
        <Button variant="quiet" onClick={() => onChange(EVERY_SOURCE)}>
          All <VisuallyHidden>sources</VisuallyHidden>
        </Button>
        <Button variant="quiet" onClick={() => onChange({ keep: [], drop: [] })}>
          None <VisuallyHidden>of the sources</VisuallyHidden>
        </Button>
      </div>
      <ul className="filter-panel__list">
        <li className="filter-row filter-row--head" aria-hidden="true">
          <span>Source</span>
          <span className="filter-row__count">Stories</span>
        </li>
        {rows.map((source) => (
          <li key={source.id} className="filter-row">
            <label className="filter-row__name">
              <input
                type="checkbox"
                checked={isSourceShown(selection, source.id)}
                onChange={() => onChange(toggleSource(selection, source.id, allIds))}
              />
              <span title={source.name}>{source.name}</span>
            </label>
            <span className="filter-row__count">
              {number.format(source.count)}
              <VisuallyHidden> {source.count === 1 ? 'story' : 'stories'}</VisuallyHidden>
            </span>
            <Button
              variant="link"
              onClick={() => onChange(normalizeSourceSelection({ keep: [source.id], drop: [] }, allIds))}
            >
              Only this <VisuallyHidden>({source.name})</VisuallyHidden>
            </Button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
