// What the feed loads before it renders: every JavaScript file index.html asks for (entry and modulepreloads),
// gzip -9, plus each view's own chunks for information.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

type Manifest = Record<string, { file: string; imports?: string[] }>;

const gzipBytes = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

export async function buildAndMeasure(outDir: string) {
  await build({ logLevel: 'silent', build: { outDir, emptyOutDir: true, manifest: true } });
  const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const firstLoadFiles = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const firstLoadBytes = firstLoadFiles.reduce((sum, f) => sum + gzipBytes(path.join(outDir, f)), 0);
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].length;

  // A view's own JavaScript: its chunk and the chunks it pulls in that the first load does not have.
  const ownChunks = (key: string, seen = new Set<string>()): string[] => {
    const entry = manifest[key];
    if (!entry || seen.has(key) || firstLoadFiles.includes(entry.file)) return [];
    seen.add(key);
    return [entry.file, ...(entry.imports ?? []).flatMap((k) => ownChunks(k, seen))];
  };
  const views = [
    'features/article/article-page.tsx',
    'features/search/search-page.tsx',
    'features/converter/converter-page.tsx',
    'features/converter/converter-box.tsx',
    'components/windowed-rows.tsx',
  ].map((view) => {
    const files = [...new Set(ownChunks(`src/${view}`))];
    return { view, bytes: files.reduce((sum, f) => sum + gzipBytes(path.join(outDir, f)), 0) };
  });
  return { firstLoadBytes, firstLoadFiles, inlineScripts, views };
}
