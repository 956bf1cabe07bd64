/** Data the embedded backend cannot serve (a data file, or a batch to store). The message names the file, the record
 * and the field. */
export class DataFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataFileError';
  }
}
