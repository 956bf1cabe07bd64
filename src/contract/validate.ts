// Checking values against the contract's schemas (valibot: a few KB where zod/mini was about seven, which the feed's
// first load cannot spare), with problems reported as "path: message" that people can act on.
import * as v from 'valibot';

export type Schema = v.GenericSchema;
export type Output<S extends Schema> = v.InferOutput<S>;

export interface Problem {
  /** "pages[0][2]", "values.USD", "" for the value itself. */
  path: string;
  message: string;
}

export type Checked<S extends Schema> = { ok: true; value: Output<S> } | { ok: false; problems: Problem[] };

function pathOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? [])
    .map((item, i) =>
      typeof item.key === 'number' ? `[${item.key}]` : i === 0 ? String(item.key) : `.${String(item.key)}`,
    )
    .join('');
}

/** `value` checked against `schema`: what the schema makes of it, or every problem found. */
export function check<S extends Schema>(schema: S, value: unknown): Checked<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, problems: result.issues.map((issue) => ({ path: pathOf(issue), message: issue.message })) };
}

/** "pages[0]: must not be empty; id: must match [a-z0-9-]+" (the first `limit` problems). */
export function describeProblems(problems: readonly Problem[], limit = 3): string {
  return problems
    .slice(0, limit)
    .map((problem) => `${problem.path || '(root)'}: ${problem.message}`)
    .join('; ');
}
