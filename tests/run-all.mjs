// `npm test`: lint, format check, typecheck and every Vitest project (jsdom, Node, real browser), then one summary line
// counting every test that ran (a failed lint, format or type check counts as a failed test).
// The three checks run beside Vitest at a lower CPU priority (`nice`), filling the time its browser tests spend
// waiting; their output is printed after Vitest's, so the two never interleave.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const startedAt = Date.now();
const seconds = () => `${Math.round((Date.now() - startedAt) / 1000)} s`;

/** Runs a command; `quiet` collects its output for later instead of printing it as it comes. */
function run(command, args, { quiet = false, env = process.env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', env });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ ok: false, output: `${output}${error.message}\n` }));
    child.on('close', (status) => resolve({ ok: status === 0, output }));
  });
}

const failures = [];

// The real-browser tests drive Debian's chromium-headless-shell (or chromium; tests/e2e/chromium.ts).
if (
  !process.env.CHROMIUM_PATH &&
  !existsSync('/usr/bin/chromium-headless-shell') &&
  process.getuid?.() === 0 &&
  existsSync('/usr/bin/apt-get')
) {
  console.log("Chromium's headless shell is missing; installing Debian's package for the real-browser tests.");
  const install = await run('sh', [
    '-c',
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell',
  ]);
  if (!install.ok && !existsSync('/usr/bin/chromium')) failures.push('install chromium');
}

const checks = [
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['typecheck', 'npx', ['tsc', '--noEmit']],
];
const niced = existsSync('/usr/bin/nice');
const checksDone = (async () => {
  const results = [];
  for (const [label, command, args] of checks) {
    const result = await run(niced ? 'nice' : command, niced ? ['-n', '10', command, ...args] : args, { quiet: true });
    results.push({ label, command: [command, ...args].join(' '), time: seconds(), ...result });
  }
  return results;
})();

// The PostgreSQL suites run where a server answers (CI always provides one and sets REQUIRE_POSTGRES=1); elsewhere
// they are skipped, and this line says so before and after the run.
const postgresUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const postgresLine = await (async () => {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return `PostgreSQL suite: runs against ${new URL(postgresUrl).host}`;
  } catch (error) {
    return (
      `PostgreSQL suite will NOT run: no server answers at ${new URL(postgresUrl).host} (${error.message}); ` +
      'set TEST_DATABASE_URL to an admin connection URL to run it'
    );
  } finally {
    await client.end().catch(() => {});
  }
})();
console.log(postgresLine);

const resultsFile = 'test-results.json';
rmSync(resultsFile, { force: true });
console.log(`\n=== vitest (lint, format and typecheck run beside it; their output follows)`);
const vitest = await run(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${resultsFile}`],
  {
    env: { ...process.env, NO_COLOR: '1' },
  },
);
if (!vitest.ok) failures.push('vitest');
console.log(`vitest finished after ${seconds()}`);

for (const { label, command, time, ok, output } of await checksDone) {
  console.log(`\n=== ${label}: ${command} (${ok ? 'passed' : 'FAILED'}, finished after ${time})`);
  if (output.trim()) console.log(output.trimEnd());
  if (!ok) failures.push(label);
}

let passed = 0;
let failed = failures.filter((step) => step !== 'vitest').length;
if (existsSync(resultsFile)) {
  const report = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed = report.numPassedTests;
  failed += report.numFailedTests;
  // A file that fails to load (syntax error, setup crash) has no test results of its own: count it as failed.
  failed += report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
} else {
  failed += 1;
}
if (failures.length) console.log(`\nFailed steps: ${failures.join(', ')}`);
console.log(`\n${postgresLine}`);
console.log(`\nnpm test took ${seconds()}`);
console.log(`\nTests: ${passed} passed, ${failed} failed`);
process.exit(failures.length || failed ? 1 : 0);
