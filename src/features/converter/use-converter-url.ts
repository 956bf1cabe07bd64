// Keeps the converter's state in the URL (/converter?from=USD&to=EUR&amount=100), so a link reproduces it.
// On arrival the URL wins over what was kept on the device; afterwards every change is written back (replace).
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { MAX_TARGETS, useConverterStore, type ConverterPrefs } from '@/stores/converter-store';
import type { RateTable } from './money';
import { amountForLink, resolvePair, type Conversion } from './use-conversion';

const CODE = /^[A-Za-z]{3}$/;

/** What a link asks for, plus a message for each part that cannot be used. */
export function readConverterUrl(search: string): { prefs: Partial<ConverterPrefs>; problems: string[] } {
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

/** The query string for a state: `amount` when the first field was edited last, `toAmount` for the second. */
export function converterSearch(conversion: Conversion, targets: readonly string[]): string {
  const params = new URLSearchParams({ from: conversion.from.code, to: conversion.to.code });
  params.set(conversion.side === 'from' ? 'amount' : 'toAmount', amountForLink(conversion));
  if (targets.length) params.set('targets', targets.join(','));
  return `?${params.toString()}`;
}

export function useConverterUrl(table: RateTable | undefined, conversion: Conversion | null) {
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
  const targets = useConverterStore((s) => s.targets);
  const next = table && conversion ? converterSearch(conversion, targets) : null;
  useEffect(() => {
    if (next === null || next === search) return;
    written.current = next;
    navigate({ search: next }, { replace: true });
  }, [next, search, navigate]);
}

export { resolvePair };
