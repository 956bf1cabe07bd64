/** A data file that cannot be served. The message names the file, the record and the field. */
export class MockDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MockDataError';
  }
}
