#!/usr/bin/env node
// The `campus` command (package.json "bin"). An installed package runs the compiled JavaScript
// in dist/ (built by `prepack`) and needs no TypeScript tooling. A checkout of hybrid-campus
// (recognized by its tsconfig.json, which the package does not ship) runs the TypeScript
// sources instead, through scripts/register-ts.js (esbuild, cached per file content), so no build
// step is needed while developing and a spawn costs about what the compiled bin does.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');

function isCheckout() {
  if (!['tsconfig.json', path.join('cli', 'campus.ts'), path.join('scripts', 'register-ts.js')].every((f) => fs.existsSync(path.join(root, f)))) return false;
  try {
    require.resolve('tsx/package.json', { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

function entry() {
  if (isCheckout()) {
    // The repository's tsconfig, whatever the working directory; transpile only, so it starts fast.
    require(path.join(root, 'scripts', 'register-ts.js'));
    return require(path.join(root, 'cli', 'campus.ts'));
  }
  return require(path.join(root, 'dist', 'cli', 'campus.js'));
}

process.exitCode = entry().main(process.argv.slice(2));
