import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFromEnv } from '@/backend/embedded/data-dir';

describe('the data folder setting', () => {
  it('is DATA_DIR, else MOCK_DATA_DIR (its former name), else mock-data/, resolved', () => {
    expect(dataDirFromEnv({ DATA_DIR: '/srv/news', MOCK_DATA_DIR: '/old' })).toBe('/srv/news');
    expect(dataDirFromEnv({ MOCK_DATA_DIR: '/old' })).toBe('/old');
    expect(dataDirFromEnv({ DATA_DIR: '', MOCK_DATA_DIR: 'relative' })).toBe(path.resolve('relative'));
    expect(dataDirFromEnv({})).toBe(path.resolve('mock-data'));
  });
});
