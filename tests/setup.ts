import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { useConverterStore } from '@/stores/converter-store';
import { useReadingPositionStore } from '@/stores/reading-position-store';
import { useRecentSearchesStore } from '@/stores/recent-searches-store';
import { useTopicFilterStore } from '@/stores/topic-filter-store';
import { server } from './helpers/msw-server';

// jsdom lacks these browser APIs; components feature-detect them, tests give them a harmless stand-in.
window.scrollTo = () => {};
Element.prototype.scrollIntoView = () => {};

const initialTopicFilter = useTopicFilterStore.getState();
const initialConverter = useConverterStore.getState();
const initialReadingPosition = useReadingPositionStore.getState();
const initialRecentSearches = useRecentSearchesStore.getState();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  localStorage.clear();
  sessionStorage.clear();
  useTopicFilterStore.setState(initialTopicFilter, true);
  useConverterStore.setState(initialConverter, true);
  useReadingPositionStore.setState(initialReadingPosition, true);
  useRecentSearchesStore.setState(initialRecentSearches, true);
});
afterAll(() => server.close());
