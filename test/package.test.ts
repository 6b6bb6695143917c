/**
 * package.json: what a user's npm install sees. The smoke tests (scripts/smoke-fresh-project.sh,
 * in CI) prove it works in fresh projects; these checks keep the declarations from drifting.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('cdktf, constructs and the kubernetes provider are peer dependencies, pinned exactly for our own tests', () => {
  expect(pkg.peerDependencies).toEqual({ '@cdktf/provider-kubernetes': '^12.0.0', cdktf: '^0.21.0 || ^0.24.0', constructs: '^10.4.2' });
  expect(pkg.dependencies).toEqual({ zod: expect.stringMatching(/^4\.\d+\.\d+$/) });
  for (const name of Object.keys(pkg.peerDependencies)) expect(pkg.devDependencies[name]).toMatch(/^\d+\.\d+\.\d+$/);
  // The repository's tests run on the lowest constructs and cdktf the ranges allow.
  expect(pkg.devDependencies.constructs).toBe('10.4.2');
  expect(pkg.devDependencies.cdktf).toBe('0.21.0');
});

test('exports: the library, the report API, the schema and package.json; each entry has its source', () => {
  expect(pkg.exports).toEqual({
    '.': { types: './dist/index.d.ts', default: './dist/index.js' },
    './report': { types: './dist/report/index.d.ts', default: './dist/report/index.js' },
    './power-budget.schema.json': './power-budget.schema.json',
    './package.json': './package.json',
  });
  // Projects on "moduleResolution": "node" (cdktf init's tsconfig) read typesVersions, not exports.
  expect(pkg.typesVersions).toEqual({ '*': { report: ['dist/report/index.d.ts'] } });
  for (const built of ['dist/index.js', 'dist/report/index.js']) expect(fs.existsSync(path.join(ROOT, built.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
  expect(pkg.main).toBe('dist/index.js');
  expect(pkg.types).toBe('dist/index.d.ts');
});

test('ships the build, the bin, the schema, README, CHANGELOG and LICENSE; source maps carry the sources', () => {
  expect(pkg.files).toEqual(['dist', 'bin', 'power-budget.schema.json', 'README.md', 'CHANGELOG.md', 'LICENSE']);
  for (const file of ['README.md', 'CHANGELOG.md', 'LICENSE', 'power-budget.schema.json', 'bin/campus.js']) expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
  const build = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.build.json'), 'utf8'));
  expect(build.compilerOptions.inlineSources).toBe(true);
  expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')).compilerOptions.sourceMap).toBe(true);
});

test('license, keywords, repository and scripts', () => {
  expect(pkg.license).toBe('Apache-2.0');
  expect(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toContain('Apache License\n                           Version 2.0, January 2004');
  expect(pkg.keywords).toEqual(expect.arrayContaining(['cdktf', 'constructs', 'bitcoin-mining', 'data-center', 'power']));
  expect(pkg.repository).toEqual({ type: 'git', url: expect.stringMatching(/^git\+https:\/\/.+\.git$/) });
  expect(pkg.scripts).toEqual(
    expect.objectContaining({ test: 'node scripts/run-tests.js', schema: 'tsx scripts/generate-schema.ts', docs: 'typedoc', prepack: 'npm run build' }),
  );
  expect(fs.readFileSync(path.join(ROOT, '.gitignore'), 'utf8')).toContain('docs/api/');
});
