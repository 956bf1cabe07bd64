// Where the embedded backend's data folder is: DATA_DIR, or MOCK_DATA_DIR (its former name, still read), else the
// sample data in mock-data/.
import path from 'node:path';

export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.DATA_DIR || env.MOCK_DATA_DIR || 'mock-data');
}
