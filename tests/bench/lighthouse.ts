// Lighthouse (12.8.2, the last release for Node 20) on every view of the production server, phone and desktop
// presets: its Cumulative Layout Shift and performance score. Run through npx so the suite's install stays small;
// a view whose trace Lighthouse fails to record (NO_NAVSTART, seen now and then) is measured again once.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Row } from './stats.ts';

const LIGHTHOUSE = 'lighthouse@12.8.2';
const CLS_GOAL = 0.02;

interface Audit {
  score: number | null;
  cls: number | null;
  error: string | null;
}

function audit(url: string, preset: 'mobile' | 'desktop', outFile: string): Audit {
  const args = ['--yes', LIGHTHOUSE, url, '--only-categories=performance', '--output=json', `--output-path=${outFile}`];
  args.push('--quiet', '--chrome-flags=--headless=new --no-sandbox --disable-gpu');
  if (preset === 'desktop') args.push('--preset=desktop');
  const chrome = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const run = spawnSync('npx', args, { env: { ...process.env, CHROME_PATH: chrome }, encoding: 'utf8' });
  try {
    const report = JSON.parse(readFileSync(outFile, 'utf8')) as {
      categories: { performance: { score: number | null } };
      audits: Record<string, { numericValue?: number }>;
      runtimeError?: { code: string };
    };
    return {
      score: report.categories.performance.score,
      cls: report.audits['cumulative-layout-shift']?.numericValue ?? null,
      error: report.runtimeError?.code ?? null,
    };
  } catch {
    return { score: null, cls: null, error: (run.stderr || run.stdout || 'no report').trim().split('\n')[0]! };
  } finally {
    rmSync(outFile, { force: true });
  }
}

/** One row per view and preset: CLS against the goal, with the performance score beside it. */
export function lighthouseRows(origin: string, views: Record<string, string>, label: string): Row[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lighthouse-'));
  const rows: Row[] = [];
  for (const preset of ['mobile', 'desktop'] as const) {
    for (const [view, address] of Object.entries(views)) {
      const outFile = path.join(dir, 'report.json');
      let result = audit(`${origin}${address}`, preset, outFile);
      if (result.cls === null) result = audit(`${origin}${address}`, preset, outFile);
      rows.push({
        measure: `Lighthouse CLS, ${preset}: ${view} (${label})`,
        goal: `< ${CLS_GOAL}`,
        figure:
          result.cls === null
            ? `not measured: ${result.error}`
            : `${result.cls.toFixed(4)}; performance score ${Math.round((result.score ?? 0) * 100)}`,
        ok: result.cls !== null && result.cls < CLS_GOAL,
      });
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return rows;
}
