// Writing a file so that a reader (this server's loader, another server watching the folder, an editor) sees the old
// file or the new one, never half of one: the bytes go to a temporary file beside it, which is renamed over it.
import { createHash } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';

/** Writes `parts` to `file` atomically; returns the SHA-256 (hex) of the bytes written. Nothing changes on failure. */
export async function writeFileAtomically(file: string, parts: Iterable<string | Uint8Array>): Promise<string> {
  const temporary = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  const hash = createHash('sha256');
  try {
    const handle = await open(temporary, 'w');
    try {
      for (const part of parts) {
        const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
        hash.update(bytes);
        await handle.write(bytes);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
  return hash.digest('hex');
}

/** A JSON array with one record per line (as `gen:data` writes it), in chunks of about a megabyte. */
export function* jsonLines(records: Iterable<unknown>): Generator<string, void, void> {
  let chunk = '[\n';
  let first = true;
  for (const record of records) {
    chunk += `${first ? '' : ',\n'}${JSON.stringify(record)}`;
    first = false;
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}${first ? '' : '\n'}]\n`;
}
