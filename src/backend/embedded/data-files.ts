// Reading and checking the data files (Node only): every problem becomes a DataFileError naming the file, the
// record and the field, so the person who wrote the file can fix it.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { check, type Output, type Schema } from '../../contract/validate.ts';
import { DataFileError } from './data-file-error.ts';
import { FILE_BYTES, megabytes } from './data-limits.ts';

/** A UTF-8 byte-order mark is allowed at the start of a file (some editors write one); JSON.parse would refuse it. */
const withoutBom = (text: string) => text.replace(/^\uFEFF/, '');

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a folder';
  return 'not a regular file';
}

function checkRegularFile(filePath: string, stats: Stats): void {
  if (!stats.isFile()) throw new DataFileError(`${filePath}: is ${kindOf(stats)}, not a regular file`);
  const limit = FILE_BYTES[path.basename(filePath)];
  if (limit !== undefined && stats.size > limit) {
    throw new DataFileError(`${filePath}: is ${stats.size} bytes; at most ${limit} (${megabytes(limit)}) are read`);
  }
}

const cannotRead = (filePath: string, error: unknown) =>
  new DataFileError(`${filePath}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);

/**
 * An open descriptor of `filePath`, which must be a regular file within its size limit: a FIFO would block the
 * process on its first read, and /dev/zero never ends. Checked before opening (following links) and again on the
 * open file, which is opened non-blocking in case a FIFO was swapped in between. Undefined when `optional` and absent.
 */
export function openDataFile(filePath: string, { optional = false } = {}): number | undefined {
  try {
    checkRegularFile(filePath, statSync(filePath));
  } catch (error) {
    if (error instanceof DataFileError) throw error;
    if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw cannotRead(filePath, error);
  }
  let fd: number;
  try {
    fd = openSync(filePath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw cannotRead(filePath, error);
  }
  try {
    checkRegularFile(filePath, fstatSync(fd));
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return fd;
}

/** The whole content of an open data file (a small one: topics.json, rates.json). */
function readWhole(filePath: string, fd: number): string {
  try {
    const bytes = Buffer.allocUnsafe(fstatSync(fd).size);
    let length = 0;
    while (length < bytes.length) {
      const read = readSync(fd, bytes, length, bytes.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return bytes.toString('utf8', 0, length);
  } catch (error) {
    throw cannotRead(filePath, error);
  } finally {
    closeSync(fd);
  }
}

/** The parsed JSON of `dir/fileName`; with `optional`, undefined when the file does not exist. */
export function readJsonFile(dir: string, fileName: string, { optional = false } = {}): unknown {
  const filePath = path.join(dir, fileName);
  const fd = openDataFile(filePath, { optional });
  if (fd === undefined) return undefined;
  const text = readWhole(filePath, fd);
  try {
    return JSON.parse(withoutBom(text)) as unknown;
  } catch (error) {
    throw new DataFileError(`${filePath}: is not valid JSON (${(error as Error).message})`);
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
  throw new DataFileError(`${fileName}: ${where}, field "${field}": ${message}`);
}
