/**
 * Golden files: expected outputs committed under test/golden/ and compared byte for byte.
 *
 * To regenerate after an intended change, run `UPDATE_GOLDEN=1 npx jest test/report` and
 * review the diff of test/golden/ before committing.
 */
import * as fs from 'fs';
import * as path from 'path';

export const GOLDEN_DIR = path.join(__dirname, '..', 'golden');

/** Asserts `actual` equals test/golden/<name> (or writes it when UPDATE_GOLDEN=1). */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(file, actual);
  }
  expect(fs.existsSync(file)).toBe(true);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}
