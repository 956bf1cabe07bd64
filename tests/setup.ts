import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { useConverterStore } from '@/stores/converter-store';
import { useDisplayStore } from '@/stores/display-store';
import { useMutedTopicsStore } from '@/stores/muted-topics-store';
import { useReadMarksStore } from '@/stores/read-marks-store';
import { useReadingPositionStore } from '@/stores/reading-position-store';
import { useReadingPrefsStore } from '@/stores/reading-prefs-store';
import { useRecentSearchesStore } from '@/stores/recent-searches-store';
import { useSavedArticlesStore } from '@/stores/saved-articles-store';
import { useSourceFilterStore } from '@/stores/source-filter-store';
import { useTopicFilterStore } from '@/stores/topic-filter-store';
import { server } from './helpers/msw-server';
import { clearSavedCopies } from './helpers/saved-copies';

// The first test of a file also waits for its lazily imported view to be transformed, which alone can pass the default
// 1 s on a loaded two-core machine (seen in full runs); a wrong result still fails, only later.
configure({ asyncUtilTimeout: 3000 });

// jsdom lacks these browser APIs; components feature-detect them, tests give them a harmless stand-in.
window.scrollTo = () => {};
Element.prototype.scrollIntoView = () => {};

const initialTopicFilter = useTopicFilterStore.getState();
const initialSourceFilter = useSourceFilterStore.getState();
const initialConverter = useConverterStore.getState();
const initialReadingPosition = useReadingPositionStore.getState();
const initialRecentSearches = useRecentSearchesStore.getState();
const initialReadMarks = useReadMarksStore.getState();
const initialMutes = useMutedTopicsStore.getState();
const initialReadingPrefs = useReadingPrefsStore.getState();
const initialDisplay = useDisplayStore.getState();
const initialSaved = useSavedArticlesStore.getState();

/** The tests' "now": a day and a half after the newest sample story (so "2 h ago" and the 30-day read horizon
 * behave the same whatever day the tests run). The clock runs on from there. */
export const TEST_NOW = Date.parse('2026-11-29T12:00:00Z');

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: TEST_NOW, shouldAdvanceTime: true });
});
afterEach(async () => {
  vi.useRealTimers();
  cleanup();
  server.resetHandlers();
  localStorage.clear();
  sessionStorage.clear();
  useTopicFilterStore.setState(initialTopicFilter, true);
  useSourceFilterStore.setState(initialSourceFilter, true);
  useConverterStore.setState(initialConverter, true);
  useReadingPositionStore.setState(initialReadingPosition, true);
  useRecentSearchesStore.setState(initialRecentSearches, true);
  useReadMarksStore.setState(initialReadMarks, true);
  useMutedTopicsStore.setState(initialMutes, true);
  useReadingPrefsStore.setState(initialReadingPrefs, true);
  useDisplayStore.setState(initialDisplay, true);
  useSavedArticlesStore.setState(initialSaved, true);
  delete document.documentElement.dataset.theme;
  delete document.documentElement.dataset.textSize;
  await clearSavedCopies();
});
afterAll(() => server.close());
