/** Input that is not a tau store; the message names the file and the record and says what to fix. */
export class TauFormatError extends Error {
  override name = 'TauFormatError';
}
