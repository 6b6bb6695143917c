import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Runs the README's TypeScript block that contains `marker` as an app; returns its result and output folder. */
function runReadmeExample(marker: string) {
  const root = path.join(__dirname, '..');
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]).find((code) => code.includes(marker))!;
  const example = block.replace("from 'hybrid-campus'", `from ${JSON.stringify(path.join(root, 'index'))}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-campus-readme-'));
  const file = path.join(dir, 'main.ts');
  fs.writeFileSync(file, example);
  const result = spawnSync(process.execPath, ['-r', path.join(root, 'scripts', 'register-ts.js'), file], {
    cwd: root,
    env: { ...process.env, CDKTF_OUTDIR: path.join(dir, 'out') },
    encoding: 'utf8',
  });
  return { result, out: path.join(dir, 'out') };
}

// The README's campus example is part of the contract with a new user: it must synthesize.
test('the README campus example synthesizes', () => {
  const { result, out } = runReadmeExample("'west-texas-1'");
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('Power budget: west-texas-1 (ERCOT, interconnect 120.00 MW): OK');
  expect(fs.existsSync(path.join(out, 'stacks', 'west-texas-1', 'power-budget.json'))).toBe(true);
});

// So must the workloads example of "Adding workloads".
test('the README workloads example synthesizes, with its workloads and no credential in cdk.tf.json', () => {
  const { result, out } = runReadmeExample('addInferenceService');
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('Power budget: west-texas-2 (ERCOT, interconnect 50.00 MW): OK');
  const json = JSON.parse(fs.readFileSync(path.join(out, 'stacks', 'west-texas-2', 'cdk.tf.json'), 'utf8'));
  expect(Object.keys(json.resource.kubernetes_deployment_v1)).toHaveLength(3);
  expect(Object.keys(json.resource.kubernetes_job_v1)).toHaveLength(1);
  expect(Object.values(json.resource.kubernetes_secret_v1).map((s) => (s as { data: unknown }).data)).toEqual([
    { username: '${var.proxy_1_pool_username}', password: '${var.proxy_1_pool_password}' },
  ]);
});

// And the rules example: a pack for the app, a house rule of one's own, a suppression in code.
test('the README rules example synthesizes, with its house rule suppressed on record', () => {
  const { result, out } = runReadmeExample("'rules-demo'");
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const rules = JSON.parse(fs.readFileSync(path.join(out, 'stacks', 'rules-demo', 'rules.json'), 'utf8'));
  expect(rules.packs.map((p: { name: string }) => p.name)).toEqual(['hybrid-campus/kubernetes-baseline', 'acme/house-rules']);
  expect(rules.findings).toEqual([
    {
      ruleId: 'HOUSE-1',
      level: 'warning',
      path: 'rules-demo',
      message: 'headroom 4000 kW is under 5,000 kW; shed load or raise the limit.',
      suppressed: { reason: 'The site is being built; the margin applies once it is energized.', origin: 'code' },
    },
  ]);
});

// And the remote-state example: one stack and one S3 state per site.
test('the README state example synthesizes one stack per site, each with its own S3 key', () => {
  const { result, out } = runReadmeExample('acme-campus-state');
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const backend = (site: string) => JSON.parse(fs.readFileSync(path.join(out, 'stacks', site, 'cdk.tf.json'), 'utf8')).terraform.backend;
  expect(backend('west-texas-1')).toEqual({
    s3: { bucket: 'acme-campus-state', key: 'hybrid-campus/west-texas-1.tfstate', region: 'us-east-1', encrypt: true, use_lockfile: true },
  });
  expect(backend('north-dakota-1').s3.key).toBe('hybrid-campus/north-dakota-1.tfstate');
});

// The README says which files the smoke tests take from it; they must be there and parse.
test('the README holds the files the smoke tests build a user project from', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const block = (name: string) => {
    const after = readme.split(`<!-- smoke-test: ${name} -->\n`)[1];
    return /^```[a-z]*\n([\s\S]*?)^```/m.exec(after ?? '')?.[1];
  };
  expect(JSON.parse(block('cdktf.json')!).app).toBe('node --import tsx main.ts');
  expect(JSON.parse(block('tsconfig.json')!).compilerOptions.module).toBe('CommonJS');
  expect(block('main.ts')).toContain("from 'hybrid-campus'");
  const cdktn = JSON.parse(block('package.json (cdktn)')!);
  expect(cdktn.dependencies.cdktf).toBe('npm:cdktn@0.24.0');
  expect(cdktn.overrides).toEqual({ cdktf: '$cdktf', constructs: '$constructs' });
  expect(readme).toContain("echo 'legacy-peer-deps=true' > .npmrc");
});
