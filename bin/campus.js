#!/usr/bin/env node
// The `campus` command (package.json "bin"). An installed package runs the compiled JavaScript
// in dist/ (built by `prepack`) and needs no TypeScript tooling. A checkout of hybrid-campus
// (recognized by its tsconfig.json, which the package does not ship) runs the TypeScript
// sources through ts-node instead, so no build step is needed while developing.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');

function isCheckout() {
  if (!fs.existsSync(path.join(root, 'tsconfig.json')) || !fs.existsSync(path.join(root, 'cli', 'campus.ts'))) return false;
  try {
    require.resolve('ts-node', { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

function entry() {
  if (isCheckout()) {
    // The repository's tsconfig, whatever the working directory; transpile only, so it starts fast.
    require(require.resolve('ts-node', { paths: [root] })).register({ transpileOnly: true, project: path.join(root, 'tsconfig.json') });
    return require(path.join(root, 'cli', 'campus.ts'));
  }
  return require(path.join(root, 'dist', 'cli', 'campus.js'));
}

process.exitCode = entry().main(process.argv.slice(2));
