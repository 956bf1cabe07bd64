// The reader's choices that change how a page looks (topic and source filters, muted topics, theme, text size, time
// zone, density, the converter's last pair) are kept in a cookie in step with their stores, so the server renders the
// page as this reader will see it: the
// feed with their filter, <html> with their theme (no flash), and the same HTML hydration renders. The stores (on the
// device) stay the truth; the cookie is a copy the server may read.
import * as v from 'valibot';
import { isTimeZone } from '@/contract/day-key';
import { isCurrencyCode } from '@/contract/rates';
import { isTextSize, isTheme, type DisplayPrefs } from '@/lib/display';
import { useConverterStore } from './converter-store';
import { useDisplayStore } from './display-store';
import { restoreMutes, type MutedTopics } from './muted-topics-storage';
import { useMutedTopicsStore } from './muted-topics-store';
import { DENSITIES, useReadingPrefsStore, type Density, type TimeZoneChoice } from './reading-prefs-store';
import { restoreSourceSelection, type SourceSelection } from './source-filter-storage';
import { useSourceFilterStore } from './source-filter-store';
import type { TopicSelection } from './topic-filter-storage';
import { useTopicFilterStore } from './topic-filter-store';

const CHOICES_COOKIE = 'an-choices';
/** More sources than this are left out of the cookie (pages render with every source, the device's choice applies
 * after hydration): a browser drops a cookie over 4 KB whole, theme and all. */
const MAX_COOKIE_SOURCES = 40;
/** A year; every change writes it again. */
const MAX_AGE_S = 365 * 24 * 3600;

export interface ReaderChoices extends DisplayPrefs {
  topics: TopicSelection;
  sources: SourceSelection;
  muted: MutedTopics;
  timeZone: TimeZoneChoice;
  density: Density;
  /** The device's own time zone (what "Your time" means). */
  zone: string | null;
  /** The converter's last pair (null: not chosen yet), so the server's converter page shows it. */
  converterPair?: ConverterPair;
}

interface ConverterPair {
  from: string | null;
  to: string | null;
}

const slug = v.pipe(v.string(), v.maxLength(100), v.regex(/^[a-z0-9-]+$/));
const currencyCode = v.fallback(v.nullable(v.pipe(v.string(), v.check(isCurrencyCode))), null);
const cookieSchema = v.object({
  t: v.fallback(v.nullable(v.pipe(v.array(slug), v.maxLength(100))), null),
  // Checked as the device's store checks it (every source when it does not read).
  s: v.fallback(v.unknown(), null),
  m: v.fallback(v.record(slug, v.number()), {}),
  th: v.fallback(v.string(), ''),
  ts: v.fallback(v.string(), ''),
  tz: v.fallback(v.picklist(['agency', 'local']), 'agency'),
  d: v.fallback(v.picklist(DENSITIES), 'summaries'),
  z: v.fallback(v.nullable(v.pipe(v.string(), v.maxLength(64), v.regex(/^[A-Za-z0-9_+\-/]+$/))), null),
  cf: currencyCode,
  ct: currencyCode,
});

export function encodeChoices(choices: ReaderChoices): string {
  const { topics, sources, muted, theme, textSize, timeZone, density, zone, converterPair } = choices;
  return encodeURIComponent(
    JSON.stringify({
      t: topics,
      s: (sources.keep?.length ?? 0) + sources.drop.length > MAX_COOKIE_SOURCES ? null : sources,
      m: muted,
      th: theme,
      ts: textSize,
      tz: timeZone,
      d: density,
      z: zone,
      cf: converterPair?.from ?? null,
      ct: converterPair?.to ?? null,
    }),
  );
}

/** The choices in a Cookie header; null when it has none (or none that reads). */
export function readChoicesCookie(cookieHeader: string | undefined, now = Date.now()): ReaderChoices | null {
  const raw = cookieHeader
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${CHOICES_COOKIE}=`))
    ?.slice(CHOICES_COOKIE.length + 1);
  if (!raw) return null;
  let parsed;
  try {
    parsed = v.safeParse(cookieSchema, JSON.parse(decodeURIComponent(raw)));
  } catch {
    return null;
  }
  if (!parsed.success) return null;
  const { t, s, m, th, ts, tz, d, z, cf, ct } = parsed.output;
  return {
    topics: t,
    sources: restoreSourceSelection({ selection: s }),
    muted: restoreMutes({ muted: m }, now),
    theme: isTheme(th) ? th : 'system',
    textSize: isTextSize(ts) ? ts : 'medium',
    timeZone: tz,
    density: d,
    zone: z && isTimeZone(z) ? z : null,
    converterPair: { from: cf, to: ct },
  };
}

let deviceZone: string | undefined;

/** The choices in the stores now. */
function currentChoices(): ReaderChoices {
  // A formatter costs a few ms on a slow phone, and this runs on every change of the stores.
  deviceZone ??= new Intl.DateTimeFormat().resolvedOptions().timeZone;
  const { theme, textSize } = useDisplayStore.getState();
  const { timeZone, density } = useReadingPrefsStore.getState();
  return {
    topics: useTopicFilterStore.getState().selected,
    sources: useSourceFilterStore.getState().selection,
    muted: useMutedTopicsStore.getState().muted,
    theme,
    textSize,
    timeZone,
    density,
    zone: deviceZone,
    converterPair: { from: useConverterStore.getState().from, to: useConverterStore.getState().to },
  };
}

/** Puts the stores' choices into the cookie now and after every change (in the browser, from main.tsx). */
export function keepChoicesCookie(): void {
  let written = '';
  const write = () => {
    const value = encodeChoices(currentChoices());
    if (value === written) return;
    written = value;
    document.cookie = `${CHOICES_COOKIE}=${value}; Path=/; Max-Age=${MAX_AGE_S}; SameSite=Lax${
      window.location.protocol === 'https:' ? '; Secure' : ''
    }`;
  };
  write();
  for (const store of [
    useDisplayStore,
    useReadingPrefsStore,
    useTopicFilterStore,
    useSourceFilterStore,
    useMutedTopicsStore,
    useConverterStore,
  ]) {
    (store as { subscribe: (listener: () => void) => void }).subscribe(write);
  }
}

/** The part of each store a choice sets. */
const choiceStates = (choices: ReaderChoices) =>
  [
    [useDisplayStore, { theme: choices.theme, textSize: choices.textSize }],
    [useReadingPrefsStore, { timeZone: choices.timeZone, density: choices.density }],
    [useTopicFilterStore, { selected: choices.topics }],
    [useSourceFilterStore, { selection: choices.sources }],
    [useMutedTopicsStore, { muted: choices.muted }],
    [useConverterStore, { from: choices.converterPair?.from ?? null, to: choices.converterPair?.to ?? null }],
  ] as const;

/**
 * Renders the server's page, and hydrates it, with `choices`: zustand's hooks read a store's initial state while the
 * server renders and while the browser hydrates (the device's own state comes right after), so that state is what
 * the cookie said, on both sides. Returns what puts the stores back (the server, after each page).
 */
export function renderWithChoices(choices: ReaderChoices): () => void {
  const undo = choiceStates(choices).map(([store, state]) => {
    // The hook holds a copy of the store's methods, but the initial state is one object: changed in place.
    const initial = store.getInitialState() as unknown as Record<string, unknown>;
    const before = Object.fromEntries(Object.keys(state).map((key) => [key, initial[key]]));
    Object.assign(initial, state);
    return () => Object.assign(initial, before);
  });
  return () => undo.forEach((putBack) => putBack());
}
