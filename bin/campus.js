#!/usr/bin/env node
// The `campus` command (package.json "bin"). In a checkout of hybrid-campus it runs the
// TypeScript sources through ts-node (no build step); in an installed package, which ships
// dist/ built by `prepack`, it runs the compiled JavaScript.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');

function hasTsNode() {
  try {
    require.resolve('ts-node');
    return true;
  } catch {
    return false;
  }
}

function entry() {
  const source = path.join(root, 'cli', 'campus.ts');
  if (fs.existsSync(source) && hasTsNode()) {
    // The repository's tsconfig, whatever the working directory; transpile only, so it starts fast.
    require('ts-node').register({ transpileOnly: true, project: path.join(root, 'tsconfig.json') });
    return require(source);
  }
  return require(path.join(root, 'dist', 'cli', 'campus.js'));
}

process.exitCode = entry().main(process.argv.slice(2));
