// Reads a JSON array file record by record, whatever its layout (one record per line as gen:data writes it,
// pretty-printed, or all on one line), so no file is ever one giant JSON.parse that stalls the server: the bytes are
// read in 1 MB chunks and split at the array's top-level commas, and each record is parsed on its own. The splitter
// only finds where records start and end (strings skipped with a native search for the next quote); JSON.parse
// still checks every record. The file's SHA-256 is computed on the way (the search index cache is keyed by it).
// Written as steps (one per record) so a server can reload a large file in slices between requests
// (time-slices.ts), and a record over the size limit is refused before it is held in memory.
import { createHash } from 'node:crypto';
import { closeSync, readSync } from 'node:fs';
import path from 'node:path';
import { DataFileError } from './data-file-error.ts';
import { openDataFile } from './data-files.ts';
import { ARTICLE_LIMITS, megabytes } from './data-limits.ts';

const CHUNK_BYTES = 256 << 10;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const isSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

class NotValidJson extends Error {}
class NotAnArray extends Error {}

/** Finds the elements of a top-level JSON array in bytes fed chunk by chunk. */
class RecordSplitter {
  /** 0 before the array, 1 between its elements, more inside one. */
  private depth = 0;
  private inString = false;
  /** The string's next character is escaped (a backslash ended the previous chunk). */
  private escaped = false;
  private closed = false;
  private atStart = true;
  /** A comma was read, so another element must follow. */
  private expectElement = false;
  /** The open element's bytes from earlier chunks, and whether an element is open. */
  private carried: Buffer[] = [];
  private carriedBytes = 0;
  private open = false;
  count = 0;

  constructor(
    private readonly maxRecordBytes: number,
    private readonly tooLarge: (index: number) => Error,
  ) {}

  /** The elements that end in `chunk`, as their bytes. */
  feed(chunk: Buffer): Buffer[] {
    const records: Buffer[] = [];
    let at = 0;
    if (this.atStart) {
      this.atStart = false;
      if (chunk.subarray(0, 3).equals(BOM)) at = 3;
    }
    let start = this.open ? 0 : -1;
    // The next backslash in the chunk, found once and again only when passed (most strings have none).
    let backslash = -2;
    const finish = (end: number) => {
      const tail = chunk.subarray(start, end);
      records.push(this.carried.length ? Buffer.concat([...this.carried, tail]) : tail);
      this.carried = [];
      this.carriedBytes = 0;
      this.open = false;
      start = -1;
      this.count++;
    };
    while (at < chunk.length) {
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          at++;
          continue;
        }
        if (backslash !== -1 && backslash < at) backslash = chunk.indexOf(BACKSLASH, at);
        const quote = chunk.indexOf(QUOTE, at);
        if (backslash !== -1 && (quote === -1 || backslash < quote)) {
          this.escaped = true;
          at = backslash + 1;
        } else if (quote === -1) {
          at = chunk.length;
        } else {
          this.inString = false;
          at = quote + 1;
        }
        continue;
      }
      const byte = chunk[at]!;
      if (this.closed) {
        if (!isSpace(byte)) throw new NotValidJson('unexpected text after the closing "]"');
      } else if (this.depth === 0) {
        if (byte === OPEN_BRACKET) this.depth = 1;
        else if (!isSpace(byte)) throw new NotAnArray();
      } else if (this.depth === 1 && (byte === COMMA || byte === CLOSE_BRACKET)) {
        if (this.open) finish(at);
        else if (byte === COMMA || this.expectElement)
          throw new NotValidJson(`a missing element after record ${this.count - 1}`);
        this.expectElement = byte === COMMA;
        if (byte === CLOSE_BRACKET) this.closed = true;
      } else if (!isSpace(byte)) {
        if (!this.open) {
          this.open = true;
          start = at;
        }
        if (byte === QUOTE) this.inString = true;
        else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) this.depth++;
        else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
          if (this.depth === 1) throw new NotValidJson(`an unexpected "${String.fromCharCode(byte)}"`);
          this.depth--;
        }
      }
      at++;
    }
    if (this.open) {
      const tail = chunk.subarray(start);
      this.carriedBytes += tail.length;
      if (this.carriedBytes > this.maxRecordBytes) throw this.tooLarge(this.count);
      this.carried.push(Buffer.from(tail)); // the chunk's buffer is reused for the next read
    }
    for (const record of records) if (record.length > this.maxRecordBytes) throw this.tooLarge(this.count - 1);
    return records;
  }

  end(): void {
    if (!this.closed) throw new NotValidJson('the file ends before the closing "]"');
  }
}

type OnRecord = (record: unknown, index: number) => void;

/**
 * Calls `onRecord` for every element of the JSON array in `dir/fileName`, one step per record, and returns the
 * file's SHA-256.
 */
export function* readJsonArrayRecordSteps(
  dir: string,
  fileName: string,
  onRecord: OnRecord,
): Generator<void, string, void> {
  const filePath = path.join(dir, fileName);
  const fd = openDataFile(filePath)!;
  const limit = ARTICLE_LIMITS.recordBytes;
  const splitter = new RecordSplitter(
    limit,
    (index) =>
      new DataFileError(`${fileName}: record ${index}: is over ${megabytes(limit)}, the most one record may be`),
  );
  const hash = createHash('sha256');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let index = 0;
    for (;;) {
      let read: number;
      try {
        read = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      } catch (error) {
        throw new DataFileError(
          `${filePath}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
        );
      }
      if (read === 0) break;
      const bytes = chunk.subarray(0, read);
      hash.update(bytes);
      for (const record of splitter.feed(bytes)) {
        let value: unknown;
        try {
          value = JSON.parse(record.toString('utf8')) as unknown;
        } catch (error) {
          throw new NotValidJson(`record ${index}: ${(error as Error).message}`);
        }
        onRecord(value, index++);
        yield;
      }
      yield;
    }
    splitter.end();
    return hash.digest('hex');
  } catch (error) {
    if (error instanceof NotValidJson) throw new DataFileError(`${filePath}: is not valid JSON (${error.message})`);
    if (error instanceof NotAnArray) throw new DataFileError(`${fileName}: expected a JSON array of records`);
    throw error;
  } finally {
    closeSync(fd);
  }
}
