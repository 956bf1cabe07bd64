// What the contract's test groups share: the data a backend is made from, and the API over it.
import { afterAll, beforeAll } from 'vitest';
import type { Backend } from '@/backend/ports';
import type { Article, TopicRecord } from '@/contract/news';
import type { RatesFile } from '@/contract/rates';
import { testApiOver, type TestApi } from '../../helpers/test-api';

/** The records a backend is made from: what a data folder holds. */
export interface ContractData {
  topics: TopicRecord[];
  articles: Article[];
  rates: RatesFile | null;
}

export type BackendFactory = (data: ContractData) => Promise<Backend>;

/** The API over a backend made from `data` by `make`, once per test, closed after it. */
export async function withApi<T>(
  make: BackendFactory,
  data: ContractData,
  test: (api: TestApi) => Promise<T>,
): Promise<T> {
  const api = await testApiOver(await make(data));
  try {
    return await test(api);
  } finally {
    await api.app.close();
    await api.backend.close();
  }
}

/** The API over a backend made from `data` for the tests of the enclosing describe (they only read it). */
export function sharedApi(make: BackendFactory, data: () => ContractData): () => TestApi {
  let api: TestApi | undefined;
  beforeAll(async () => {
    api = await testApiOver(await make(data()));
  });
  afterAll(async () => {
    await api?.app.close();
    await api?.backend.close();
  });
  return () => api!;
}
