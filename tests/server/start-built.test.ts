// `npm start` runs the built server and builds only when the build is missing or older than its sources; the
// server build is plain JavaScript that needs only Node and the production dependencies.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';

const startScript = path.resolve('src/server/start-built.mjs');
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };

/** Writes `file` (and its folder) in `dir`, dated `secondsAgo` before now. */
function write(dir: string, file: string, text: string, secondsAgo = 0) {
  const target = path.join(dir, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
  const time = Date.now() / 1000 - secondsAgo;
  utimesSync(target, time, time);
}

/**
 * A project folder in miniature: sources, a build whose server only says it started, and a `build` script that
 * writes a new build and notes that it ran. The real build is checked below; here it is only the decision.
 */
function project({ built = true, sources = true, vite = true } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'start-built-'));
  write(
    dir,
    'package.json',
    JSON.stringify({ scripts: { build: 'node build.mjs' } }),
    sources ? 100 : 0, // in a copied deployment, the package file is as new as the copy
  );
  const server = "console.log('server started');";
  write(
    dir,
    'build.mjs',
    `import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
     mkdirSync('dist', { recursive: true }); mkdirSync('dist-server', { recursive: true });
     writeFileSync('dist/index.html', '<!doctype html>'); writeFileSync('dist-server/start.js', ${JSON.stringify(server)});
     appendFileSync('built.log', 'built\\n');`,
    100,
  );
  if (sources) {
    write(dir, 'src/server/start.ts', '// the server', 100);
    write(dir, 'index.html', '<!doctype html>', 100);
  }
  if (built) {
    write(dir, 'dist/index.html', '<!doctype html>', 50);
    write(dir, 'dist-server/start.js', server, 50);
  }
  if (vite) {
    write(dir, 'node_modules/.bin/vite', '#!/bin/sh\n', 100);
    chmodSync(path.join(dir, 'node_modules/.bin/vite'), 0o755);
  }
  const start = () => spawnSync(process.execPath, [startScript], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  const builds = () =>
    existsSync(path.join(dir, 'built.log')) ? readFileSync(path.join(dir, 'built.log'), 'utf8') : '';
  return { dir, start, builds };
}

describe('npm start', () => {
  it('starts the build as it is when it is newer than every source', () => {
    const { start, builds } = project();
    const run = start();
    expect(run.stdout).toContain('server started');
    expect(run.status).toBe(0);
    expect(builds()).toBe('');
  });

  it('builds first when a source changed after the build, or when there is no build', () => {
    const changed = project();
    write(changed.dir, 'src/server/start.ts', '// edited');
    const afterChange = changed.start();
    expect(afterChange.stdout).toMatch(/older than the sources; building first[\s\S]*server started/);
    expect(changed.builds()).toBe('built\n');
    // Now current: the next start builds nothing.
    expect(changed.start().stdout).toContain('server started');
    expect(changed.builds()).toBe('built\n');

    const missing = project({ built: false });
    expect(missing.start().stdout).toContain('server started');
    expect(missing.builds()).toBe('built\n');
  });

  it('says to install the dev dependencies when it must build without them', () => {
    const { dir, start, builds } = project({ vite: false });
    write(dir, 'index.html', '<!doctype html><title>edited</title>');
    const run = start();
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/building needs the dev dependencies[\s\S]*npm ci/);
    expect(run.stdout).not.toContain('server started');
    expect(builds()).toBe('');
  });

  it('runs a copied build without its sources as it is, however new the copied files are', () => {
    const { start, builds } = project({ sources: false, vite: false });
    const run = start();
    expect(run.stdout).toContain('server started');
    expect(builds()).toBe('');
  });
});

describe('the server build', () => {
  it('is the server alone, importing only Node modules and the production dependencies', async () => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'server-build-'));
    await build({ logLevel: 'warn', build: { ssr: 'src/server/start.ts', outDir } });
    // No service worker, manifest, compressed copies or public files: the app's build plugins stay out of it. The
    // page renderer (the app rendered on the server) is loaded on demand, as chunks of JavaScript in assets/.
    expect(readdirSync(outDir)).toEqual(['assets', 'start.js']);
    const chunks = readdirSync(path.join(outDir, 'assets'));
    expect(chunks.filter((name) => !name.endsWith('.js'))).toEqual([]);
    const code = [path.join(outDir, 'start.js'), ...chunks.map((name) => path.join(outDir, 'assets', name))]
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    // Static imports (each at the start of a line in the bundle) and dynamic ones.
    const specifiers = [...code.matchAll(/^import\s(?:[^;]*?\sfrom\s)?["']([^"']+)["']|\bimport\(["']([^"']+)["']\)/gm)]
      .map((m) => (m[1] ?? m[2])!)
      .filter((s) => !s.startsWith('.'));
    const packages = new Set(
      specifiers
        .filter((s) => !s.startsWith('node:') && !builtinModules.includes(s))
        .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!)),
    );
    expect(packages.size).toBeGreaterThan(0);
    expect([...packages].filter((name) => !(name in packageJson.dependencies))).toEqual([]);
  });
});
