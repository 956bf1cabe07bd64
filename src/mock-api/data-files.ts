// Reading and checking the data files (Node only): every problem becomes a MockDataError naming the file, the
// record and the field, so the person who wrote the file can fix it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { check, type Output, type Schema } from '../contract/validate.ts';
import { withoutBom } from './json-records.ts';
import { MockDataError } from './mock-data-error.ts';

/** The parsed JSON of `dir/fileName`; with `optional`, undefined when the file does not exist. */
export function readJsonFile(dir: string, fileName: string, { optional = false } = {}): unknown {
  const filePath = path.join(dir, fileName);
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (optional && code === 'ENOENT') return undefined;
    throw new MockDataError(`${filePath}: cannot be read (${code ?? String(error)})`);
  }
  try {
    return JSON.parse(withoutBom(text)) as unknown;
  } catch (error) {
    throw new MockDataError(`${filePath}: is not valid JSON (${(error as Error).message})`);
  }
}

/** `value` checked against `schema`; the first issue is reported as `file: where, field "path": message`. */
export function checkRecord<S extends Schema>(fileName: string, where: string, value: unknown, schema: S): Output<S> {
  const result = check(schema, value);
  if (!result.ok) {
    const [problem] = result.problems;
    failRecord(fileName, where, problem!.path || '(record)', problem!.message);
  }
  return result.value;
}

export function failRecord(fileName: string, where: string, field: string, message: string): never {
  throw new MockDataError(`${fileName}: ${where}, field "${field}": ${message}`);
}
