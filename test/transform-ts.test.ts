/**
 * test/transform-ts.js, jest's transformer: TypeScript in, CommonJS and a source map out, the
 * cache key following the source and its path, and one message for what it cannot handle.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';

interface Transformer {
  compilerOptionsOf(file: string): Record<string, unknown>;
  getCacheKey(sourceText: string, sourcePath: string, options?: { instrument?: boolean }): string;
  process(sourceText: string, sourcePath: string): { code: string; map: string };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const transformer = require('./transform-ts') as Transformer;
const FILE = path.join(__dirname, 'example.ts');

function tsconfig(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-campus-transform-')), 'tsconfig.json');
  fs.writeFileSync(file, text);
  return file;
}

test("types are stripped, class fields follow the repository's ES2022 target, the output is CommonJS with a source map", () => {
  const { code, map } = transformer.process(
    'interface Shape { readonly sideM: number }\nexport class Holder { value!: number; }\nexport const area = (s: Shape): number => s.sideM ** 2;\n',
    FILE,
  );
  const module = { exports: {} as { Holder: new () => object; area: (s: { sideM: number }) => number } };
  vm.runInNewContext(code, { module, exports: module.exports });
  expect(module.exports.area({ sideM: 3 })).toBe(9);
  expect(Object.keys(new module.exports.Holder())).toEqual(['value']);
  expect(JSON.parse(map).sources).toEqual([FILE]);
});

test('the cache key changes with the source, its path and coverage instrumentation, and only then', () => {
  const key = transformer.getCacheKey('export const a = 1;\n', FILE);
  expect(transformer.getCacheKey('export const a = 1;\n', FILE)).toBe(key);
  expect(transformer.getCacheKey('export const a = 1;\n', FILE, { instrument: false })).toBe(key);
  expect(transformer.getCacheKey('export const a = 2;\n', FILE)).not.toBe(key);
  expect(transformer.getCacheKey('export const a = 1;\n', path.join(__dirname, 'other.ts'))).not.toBe(key);
  // jest stores instrumented output under the key: a coverage run must not read a plain run's entry.
  expect(transformer.getCacheKey('export const a = 1;\n', FILE, { instrument: true })).not.toBe(key);
});

test('a jest.mock call, which esbuild would not hoist, is one message', () => {
  const source = ["import { x } from './x';", "jest.mock('./x');", ''].join('\n');
  expect(() => transformer.process(source, FILE)).toThrow(
    new Error('test/example.ts: jest.mock is not hoisted by test/transform-ts.js (esbuild); require the module inside the test after jest.doMock, or pass the dependency in'),
  );
});

test.each([
  ['unstable_mockModule', "jest.unstable_mockModule('./x', () => ({}));", 'call it inside the test and import the module after it with await import()'],
  ['enableAutomock', 'jest.enableAutomock();', 'make the mock inside the test with jest.createMockFromModule'],
])('a jest.%s call, which esbuild would not hoist either, is one message with advice for that call', (name, call, advice) => {
  const source = ["import { x } from './x';", call, ''].join('\n');
  expect(() => transformer.process(source, FILE)).toThrow(
    new Error(`test/example.ts: jest.${name} is not hoisted by test/transform-ts.js (esbuild); ${advice}, or pass the dependency in`),
  );
});

test('tsconfig: comments are read, an extends or broken JSON is one message', () => {
  expect(transformer.compilerOptionsOf(tsconfig('{\n  // shared\n  "compilerOptions": { "target": "ES2022", },\n}\n'))).toEqual({ target: 'ES2022' });
  const extending = tsconfig('{ "extends": "./base.json" }');
  expect(() => transformer.compilerOptionsOf(extending)).toThrow(new Error(`${extending}: "extends" is not followed by test/transform-ts.js; keep the compiler options in the file itself`));
  const broken = tsconfig('{\n  "compilerOptions": \n');
  expect(() => transformer.compilerOptionsOf(broken)).toThrow(new Error(`${broken}: not valid tsconfig JSON; fix it (tsc --noEmit names the error)`));
});
