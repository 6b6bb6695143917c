/**
 * Bad input for `campus report` / `campus diff`: a missing path, corrupt JSON, an unknown
 * format version, base and head for different sites. The CLI prints the message on one line
 * (prefixed "campus: ") and exits with EXIT_BAD_INPUT; never a stack trace.
 */
export class InputError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
