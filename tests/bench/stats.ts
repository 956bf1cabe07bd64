// Summaries for noisy measurements: medians with their spread, and the goal table the bench prints.

export const median = (values: readonly number[]) => quantile(values, 0.5);

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
}

/** "412 ms (380–470, n=7)": the median with the smallest and largest run. */
export function describeRuns(values: readonly number[], unit = 'ms'): string {
  const round = (v: number) => Math.round(v);
  return `${round(median(values))} ${unit} (${round(Math.min(...values))}–${round(Math.max(...values))}, n=${values.length})`;
}

export interface Row {
  measure: string;
  goal: string;
  figure: string;
  /** null: informational, no goal. */
  ok: boolean | null;
}

export function printTable(title: string, rows: readonly Row[]): void {
  const header = ['measure', 'goal', 'measured', 'verdict'];
  const cells = rows.map((r) => [r.measure, r.goal, r.figure, r.ok === null ? '' : r.ok ? 'ok' : 'MISSED']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}

/** tsx compiles the bench with esbuild's keepNames, which wraps functions in `__name(...)`; functions sent to the
 * page with page.evaluate need that helper there too. */
export const KEEP_NAMES_SHIM = 'window.__name = (fn) => fn;';
