/**
 * The plant (constructs/plant/) is usable without the workloads: none of its files, nor anything
 * they import (followed through every relative import, type-only ones included), is in
 * constructs/workloads/ or stacks/. Workloads attach to a hall, not the other way round.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const PLANT = path.join(ROOT, 'constructs', 'plant');
const FORBIDDEN = [path.join(ROOT, 'constructs', 'workloads') + path.sep, path.join(ROOT, 'stacks') + path.sep];
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)'(\.{1,2}\/[^']+)'/g;

function resolveImport(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${path.relative(ROOT, from)}: cannot resolve '${specifier}'`);
}

function relativeImports(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  return [...source.matchAll(SPECIFIER)].map((m) => resolveImport(file, m[1]));
}

function plantFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return plantFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

test('the plant imports nothing from the workloads or the stacks, directly or through what it imports', () => {
  const files = plantFiles(PLANT);
  expect(files.map((f) => path.basename(f)).sort()).toEqual(expect.arrayContaining(['gpu-hall.ts', 'power-bus.ts', 'mining-pod.ts']));
  const via = new Map<string, string>(files.map((f) => [f, f]));
  const queue = [...files];
  const violations: string[] = [];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const target of relativeImports(file)) {
      if (FORBIDDEN.some((dir) => target.startsWith(dir))) {
        violations.push(`${path.relative(ROOT, file)} imports ${path.relative(ROOT, target)} (reached from ${path.relative(ROOT, via.get(file)!)})`);
      } else if (!via.has(target)) {
        via.set(target, via.get(file)!);
        queue.push(target);
      }
    }
  }
  expect(violations).toEqual([]);
});
