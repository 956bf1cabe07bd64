// `npm start`: the built server (dist-server/start.js, serving dist/). It builds first (`npm run build`) only when the
// build is missing or older than its sources, so a current build starts at once with Node and the production
// dependencies alone. Plain JavaScript on purpose: it runs before anything is built.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const OUTPUTS = ['dist/index.html', 'dist-server/start.js'];
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];

/** The newest modification time under `entry` (a file or a folder), 0 when it does not exist. */
function newestChange(entry) {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), 0);
}

function buildIsCurrent() {
  if (!OUTPUTS.every((file) => existsSync(file))) return false;
  // A copy of the build without its sources (a deployment) is run as it is.
  if (!existsSync('src/server/start.ts')) return true;
  const built = Math.min(...OUTPUTS.map((file) => statSync(file).mtimeMs));
  return SOURCES.every((source) => newestChange(source) <= built);
}

if (!buildIsCurrent()) {
  if (!existsSync('node_modules/.bin/vite')) {
    console.error(
      'npm start: the build is missing or older than the sources, and building needs the dev dependencies.',
    );
    console.error('Run `npm ci` (not `npm ci --omit=dev`), then `npm start` again.');
    process.exit(1);
  }
  console.log('npm start: the build is missing or older than the sources; building first (npm run build).');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

await import(pathToFileURL(path.resolve('dist-server/start.js')).href);
