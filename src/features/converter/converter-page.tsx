// /converter: two-way converter with official rates, several targets, favourites, and the pair's history.
import { useCallback, useDeferredValue } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { WaitingForNetwork } from '@/components/offline-notice';
import { QueryError } from '@/components/query-error';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useUrlState } from '@/lib/use-url-state';
import { useConverterStore } from '@/stores/converter-store';
import { converterUrlSchema, linkProblems, type ConverterLink } from './converter-url';
import type { RateTable } from './money';
import { PairConverter } from './pair-converter';
import { RateChartSection } from './rate-chart-section';
import { RateSource } from './rate-source';
import { TargetList } from './target-list';
import { useConverter } from './use-converter';
import { useRateTable } from './use-rate-table';
import './converter.css';

export default function ConverterPage() {
  useDocumentTitle('Currency converter');
  const { ratesQuery, table } = useRateTable();

  return (
    <section className="converter-page" aria-labelledby="converter-title">
      <h1 id="converter-title">Currency converter</h1>
      {table ? (
        <Converter table={table} />
      ) : ratesQuery.isError ? (
        <QueryError
          what="The exchange rates could not be loaded."
          error={ratesQuery.error}
          onRetry={() => ratesQuery.refetch()}
        />
      ) : ratesQuery.fetchStatus === 'paused' ? (
        <WaitingForNetwork what="the official rates" />
      ) : (
        <p className="converter-loading" role="status">
          Loading the official rates…
        </p>
      )}
    </section>
  );
}

function Converter({ table }: { table: RateTable }) {
  const [link, updateLink, searchParams] = useUrlState(converterUrlSchema);
  const writeLink = useCallback((next: ConverterLink) => updateLink(next, { replace: true }), [updateLink]);
  const converter = useConverter(table, link, writeLink);
  // A keystroke paints the pair's fields first; the other currencies follow in a render that the next keystroke may
  // interrupt (at 4x CPU the whole page took about 100 ms a key, the pair alone a fraction of it).
  const listed = useDeferredValue(converter);
  const prefs = useConverterStore(
    useShallow((s) => ({
      favourites: s.favourites,
      range: s.range,
      toggleFavourite: s.toggleFavourite,
      setRange: s.setRange,
    })),
  );
  const problems = linkProblems(searchParams);
  const missing = [...converter.missing, ...converter.targets.filter((code) => !table.byCode.has(code))];

  return (
    <>
      {problems.length > 0 && (
        <p className="converter-notice" role="status">
          The link could not be used in full: {problems.join('; ')}.
        </p>
      )}
      {missing.length > 0 && (
        <p className="converter-notice" role="status">
          {missing.join(', ')} {missing.length > 1 ? 'are' : 'is'} not in the current rates, so{' '}
          {missing.length > 1 ? 'they are' : 'it is'} not shown.
        </p>
      )}
      <div className="converter">
        <PairConverter
          table={table}
          converter={converter}
          favourites={prefs.favourites}
          onToggleFavourite={prefs.toggleFavourite}
        />
        <RateSource table={table} />
      </div>
      <TargetList
        table={table}
        converter={listed}
        favourites={prefs.favourites}
        onToggleFavourite={prefs.toggleFavourite}
      />
      <RateChartSection
        from={converter.from}
        to={converter.to}
        table={table}
        range={prefs.range}
        onRangeChange={prefs.setRange}
      />
    </>
  );
}
