// H3b'S FILE TO REPLACE: the search port over PostgreSQL (with his migration '002-search'). Until his lands, this
// holds only the agreed signature, createPostgresSearch(db, options): SearchPort, so createPostgresBackend is wired
// to it; every search answers 503 meanwhile, as search does while an index is being built.
import type { Pool } from 'pg';
import { BackendUnavailable, type SearchPort } from '../ports.ts';
import type { BackendLog } from './database-availability.ts';

export interface PostgresSearchOptions {
  log: BackendLog;
}

export function createPostgresSearch(_db: Pool, _options: PostgresSearchOptions): SearchPort {
  return {
    search: () => Promise.reject(new BackendUnavailable('Search over PostgreSQL is not available yet', 30)),
  };
}
