// The backend contract on the embedded adapter: over data given in memory (what the jsdom tests use), and over a
// data folder written from the same data (what the servers use: files read record by record, writes to the files).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEmbeddedBackend, createEmbeddedBackendFromData } from '@/backend/embedded/embedded-backend';
import { serializeRatesFile } from '@/backend/embedded/rates-data';
import { describeBackendContract } from './backend-contract';
import type { ContractData } from './contract-api';

const quiet = { info: () => {}, error: () => {} };

/** A data folder holding `data`, one record per line. */
function dataFolder({ topics, articles, rates }: ContractData): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'news-contract-'));
  const lines = (records: unknown[]) => `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
  writeFileSync(path.join(dir, 'topics.json'), lines(topics));
  writeFileSync(path.join(dir, 'articles.json'), lines(articles));
  if (rates) writeFileSync(path.join(dir, 'rates.json'), serializeRatesFile(rates));
  return dir;
}

describeBackendContract('embedded, in memory', (data) => createEmbeddedBackendFromData(data));

describeBackendContract('embedded, over a data folder', async (data) => {
  const backend = await createEmbeddedBackend({ dataDir: dataFolder(data), cacheDir: null, watch: false, log: quiet });
  await backend.currentSearch().ready;
  return backend;
});
