/**
 * The message of the InputError `fn` throws; fails the test if it throws anything else or nothing.
 */
import { InputError } from '../../report/input-error';

export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}
