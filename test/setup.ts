import { types } from 'util';

/**
 * cdktf's jest matchers (toHaveResource, toHaveResourceWithProperties, ...), loaded on first use:
 * setup runs before every test file, and loading cdktf costs about half a second of CPU in each
 * jest module registry, which the files that never synthesize (domain/, most of report/ and
 * dispatch/) do not need. The first call of any of them installs cdktf's own matchers
 * (`Testing.setupJest()`, captured through a stand-in `expect.extend`) and runs the real one.
 */
const CDKTF_MATCHERS = [
  'toHaveResource',
  'toHaveResourceWithProperties',
  'toHaveDataSource',
  'toHaveDataSourceWithProperties',
  'toHaveProvider',
  'toHaveProviderWithProperties',
  'toBeValidTerraform',
  'toPlanSuccessfully',
] as const;

type Matchers = Parameters<typeof expect.extend>[0];
let cdktfMatchers: Matchers | undefined;

function loadCdktfMatchers(): Matchers {
  const global = globalThis as unknown as { expect: unknown };
  const jestExpect = global.expect;
  let captured: Matchers | undefined;
  global.expect = { extend: (matchers: Matchers) => void (captured = matchers) };
  try {
    (require('cdktf') as typeof import('cdktf')).Testing.setupJest();
  } finally {
    global.expect = jestExpect;
  }
  for (const name of CDKTF_MATCHERS) if (typeof captured?.[name] !== 'function') throw new Error(`test/setup.ts: cdktf's Testing.setupJest() no longer defines ${name}; update CDKTF_MATCHERS`);
  return captured!;
}

expect.extend(
  Object.fromEntries(
    CDKTF_MATCHERS.map((name) => [
      name,
      function (this: jest.MatcherContext, ...args: unknown[]) {
        cdktfMatchers ??= loadCdktfMatchers();
        return (cdktfMatchers[name] as (...a: unknown[]) => jest.CustomMatcherResult).apply(this, args);
      },
    ]),
  ),
);

/**
 * Source maps for errors only. jest installs source-map-support as `Error.prepareStackTrace`, so
 * every stack trace formatted in a test maps each frame through the file's source map (and
 * parses the inline maps cdktf's own files carry). cdktf captures a full-depth stack trace for
 * every token it creates (`captureStackTrace` on a plain object, not an Error), which made that
 * mapping a third of a synth's CPU in the tests (profiled on test/rules/campus-rules.test.ts).
 * Those traces are never shown by a test (Testing.app() writes no stack traces to manifest.json),
 * so they are formatted as V8 formats them without a hook; an Error's stack is still mapped, so
 * a failing test names the TypeScript line. test/stack-traces.test.ts checks both.
 */
const mapped = Error.prepareStackTrace;
if (mapped !== undefined) {
  Error.prepareStackTrace = (error: unknown, callSites: NodeJS.CallSite[]) =>
    types.isNativeError(error) ? mapped(error as Error, callSites) : [Error.prototype.toString.call(error), ...callSites.map((site) => `    at ${site}`)].join('\n');
}
