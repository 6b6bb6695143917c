#!/usr/bin/env node
// The `campus` command (package.json "bin"). In a checkout of hybrid-campus it runs the
// TypeScript sources through ts-node (no build step); in an installed package, which ships
// dist/ built by `prepack`, it runs the compiled JavaScript.
'use strict';
const fs = require('fs');
const path = require('path');

function hasTsNode() {
  try {
    require.resolve('ts-node/register/transpile-only');
    return true;
  } catch {
    return false;
  }
}

function entry() {
  const source = path.join(__dirname, '..', 'cli', 'campus.ts');
  if (fs.existsSync(source) && hasTsNode()) {
    require('ts-node/register/transpile-only');
    return require(source);
  }
  return require(path.join(__dirname, '..', 'dist', 'cli', 'campus.js'));
}

process.exitCode = entry().main(process.argv.slice(2));
