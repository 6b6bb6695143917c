'use strict';
/**
 * A preload (node --require, before scripts/register-ts.js) that turns scripts/deferred-modules.js's
 * deferral off for its process: it requires each deferred file for real, so deferModules leaves
 * each alone, as if there were no deferral. It then removes itself from the module cache, so a
 * count of the cache's modules is the app's alone. Used by bench/app-bench.ts (--no-defer) and
 * test/deferred-modules.test.ts.
 */
const path = require('path');
const { deferredFiles } = require('./deferred-modules');

for (const { file } of deferredFiles(path.join(__dirname, '..'))) require(file);
delete require.cache[__filename];
