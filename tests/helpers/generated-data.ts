// Generated data sets for the backend's scale tests: written once per size into a temporary folder.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDataSet } from '@/tools/generate-data';

const made = new Map<string, string>();

/** A folder holding a generated data set of `articles` articles (made on first use, then reused). */
export function generatedDataDir(articles: number, seed = 7): string {
  const key = `${articles}-${seed}`;
  let dir = made.get(key);
  if (!dir) {
    dir = mkdtempSync(path.join(os.tmpdir(), `news-${key}-`));
    generateDataSet({ articles, outDir: dir, seed });
    made.set(key, dir);
  }
  return dir;
}
