import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { GPU_SYSTEMS } from '../../catalog/hardware-catalog';
import { GpuHall } from '../../constructs/plant/gpu-hall';
import { ercot300 } from '../../examples/ercot-300';
import { retrofit } from '../../examples/retrofit';
import { runCampusApp, WRITE_BUDGET_ON_FAILURE_ENV, writeBudgetOnFailureEnabled } from '../../stacks/run-campus-app';
import type { App } from 'cdktf';

function overBudget(app: App): void {
  const site = ercot300(app);
  new GpuHall(site.campus, 'hall-2', { system: GPU_SYSTEMS.NVIDIA_GB300_NVL72_RACK, count: 80, bus: site.aiBus, cooling: site.hallCooling });
  retrofit(app);
}

describe('writing power-budget.json when a check fails (opt-in)', () => {
  test('is off unless the option or HYBRID_CAMPUS_WRITE_BUDGET_ON_FAILURE=1 says so', () => {
    expect(WRITE_BUDGET_ON_FAILURE_ENV).toBe('HYBRID_CAMPUS_WRITE_BUDGET_ON_FAILURE');
    expect(writeBudgetOnFailureEnabled({}, {})).toBe(false);
    expect(writeBudgetOnFailureEnabled({}, { HYBRID_CAMPUS_WRITE_BUDGET_ON_FAILURE: '0' })).toBe(false);
    expect(writeBudgetOnFailureEnabled({}, { HYBRID_CAMPUS_WRITE_BUDGET_ON_FAILURE: '1' })).toBe(true);
    expect(writeBudgetOnFailureEnabled({ writeBudgetOnFailure: false }, { HYBRID_CAMPUS_WRITE_BUDGET_ON_FAILURE: '1' })).toBe(false);
  });

  test('writes only power-budget.json (and rules.json, the examples having rule packs) for every campus, with status fail and the failing check, and still exits 1', () => {
    const app = Testing.app();
    let stderr = '';
    const code = runCampusApp(overBudget, { app, stdout: () => undefined, stderr: (t) => (stderr += t), writeBudgetOnFailure: true });
    expect(code).toBe(1);
    expect(stderr.split('\n')[0]).toBe(
      'hybrid-campus: synth refused: 2 checks failed, only power-budget.json and rules.json were written (HYBRID_CAMPUS_WRITE_BUDGET_ON_FAILURE), no Terraform stack.',
    );
    expect(fs.readdirSync(path.join(app.outdir, 'stacks')).sort()).toEqual(['ercot-300', 'nyiso-retrofit']);
    for (const site of ['ercot-300', 'nyiso-retrofit']) {
      expect(fs.readdirSync(path.join(app.outdir, 'stacks', site)).sort()).toEqual(['power-budget.json', 'rules.json']);
    }
    expect(fs.existsSync(path.join(app.outdir, 'manifest.json'))).toBe(false);
    const doc = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'ercot-300', 'power-budget.json'), 'utf8'));
    expect(doc.status).toBe('fail');
    expect(doc.checks.filter((c: { status: string }) => c.status === 'fail').map((c: { check: string; subject: string }) => `${c.check} ${c.subject}`)).toEqual([
      'bus-contingency-capacity bus-ai',
      'cooling-capacity dlc-hall-1',
    ]);
    expect(JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'nyiso-retrofit', 'power-budget.json'), 'utf8')).status).toBe('pass');
  });

  test('replaces a stale stack folder, cdk.tf.json included', () => {
    const app = Testing.app();
    const stale = path.join(app.outdir, 'stacks', 'ercot-300');
    fs.mkdirSync(stale, { recursive: true });
    fs.writeFileSync(path.join(stale, 'cdk.tf.json'), '{}');
    runCampusApp(overBudget, { app, stdout: () => undefined, stderr: () => undefined, writeBudgetOnFailure: true });
    expect(fs.readdirSync(stale).sort()).toEqual(['power-budget.json', 'rules.json']);
  });

  test('reads the environment variable when no option is given', () => {
    const app = Testing.app();
    process.env[WRITE_BUDGET_ON_FAILURE_ENV] = '1';
    try {
      runCampusApp(overBudget, { app, stdout: () => undefined, stderr: () => undefined });
    } finally {
      delete process.env[WRITE_BUDGET_ON_FAILURE_ENV];
    }
    expect(fs.existsSync(path.join(app.outdir, 'stacks', 'ercot-300', 'power-budget.json'))).toBe(true);
  });
});
