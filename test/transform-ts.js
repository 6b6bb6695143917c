'use strict';
/**
 * jest's transformer for this repository's `.ts` files (jest.config.js): each file is transpiled
 * on its own by esbuild (types stripped, not checked: `npm test` runs `tsc --noEmit` first) into
 * CommonJS, with the compiler options of tsconfig.json. tsconfig.json sets `isolatedModules`,
 * so transpiling file by file is sound, as it was with ts-jest's transpile-only mode.
 *
 * Why not ts-jest: it loads TypeScript (a 9 MB module) in every jest worker and transpiles with
 * it, file by file, far slower than esbuild; on a fresh clone (no jest cache) the whole suite
 * took 207 CPU-seconds with ts-jest and 178 with this transformer (2 cores, loaded machine). esbuild is tsx's dependency (its platform binary an
 * optional dependency of esbuild, no install script), resolved from tsx as scripts/register-ts.js
 * does.
 *
 * jest caches the output on disk under the key from getCacheKey: a hash of the source, its path
 * (the source map names it), whether jest instruments it for coverage, the compiler options, the
 * esbuild version and this file's own source, so an edit to any of them transpiles again. A source map goes with every file, so a
 * failing test's stack trace names the TypeScript line.
 *
 * esbuild does not hoist `jest.mock` calls above the imports as babel-jest does: a test that
 * mocks a module is refused here with one message rather than silently running unmocked.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const TSCONFIG = path.join(ROOT, 'tsconfig.json');
const ESBUILD_PATH = require.resolve('esbuild', { paths: [path.dirname(require.resolve('tsx/package.json', { paths: [ROOT] }))] });
const ESBUILD_VERSION = require(path.join(path.dirname(ESBUILD_PATH), '..', 'package.json')).version;

/** The compilerOptions of a tsconfig file: plain JSON, or (with comments or trailing commas) through TypeScript's own parser. */
function compilerOptionsOf(file) {
  const text = fs.readFileSync(file, 'utf8');
  let config;
  try {
    config = JSON.parse(text);
  } catch {
    const parsed = require('typescript').parseConfigFileTextToJson(file, text);
    if (parsed.error) throw new Error(`${file}: not valid tsconfig JSON; fix it (tsc --noEmit names the error)`);
    config = parsed.config;
  }
  if (config.extends !== undefined) {
    throw new Error(`${file}: "extends" is not followed by test/transform-ts.js; keep the compiler options in the file itself`);
  }
  return config.compilerOptions ?? {};
}

const TRANSFORM_OPTIONS = {
  loader: 'ts',
  format: 'cjs',
  platform: 'node',
  target: `node${process.versions.node.split('.')[0]}`,
  tsconfigRaw: { compilerOptions: compilerOptionsOf(TSCONFIG) },
  sourcemap: 'external',
  sourcesContent: false,
};
const KEY_PREFIX = JSON.stringify({ transformer: crypto.createHash('sha256').update(fs.readFileSync(__filename)).digest('hex'), esbuild: ESBUILD_VERSION, options: TRANSFORM_OPTIONS });

/** `jest.mock(`, `jest.unstable_mockModule(` or `jest.enableAutomock(` at the start of a statement: what babel-jest would hoist (not `jest.doMock`, which it leaves in place). */
const MOCK_CALL = /^\s*jest\s*\.\s*(mock|unstable_mockModule|enableAutomock)\s*\(/m;

/** What to do instead of each call MOCK_CALL finds. */
const MOCK_ADVICE = {
  mock: 'require the module inside the test after jest.doMock',
  unstable_mockModule: 'call it inside the test and import the module after it with await import()',
  enableAutomock: 'make the mock inside the test with jest.createMockFromModule',
};

let esbuild;

module.exports = {
  compilerOptionsOf,
  getCacheKey(sourceText, sourcePath, options) {
    // jest stores the output it instruments for coverage under this same key: a coverage run and
    // a plain run must not share an entry (as babel-jest keys it).
    const instrument = options && options.instrument ? 'instrument' : '';
    return crypto.createHash('sha256').update(KEY_PREFIX).update('\0').update(sourcePath).update('\0').update(instrument).update('\0').update(sourceText).digest('hex');
  },
  process(sourceText, sourcePath) {
    const mock = MOCK_CALL.exec(sourceText);
    if (mock) {
      throw new Error(`${path.relative(ROOT, sourcePath)}: jest.${mock[1]} is not hoisted by test/transform-ts.js (esbuild); ${MOCK_ADVICE[mock[1]]}, or pass the dependency in`);
    }
    esbuild ??= require(ESBUILD_PATH);
    const { code, map } = esbuild.transformSync(sourceText, { ...TRANSFORM_OPTIONS, sourcefile: sourcePath });
    return { code, map };
  },
};
