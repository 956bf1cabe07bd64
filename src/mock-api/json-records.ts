// Reads a JSON array file record by record when it is written one record per line (as gen:data writes it), so
// 100,000 articles are never one giant JSON.parse; any other layout falls back to parsing the whole file. The
// file's SHA-256 is computed on the way (the search index cache is keyed by it). Written as steps (one per record)
// so a server can reload a large file in slices between requests (time-slices.ts).
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { MockDataError } from './mock-data-error.ts';

const CHUNK_BYTES = 16 << 20;
const NEWLINE = 0x0a;

class NotLineLayout extends Error {}

/** A UTF-8 byte-order mark is allowed at the start of a file (some editors write one); JSON.parse would refuse it. */
export const withoutBom = (text: string) => text.replace(/^\uFEFF/, '');

/** One JSON record from a line "  {...},": null when the line is the closing "]". */
function parseLine(line: string, isFirst: boolean): unknown {
  const text = line.trim();
  if (isFirst) {
    if (text !== '[') throw new NotLineLayout();
    return undefined;
  }
  if (text === ']') return null;
  if (!text.startsWith('{')) throw new NotLineLayout();
  try {
    return JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text) as unknown;
  } catch {
    throw new NotLineLayout();
  }
}

function* readLines(
  filePath: string,
  onRecord: (record: unknown, index: number) => void,
): Generator<void, string, void> {
  const hash = createHash('sha256');
  const fd = openSync(filePath, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let carry: Buffer = Buffer.alloc(0);
    let lineNumber = 0;
    let index = 0;
    let closed = false;
    const handle = (line: string) => {
      if (closed) {
        if (line.trim() !== '') throw new NotLineLayout();
        return;
      }
      const record = parseLine(line, lineNumber++ === 0);
      if (record === null) closed = true;
      else if (record !== undefined) onRecord(record, index++);
    };
    for (;;) {
      const read = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      const bytes = chunk.subarray(0, read);
      hash.update(bytes);
      let start = 0;
      for (let nl = bytes.indexOf(NEWLINE); nl !== -1; nl = bytes.indexOf(NEWLINE, start)) {
        const line = carry.length
          ? Buffer.concat([carry, bytes.subarray(start, nl)]).toString('utf8')
          : bytes.toString('utf8', start, nl);
        carry = Buffer.alloc(0);
        handle(line);
        start = nl + 1;
        yield;
      }
      carry = Buffer.concat([carry, bytes.subarray(start)]);
    }
    if (carry.length) handle(carry.toString('utf8'));
    if (!closed) throw new NotLineLayout();
    return hash.digest('hex');
  } finally {
    closeSync(fd);
  }
}

type OnRecord = (record: unknown, index: number) => void;

/**
 * Calls `onRecord` for every element of the JSON array in `dir/fileName`, one step per record, and returns the
 * file's SHA-256. `restart` is called before a whole-file reparse, so records already delivered can be dropped.
 */
export function* readJsonArrayRecordSteps(
  dir: string,
  fileName: string,
  onRecord: OnRecord,
  restart: () => void,
): Generator<void, string, void> {
  const filePath = path.join(dir, fileName);
  let bytes: Buffer;
  try {
    return yield* readLines(filePath, onRecord);
  } catch (error) {
    if (!(error instanceof NotLineLayout)) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code) throw new MockDataError(`${filePath}: cannot be read (${code})`);
      throw error;
    }
    bytes = readFileSync(filePath);
  }
  restart();
  let value: unknown;
  try {
    value = JSON.parse(withoutBom(bytes.toString('utf8'))) as unknown;
  } catch (error) {
    throw new MockDataError(`${filePath}: is not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(value)) throw new MockDataError(`${fileName}: expected a JSON array of records`);
  value.forEach(onRecord);
  return createHash('sha256').update(bytes).digest('hex');
}
