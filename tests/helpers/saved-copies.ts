// The saved copies' IndexedDB (fake-indexeddb in jsdom), opened on a connection of the tests' own.
import { clear, createStore, get, set } from 'idb-keyval';
import { SAVED_COPIES_DB } from '@/api/saved-article-db';

const store = createStore(SAVED_COPIES_DB.database, SAVED_COPIES_DB.objectStore);

export const clearSavedCopies = () => clear(store);
/** The raw record kept for `id`, as the app wrote it. */
export const storedRecord = (id: string) => get(id, store);
export const putRecord = (id: string, record: unknown) => set(id, record, store);
