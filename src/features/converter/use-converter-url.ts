// Keeps the converter's state in the URL (/converter?from=USD&to=EUR&amount=100), so a link reproduces it.
// On arrival the URL wins over what was kept on the device; afterwards every change is written back (replace).
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { MAX_TARGETS, useConverterStore, type ConverterPrefs } from '@/stores/converter-store';
import type { RateTable } from './money';
import { amountForLink, resolvePair } from './use-conversion';

const CODE = /^[A-Za-z]{3}$/;

/** What a link asks for, plus a message for each part that cannot be used. */
function readConverterUrl(search: string): { prefs: Partial<ConverterPrefs>; problems: string[] } {
  const params = new URLSearchParams(search);
  const prefs: Partial<ConverterPrefs> = {};
  const problems: string[] = [];
  for (const key of ['from', 'to'] as const) {
    const raw = params.get(key);
    if (raw === null || raw.trim() === '') continue;
    if (CODE.test(raw.trim())) prefs[key] = raw.trim().toUpperCase();
    else problems.push(`“${raw}” is not a currency code`);
  }
  const amount = params.get('amount');
  const toAmount = params.get('toAmount');
  if (toAmount !== null && amount === null) {
    prefs.amount = toAmount.slice(0, 64);
    prefs.side = 'to';
  } else if (amount !== null) {
    prefs.amount = amount.slice(0, 64);
    prefs.side = 'from';
  }
  const targets = params.get('targets');
  if (targets !== null) {
    const codes = targets
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    const bad = codes.filter((c) => !CODE.test(c));
    if (bad.length)
      problems.push(`${bad.map((b) => `“${b}”`).join(', ')} ${bad.length > 1 ? 'are' : 'is'} not a currency code`);
    prefs.targets = [...new Set(codes.filter((c) => CODE.test(c)).map((c) => c.toUpperCase()))].slice(0, MAX_TARGETS);
  }
  return { prefs, problems };
}

type LinkedPrefs = Pick<ConverterPrefs, 'from' | 'to' | 'amount' | 'side' | 'targets'>;

/** The query string for a state: `amount` when the first field was edited last, `toAmount` for the second. */
function converterSearch(prefs: LinkedPrefs, table: RateTable): string {
  const { from, to } = resolvePair(prefs, table);
  const params = new URLSearchParams({ from: from.code, to: to.code });
  params.set(prefs.side === 'from' ? 'amount' : 'toAmount', amountForLink(prefs.amount));
  if (prefs.targets.length) params.set('targets', prefs.targets.join(','));
  return `?${params.toString()}`;
}

/** Mount once for the view's life (not once per loading state), so a link is applied to the store only once. */
export function useConverterUrl(table: RateTable | undefined) {
  const location = useLocation();
  const navigate = useNavigate();
  const written = useRef<string | null>(null);
  const search = location.search;

  // URL -> store: on arrival, and when a link to this view is followed while it is open.
  useEffect(() => {
    if (search === written.current) return;
    const { prefs, problems } = readConverterUrl(search);
    const store = useConverterStore.getState();
    store.apply(prefs);
    store.setLinkNotice(problems.length ? `The link could not be used in full: ${problems.join('; ')}.` : null);
  }, [search]);

  // store -> URL, once the rates are known (the pair needs them to be resolved).
  const prefs = useConverterStore(
    useShallow((s) => ({ from: s.from, to: s.to, amount: s.amount, side: s.side, targets: s.targets })),
  );
  const next = table ? converterSearch(prefs, table) : null;
  useEffect(() => {
    if (next === null || next === search) return;
    written.current = next;
    navigate({ search: next }, { replace: true });
  }, [next, search, navigate]);
}
