import { types } from 'util';
import { Testing } from 'cdktf';

// cdktf's jest matchers (toHaveResource, toHaveResourceWithProperties, ...).
Testing.setupJest();

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
