/**
 * test/setup.ts: an Error's stack trace in a test names the TypeScript line (source-mapped), and
 * a stack trace captured on a plain object (as cdktf captures one per token) is V8's own format.
 */
import * as path from 'path';
import { Lazy, Tokenization } from 'cdktf';

/** The line of this file that throws: the source has types above it, which esbuild drops, so unmapped the line would differ. */
function thrownAt(): string {
  interface Holder {
    readonly value: number;
  }
  const holder: Holder = { value: 1 };
  const error = new Error(`failed with ${holder.value}`); // line 14
  return error.stack!.split('\n')[1];
}

test("an Error's stack names the TypeScript source line", () => {
  expect(thrownAt()).toBe(`    at thrownAt (${path.join(__dirname, 'stack-traces.test.ts')}:14:17)`);
});

test('a stack captured on a plain object is formatted without source maps, one "at" line per frame', () => {
  const captured = { stack: '' };
  Error.captureStackTrace(captured);
  const lines = captured.stack.split('\n');
  // source-map-support would write "Error: " here (name, colon, empty message); V8 writes "Error".
  expect(lines[0]).toBe('Error');
  expect(lines.slice(1).every((line) => line.startsWith('    at '))).toBe(true);
  // This file's frame as V8 reports it for the transpiled JavaScript (esbuild keeps no blank or type-only lines).
  expect(lines[1]).toMatch(new RegExp(`^    at Object\\.<anonymous> \\(${path.join(__dirname, 'stack-traces.test.ts').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+\\)$`));
});

test("cdktf's token creation stack is still captured, frame by frame", () => {
  const token = Lazy.stringValue({ produce: () => 'x' }) as unknown as string;
  expect(token).toMatch(/^\$\{TfToken\[/);
  // The Lazy behind the token keeps the stack of its creation: cdktf's captureStackTrace on a plain object.
  const [lazy] = Tokenization.reverseString(token).tokens as unknown as { creationStack: string[] }[];
  expect(lazy.creationStack.length).toBeGreaterThan(1);
  expect(lazy.creationStack.some((frame) => frame.includes(path.join(__dirname, 'stack-traces.test.ts')))).toBe(true);
});
