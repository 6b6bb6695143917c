/**
 * Reads an input file of `campus dispatch` (a price, hashprice or campus-model file): a regular
 * file of at most MAX_INPUT_BYTES, or one InputError naming it.
 */
import * as fs from 'fs';
import { InputError } from '../input-error';

/** The largest input read, in bytes: a year of ERCOT's archive for every hub and zone is ~40 MB. */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

export function readInputFile(file: string, what: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${file}: no such file (the ${what})` : `${file}: cannot be read (${code ?? 'unknown error'})`);
  }
  if (!stat.isFile()) throw new InputError(`${file}: is not a regular file; give the ${what} as a file`);
  if (stat.size > MAX_INPUT_BYTES) throw new InputError(`${file}: is ${stat.size} bytes, more than the ${MAX_INPUT_BYTES} bytes an input may have`);
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new InputError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
}
