import { useId, useRef, useState } from 'react';
import { Button } from '@/components/button';
import type { Topic } from '@/contract/news';
import { isSearchSort, type SearchSort } from '@/contract/search';
import { DATE_MODE_LABELS, describeRange, type DateMode } from './date-filter';
import { SearchTopicFilter } from './search-topic-filter';
import type { DateErrors } from './use-date-filter';

interface Props {
  topics: readonly Topic[] | undefined;
  topicsError: unknown;
  onRetryTopics: () => void;
  selectedTopics: readonly string[];
  onToggleTopic: (id: string) => void;
  onClearTopics: () => void;
  dateMode: DateMode;
  onDateModeChange: (mode: DateMode) => void;
  from: string | null;
  to: string | null;
  onFromChange: (day: string | null) => void;
  onToChange: (day: string | null) => void;
  dateErrors: DateErrors;
  onClearDates: () => void;
  sort: SearchSort;
  onSortChange: (sort: SearchSort) => void;
  /** Chosen topics, a date filter and a sort other than relevance, counted on the "Filters (n)" button. */
  activeCount: number;
  /** The sources' choice, when there are sources. */
  sourceFilter?: React.ReactNode;
}

/**
 * Topics, date and sort, folded behind a "Filters (n)" button on every screen, so the first results are near the top
 * of the first screen and the topics arriving late move nothing below.
 */
export function SearchFilters(props: Props) {
  const { topics, selectedTopics, dateMode, from, to, dateErrors, activeCount } = props;
  const id = useId();
  const rangeErrorId = `${id}-range-error`;
  const panelId = `${id}-panel`;
  const dateError = dateErrors.from ?? dateErrors.to ?? dateErrors.range;
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== 'Escape' || !open || event.defaultPrevented) return;
    event.preventDefault();
    setOpen(false);
    toggleRef.current?.focus();
  };

  return (
    <div className="search-filters" onKeyDown={onKeyDown}>
      <Button
        ref={toggleRef}
        variant="quiet"
        className="search-filters__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {activeCount > 0 ? `Filters (${activeCount})` : 'Filters'}
      </Button>
      <div
        id={panelId}
        className={open ? 'search-filters__panel search-filters__panel--open' : 'search-filters__panel'}
      >
        <SearchTopicFilter
          topics={topics}
          topicsError={props.topicsError}
          onRetryTopics={props.onRetryTopics}
          selected={selectedTopics}
          onToggle={props.onToggleTopic}
          onClear={props.onClearTopics}
        />
        {props.sourceFilter}

        <div className="search-filters__row">
          <div className="search-filters__field">
            <label htmlFor={`${id}-date`}>Date</label>
            <select
              id={`${id}-date`}
              value={dateMode}
              onChange={(e) => props.onDateModeChange(e.target.value as DateMode)}
            >
              {(Object.keys(DATE_MODE_LABELS) as DateMode[]).map((mode) => (
                <option key={mode} value={mode}>
                  {DATE_MODE_LABELS[mode]}
                </option>
              ))}
            </select>
          </div>

          {dateMode === 'custom' && (
            <>
              <div className="search-filters__field">
                <label htmlFor={`${id}-from`}>From</label>
                <input
                  id={`${id}-from`}
                  type="date"
                  value={from && !dateErrors.from ? from : ''}
                  max={to && !dateErrors.to ? to : undefined}
                  aria-invalid={dateErrors.from || dateErrors.range ? true : undefined}
                  aria-describedby={dateError ? rangeErrorId : undefined}
                  onChange={(e) => props.onFromChange(e.target.value || null)}
                />
              </div>
              <div className="search-filters__field">
                <label htmlFor={`${id}-to`}>To</label>
                <input
                  id={`${id}-to`}
                  type="date"
                  value={to && !dateErrors.to ? to : ''}
                  min={from && !dateErrors.from ? from : undefined}
                  aria-invalid={dateErrors.to || dateErrors.range ? true : undefined}
                  aria-describedby={dateError ? rangeErrorId : undefined}
                  onChange={(e) => props.onToChange(e.target.value || null)}
                />
              </div>
            </>
          )}

          <div className="search-filters__field">
            <label htmlFor={`${id}-sort`}>Sort by</label>
            <select
              id={`${id}-sort`}
              value={props.sort}
              onChange={(e) => props.onSortChange(isSearchSort(e.target.value) ? e.target.value : 'relevance')}
            >
              <option value="relevance">Relevance</option>
              <option value="newest">Newest first</option>
            </select>
          </div>
        </div>

        {!dateError && dateMode !== 'any' && (from || to) && (
          <p className="search-filters__note">
            Showing articles published {describeRange(from, to)}
            {to ? '' : ' to today'} (agency time).
          </p>
        )}
      </div>

      {/* Outside the fold: a date that needs fixing is shown even while the filters are folded away. */}
      {dateError && (
        <div id={rangeErrorId} className="search-filters__error" role="alert">
          <p>{dateError}</p>
          <Button variant="quiet" onClick={props.onClearDates}>
            Remove the date filter
          </Button>
        </div>
      )}
    </div>
  );
}
