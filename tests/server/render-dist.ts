// A build folder for server-rendering tests: the real index.html and a manifest naming the article view's code and
// styles (no client build needed).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function distFolder(): string {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'dist-ssr-'));
  mkdirSync(path.join(dist, '.vite'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), readFileSync('index.html'));
  const manifest = {
    'index.html': { file: 'assets/app-1.js', isEntry: true },
    'src/features/article/article-page.tsx': {
      file: 'assets/article-page-2.js',
      css: ['assets/article-page-3.css'],
      imports: ['index.html'],
      isDynamicEntry: true,
    },
  };
  writeFileSync(path.join(dist, '.vite', 'manifest.json'), JSON.stringify(manifest));
  return dist;
}
