import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { phasedConversion } from '../examples/phased-conversion';
import { DATE_CONTEXT_KEY } from '../stacks/campus';
import { runCampusApp } from '../stacks/run-campus-app';
import { errorOf } from './constructs/helpers';

function synth(build: Parameters<typeof runCampusApp>[0], context?: Record<string, unknown>) {
  const app = Testing.app({ context });
  let stdout = '';
  let stderr = '';
  const code = runCampusApp(build, { app, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr, outdir: app.outdir };
}

describe('phased conversion example', () => {
  test('passes every check at every state', () => {
    const { campus } = phasedConversion(Testing.app());
    expect(campus.evaluate().failures).toEqual([]);
  });

  test('checks each boundary date, with the load by class hand-computed', () => {
    const { campus } = phasedConversion(Testing.app());
    // Pods: 286 x 3.5 kW = 1,001 kW each, air PUE 1.1. Halls: racks x 132 kW + 600 kW, PUE 1.15.
    // hall-1 and hall-2: 21,720 kW; hall-3: 27,000 kW. Auxiliary 1,500 kW throughout.
    const rows = campus.evaluate().states.map((s) => {
      const [normal, contingency] = s.evaluation.budget.buses[0].scenarios;
      return [s.point.label, Math.round(normal.load.firmItKw), Math.round(normal.load.interruptibleItKw), Math.round(normal.capacityKw), Math.round(contingency.load.totalKw)];
    });
    expect(rows).toEqual([
      ['before 2026-07', 0, 100_100, 130_000, 1_500],
      ['from 2026-07', 0, 70_070, 130_000, 1_500],
      ['from 2026-10', 21_720, 70_070, 130_000, 26_478], // 21,720 x 1.15 + 1,500
      ['from 2027-04', 21_720, 40_040, 130_000, 26_478],
      ['from 2027-07', 43_440, 40_040, 130_000, 51_456],
      ['from 2028-01', 43_440, 0, 195_000, 51_456],
      ['from 2028-04', 70_440, 0, 195_000, 82_506],
    ]);
  });

  test('a conversion that breaks N+1 in its middle phase fails synth, naming that month only', () => {
    // 260 racks in phase 2: 34,920 kW x 1.15 = 40,158 kW; with hall-1 and auxiliary 66,636 kW of firm load
    // against the 65 MW left after losing a feed. The third feed (2028-01) restores the margin.
    const { campus } = phasedConversion(Testing.app(), 'permian-phased', { phase2Racks: 260 });
    const failures = campus.evaluate().failures;
    expect(failures.map((f) => [f.check, f.date])).toEqual([['bus-contingency-capacity', 'from 2027-07']]);
    expect(errorOf(() => Testing.synth(campus, true))).toContain(
      "[permian-phased/bus-main] from 2027-07: contingency on bus 'bus-main' (N+1, loss of feed 'xfmr-1'): firm load 66.636 MW " +
        '(firm IT 56.640 MW, interruptible IT 0.000 MW, cooling 8.496 MW, auxiliary 1.500 MW) exceeds the 65.000 MW the bus can still carry by 1.636 MW',
    );
  });

  test('a commitment that a conversion makes impossible fails synth at the first month it cannot be met', () => {
    // 60 MW within 10 minutes: 70 pods (77.077 MW with cooling) cover it; after phase 2 retires 30 more pods,
    // 40 pods give 44.044 MW. The commitment lasts until 2028-06 and applies all year.
    const { campus } = phasedConversion(Testing.app(), 'permian-phased', {
      commitment: { program: 'ERCOT ECRS', sheddableMw: 60, responseTimeS: 600, retire: '2028-06' },
    });
    expect(errorOf(() => Testing.synth(campus, true))).toContain(
      "[permian-phased] from 2027-04: demand response 'ERCOT ECRS': shedding the interruptible load that curtails within 600 s cuts grid import by 44.044 MW, " +
        'below the committed 60.000 MW by 15.956 MW. Keep more grid-fed mining in service, make pods curtail faster (curtailSeconds), take slow or firm loads off fixed-power cooling shared with the pods that shed (it keeps running for them), lower or end a commitment, ' +
        'or give commitments that are never called together the same exclusiveGroup. ' +
        'Also from 2027-07, from 2028-01, from 2028-04.',
    );
  });

  test('synth for a chosen date (cdktf context) produces only the parts in service then', () => {
    const result = synth((app) => phasedConversion(app), { [DATE_CONTEXT_KEY]: '2026-08' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Power budget: permian-phased (ERCOT, interconnect 130.00 MW, at 2026-08): OK');
    const dir = path.join(result.outdir, 'stacks', 'permian-phased');
    const budget = JSON.parse(fs.readFileSync(path.join(dir, 'power-budget.json'), 'utf8'));
    expect(budget.asOf).toBe('2026-08');
    // 2026-08 is inside the commitment's June-September season: the check ran, for that month.
    expect(budget.checks.filter((c: { check: string }) => c.check === 'demand-response')).toEqual([
      {
        check: 'demand-response',
        status: 'pass',
        subject: 'ERCOT ERS-10',
        path: 'permian-phased',
        date: 'at 2026-08',
        message:
          "at 2026-08: demand response 'ERCOT ERS-10': shedding the interruptible load that curtails within 600 s cuts grid import by 77.077 MW, covering the committed 40.000 MW (192.7%).",
      },
    ]);
    expect(budget.timeline.map((t: { label: string }) => t.label)).toEqual(['at 2026-08']);
    expect(budget.loads.miningPods).toHaveLength(70);
    expect(budget.loads.gpuHalls).toEqual([]);
    // No hall is in service in 2026-08, so there is no AI namespace to deploy.
    const tf = JSON.parse(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8'));
    const namespaces = Object.values(tf.resource.kubernetes_namespace_v1).map((n) => (n as { metadata: { name: string } }).metadata.name);
    expect(namespaces).toEqual(['permian-phased-mining']);
  });

  test('synth for a month deploys only the workloads of halls and pod groups in service then', () => {
    const result = synth((app) => phasedConversion(app), { [DATE_CONTEXT_KEY]: '2027-08' });
    expect(result.code).toBe(0);
    const tf = JSON.parse(fs.readFileSync(path.join(result.outdir, 'stacks', 'permian-phased', 'cdk.tf.json'), 'utf8'));
    const names = (type: string) =>
      Object.values(tf.resource[type] ?? {}).map((r) => `${(r as { metadata: { namespace?: string; name: string } }).metadata.namespace ?? ''}/${(r as { metadata: { name: string } }).metadata.name}`).sort();
    // Halls 1 and 2 are online in 2027-08, hall 3 is not; only group c still mines.
    expect(names('kubernetes_deployment_v1')).toEqual([
      'permian-phased-hall-1/inference',
      'permian-phased-hall-2/inference',
      'permian-phased-mining/proxy-c',
    ]);
    expect(names('kubernetes_namespace_v1')).toEqual(['/permian-phased-ai', '/permian-phased-hall-1', '/permian-phased-hall-2', '/permian-phased-mining']);
    // The curtailment plan lists the 40 pods of group c, in shedding order, with the commitment.
    const configMap = Object.values(tf.resource.kubernetes_config_map_v1)[0] as { data: Record<string, string> };
    const plan = JSON.parse(configMap.data['curtailment-plan.json']);
    expect(plan.asOf).toBe('2027-08');
    expect(plan.steps).toHaveLength(40);
    expect(plan.steps[0]).toMatchObject({ step: 1, pod: 'pod-c01', priority: 0, itKw: 1001, retire: '2028-01' });
    expect(plan.commitments).toEqual([
      { program: 'ERCOT ERS-10', sheddableKw: 40_000, responseTimeS: 600, season: { fromMonth: 6, toMonth: 9 }, window: 'summer peak hours', exclusiveGroup: null, inService: null, retire: '2028-01' },
    ]);
  });

  test('without a month every workload is in cdk.tf.json and the plan lists every pod with its dates', () => {
    const result = synth((app) => phasedConversion(app));
    const tf = JSON.parse(fs.readFileSync(path.join(result.outdir, 'stacks', 'permian-phased', 'cdk.tf.json'), 'utf8'));
    expect(Object.keys(tf.resource.kubernetes_deployment_v1)).toHaveLength(6);
    const plan = JSON.parse((Object.values(tf.resource.kubernetes_config_map_v1)[0] as { data: Record<string, string> }).data['curtailment-plan.json']);
    expect(plan.asOf).toBeNull();
    expect(plan.steps).toHaveLength(100);
    expect(plan.steps.map((s: { retire: string }) => s.retire).filter((r: string) => r === '2026-07')).toHaveLength(30);
  });

  test('synth for a month leaves out the classes with nothing in service: no mining after the last pod, no AI before the first hall', () => {
    const resources = (month: string) => {
      const result = synth((app) => phasedConversion(app), { [DATE_CONTEXT_KEY]: month });
      expect(result.code).toBe(0);
      const tf = JSON.parse(fs.readFileSync(path.join(result.outdir, 'stacks', 'permian-phased', 'cdk.tf.json'), 'utf8'));
      const names = (type: string) => Object.values(tf.resource[type] ?? {}).map((r) => (r as { metadata: { name: string } }).metadata.name).sort();
      return { namespaces: names('kubernetes_namespace_v1'), priorityClasses: names('kubernetes_priority_class_v1'), configMaps: names('kubernetes_config_map_v1') };
    };
    expect(resources('2028-06')).toEqual({
      namespaces: ['permian-phased-ai', 'permian-phased-hall-1', 'permian-phased-hall-2', 'permian-phased-hall-3'],
      priorityClasses: ['permian-phased-ai-firm'],
      configMaps: [],
    });
    expect(resources('2026-01')).toEqual({
      namespaces: ['permian-phased-mining'],
      priorityClasses: ['permian-phased-mining'],
      configMaps: ['curtailment-plan'],
    });
  });

  test('the plan for a month carries only the commitments in force that month', () => {
    const result = synth(
      (app) => phasedConversion(app, 'permian-phased', { commitment: { program: 'ended', sheddableMw: 10, responseTimeS: 600, retire: '2026-06' } }),
      { [DATE_CONTEXT_KEY]: '2026-08' },
    );
    const tf = JSON.parse(fs.readFileSync(path.join(result.outdir, 'stacks', 'permian-phased', 'cdk.tf.json'), 'utf8'));
    const plan = JSON.parse((Object.values(tf.resource.kubernetes_config_map_v1)[0] as { data: Record<string, string> }).data['curtailment-plan.json']);
    expect(plan.steps).toHaveLength(70);
    expect(plan.commitments).toEqual([]);
  });

  test('refuses a chosen date that is not a month', () => {
    const result = synth((app) => phasedConversion(app), { [DATE_CONTEXT_KEY]: 'next year' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'hybrid-campus: [permian-phased] context hybrid-campus:date = "next year": must be a month written YYYY-MM, e.g. "2027-01". ' +
        'Fix it in cdktf.json\'s "context", or remove it to check the whole timeline.\n',
    );
  });

  test('without a chosen date the output does not depend on today', () => {
    jest.useFakeTimers({ now: new Date('2026-01-15T00:00:00Z') });
    const early = synth((app) => phasedConversion(app));
    jest.setSystemTime(new Date('2031-06-01T00:00:00Z'));
    const late = synth((app) => phasedConversion(app));
    jest.useRealTimers();
    for (const file of ['power-budget.json', 'cdk.tf.json']) {
      const a = fs.readFileSync(path.join(early.outdir, 'stacks', 'permian-phased', file), 'utf8');
      const b = fs.readFileSync(path.join(late.outdir, 'stacks', 'permian-phased', file), 'utf8');
      expect(b).toBe(a);
    }
    expect(late.stdout).toBe(early.stdout);
  });

  test('power-budget.json carries the whole timeline, and a chart of it is written beside', () => {
    const result = synth((app) => phasedConversion(app));
    const svg = fs.readFileSync(path.join(result.outdir, 'stacks', 'permian-phased', 'power-timeline.svg'), 'utf8');
    expect(svg).toContain('<title>permian-phased: load against capacity (MW)</title>');
    const budget = JSON.parse(fs.readFileSync(path.join(result.outdir, 'stacks', 'permian-phased', 'power-budget.json'), 'utf8'));
    expect(budget.asOf).toBeNull();
    expect(budget.timeline.map((t: { label: string; status: string; load: { totalKw: number }; capacityKw: number }) => [t.label, t.status, t.load.totalKw, t.capacityKw])).toEqual([
      ['before 2026-07', 'pass', 111_610, 130_000],
      ['from 2026-07', 'pass', 78_577, 130_000],
      ['from 2026-10', 'pass', 103_555, 130_000],
      ['from 2027-04', 'pass', 70_522, 130_000],
      ['from 2027-07', 'pass', 95_500, 130_000],
      ['from 2028-01', 'pass', 51_456, 195_000],
      ['from 2028-04', 'pass', 82_506, 195_000],
    ]);
  });
});
