import * as fs from 'fs';
import * as path from 'path';
import { AnnotationMetadataEntryType, Testing } from 'cdktf';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { GPU_SYSTEMS } from '../../catalog/hardware-catalog';
import { AuxiliaryLoad } from '../../constructs/plant/auxiliary-load';
import { CoolingSystem } from '../../constructs/plant/cooling-system';
import { GpuHall } from '../../constructs/plant/gpu-hall';
import { MiningPod } from '../../constructs/plant/mining-pod';
import { PowerBus } from '../../constructs/plant/power-bus';
import { Campus } from '../../stacks/campus';
import { S21, errorOf, smallCampus } from '../constructs/helpers';

function validationError(campus: Campus): string {
  return errorOf(() => Testing.synth(campus, true));
}

describe('Campus', () => {
  test('configures the kubernetes provider from Terraform variables only', () => {
    const { campus } = smallCampus();
    const synthesized = Testing.synth(campus, true);
    expect(synthesized).toHaveProviderWithProperties(KubernetesProvider, {
      config_path: '${var.kubeconfig_path}',
      config_context: '${var.kube_context}',
    });
    const json = JSON.parse(synthesized);
    expect(json.variable).toEqual({
      kube_context: { default: '', description: 'Context to use from the kubeconfig; empty for its current context.', type: 'string' },
      kubeconfig_path: {
        default: '~/.kube/config',
        description: "Path of the kubeconfig file for the cluster that runs this campus's workloads.",
        type: 'string',
      },
    });
  });

  test('creates a restricted, default-deny namespace for each workload class present', () => {
    const { campus, bus, air } = smallCampus();
    // No pods or halls yet: no namespaces.
    expect(Testing.synth(campus, true)).not.toHaveResource(NamespaceV1);
    new MiningPod(campus, 'pod-1', { model: S21, count: 10, bus, cooling: air });
    new MiningPod(campus, 'pod-2', { model: S21, count: 10, bus, cooling: air });
    new GpuHall(campus, 'hall-1', { system: GPU_SYSTEMS.NVIDIA_DGX_H100, count: 2, bus, cooling: air });
    const synthesized = Testing.synth(campus, true);
    for (const cls of ['mining', 'ai']) {
      expect(synthesized).toHaveResourceWithProperties(NamespaceV1, {
        metadata: {
          name: `site-${cls}`,
          labels: {
            'app.kubernetes.io/part-of': 'hybrid-campus',
            'hybrid-campus/campus': 'site',
            'hybrid-campus/workload-class': cls,
            'pod-security.kubernetes.io/enforce': 'restricted',
          },
        },
      });
    }
    const resources = JSON.parse(synthesized).resource;
    // The two class namespaces and the self-operated hall's own (see gpu-hall-kubernetes.test.ts).
    const namespaces = Object.values(resources.kubernetes_namespace_v1) as { metadata: { name: string } }[];
    expect(namespaces.map((n) => n.metadata.name).sort()).toEqual(['site-ai', 'site-hall-1', 'site-mining']);
    const policies = Object.values(resources.kubernetes_network_policy_v1) as { metadata: { name: string; namespace: string }; spec: unknown }[];
    expect(policies.map((p) => [p.metadata.name, p.metadata.namespace, p.spec]).sort()).toEqual([
      ['default-deny', 'site-ai', { pod_selector: {}, policy_types: ['Ingress', 'Egress'] }],
      ['default-deny', 'site-hall-1', { pod_selector: {}, policy_types: ['Ingress', 'Egress'] }],
      ['default-deny', 'site-mining', { pod_selector: {}, policy_types: ['Ingress', 'Egress'] }],
    ]);
    expect(synthesized).toHaveResource(NetworkPolicyV1);
  });

  test('refuses a campus whose namespace names would be too long', () => {
    const long = 'a'.repeat(60);
    const { campus, bus, air } = smallCampus({}, long);
    expect(errorOf(() => new MiningPod(campus, 'p', { model: S21, count: 1, bus, cooling: air }))).toBe(
      `CampusConfigError: [${long}/kubernetes/namespace-mining] namespace name '${long}-mining' (67 characters) is not a valid Kubernetes namespace name (a DNS-1123 label of at most 63 characters). Shorten the campus id '${long}'.`,
    );
  });

  test('uses a relative local state path so cdk.tf.json is the same on every machine', () => {
    const { app } = smallCampus();
    app.synth();
    const json = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'site', 'cdk.tf.json'), 'utf8'));
    expect(json.terraform.backend).toEqual({ local: { path: '../../../terraform.site.tfstate' } });
  });

  test('fails synth on an over-budget bus, naming the construct path, scenario, numbers and fix', () => {
    const { campus, bus, air } = smallCampus();
    // 3,000 x 3.5 kW = 10.5 MW of miners on a 10 MW bus, plus 1.05 MW of cooling.
    new MiningPod(campus, 'pod-1', { model: S21, count: 3_000, bus, cooling: new CoolingSystem(campus, 'big-air', { type: 'air', capacityKw: 20_000, pue: 1.1, bus }) });
    void air;
    expect(validationError(campus)).toBe(
      'Error: Validation failed with the following errors:\n' +
        "  [site/bus] normal operation: bus 'bus' load 11.550 MW (firm IT 0.000 MW, interruptible IT 10.500 MW, cooling 1.050 MW, auxiliary 0.000 MW) " +
        "exceeds its usable capacity 10.000 MW (2 feeds x max utilization) by 1.550 MW. Add or uprate a feed on 'bus', or move or remove load on it.\n\n" +
        "If you wish to ignore these validations, pass 'skipValidation: true' to your App configuration.\n",
    );
  });

  test('fails synth on an N+1 contingency, naming the lost feed', () => {
    const { campus } = smallCampus();
    const aiBus = new PowerBus(campus, 'bus-ai', {
      redundancy: 'N+1',
      feeds: [
        { name: 'xfmr-1', capacityMw: 5 },
        { name: 'xfmr-2', capacityMw: 3 },
      ],
    });
    const dlc = new CoolingSystem(campus, 'dlc', { type: 'direct-to-chip', capacityKw: 10_000, pue: 1.1, bus: aiBus });
    // 30 x 132 kW = 3.96 MW + 0.396 MW cooling = 4.356 MW firm > 3 MW left after losing xfmr-1.
    new GpuHall(campus, 'hall-1', { system: GPU_SYSTEMS.NVIDIA_GB300_NVL72_RACK, count: 30, bus: aiBus, cooling: dlc });
    expect(validationError(campus)).toContain(
      "[site/bus-ai] contingency on bus 'bus-ai' (N+1, loss of feed 'xfmr-1'): firm load 4.356 MW " +
        '(firm IT 3.960 MW, interruptible IT 0.000 MW, cooling 0.396 MW, auxiliary 0.000 MW) exceeds the 3.000 MW the bus can still carry by 1.356 MW, ' +
        "with all interruptible load shed. Add a feed to 'bus-ai', move firm load (GPU halls, firm pods, their cooling, auxiliary) to another bus, " +
        'or make loads interruptible if they can be shed.',
    );
  });

  test('fails synth when liquid-only hardware is air-cooled, at the hall', () => {
    const { campus, bus, air } = smallCampus();
    new GpuHall(campus, 'hall-1', { system: GPU_SYSTEMS.NVIDIA_GB200_NVL72_RACK, count: 1, bus, cooling: air });
    expect(validationError(campus)).toContain(
      "[site/hall-1] cooling type: NVIDIA GB200 NVL72 rack (72x B200, 36x Grace, 18 compute + 9 NVLink switch trays) in 'hall-1' needs direct-to-chip cooling, but cooling system 'air' is air.",
    );
  });

  test('fails synth when the site exceeds its interconnect, at the campus', () => {
    const { campus, bus } = smallCampus({ interconnectLimitMw: 1 });
    new AuxiliaryLoad(campus, 'office', { powerKw: 1_500, bus });
    expect(validationError(campus)).toContain(
      '[site] site interconnect: grid import 1.500 MW (total load 1.500 MW - on-site generation 0.000 MW) exceeds the ERCOT interconnect limit 1.000 MW by 0.500 MW.',
    );
  });

  test('fails synth when cooling capacity is exceeded, at the cooling system', () => {
    const { campus, bus, air } = smallCampus();
    new MiningPod(campus, 'pod-1', { model: S21, count: 300, bus, cooling: air });
    expect(validationError(campus)).toContain(
      "[site/air] cooling capacity: heat 1.050 MW from 1 served load (pod-1) exceeds the heat-rejection capacity 1.000 MW of 'air' by 50.0 kW.",
    );
  });

  test('fails synth on a reused name, at every place it is used', () => {
    const { campus, bus, air } = smallCampus();
    new PowerBus(campus, 'bus-2', { feeds: [{ name: 'pod-1', capacityMw: 1 }] });
    new MiningPod(campus, 'pod-1', { model: S21, count: 1, bus, cooling: air });
    const message = validationError(campus);
    expect(message).toContain("[site/bus-2] structure: the name 'pod-1' is used 2 times in campus 'site' (feed at site/bus-2, mining pod at site/pod-1).");
    expect(message).toContain("[site/pod-1] structure: the name 'pod-1' is used 2 times in campus 'site'");
  });

  test('a scenario above the warning threshold becomes a warning annotation, once', () => {
    const { campus, bus, air } = smallCampus();
    // 2,700 x 3.5 kW = 9.45 MW of IT + 1 kW of fixed cooling = 9.451 MW on a 10 MW bus.
    const big = new CoolingSystem(campus, 'big', { type: 'air', capacityKw: 20_000, fixedPowerKw: 1, bus });
    void air;
    new MiningPod(campus, 'pod-1', { model: S21, count: 2_700, bus, cooling: big });
    Testing.synth(campus, true);
    Testing.synth(campus, true);
    const warnings = bus.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => m.data);
    expect(warnings).toEqual([
      "normal operation: bus 'bus' load 9.451 MW is 94.5% of its usable capacity 10.000 MW, above the 90.0% warning threshold; headroom 0.549 MW.",
    ]);
  });

  test('the warning threshold is configurable', () => {
    const { campus, bus } = smallCampus({ warnUtilization: 0.5 });
    // Interruptible: 6 MW of firm auxiliary would not survive the loss of a 5 MW feed.
    new AuxiliaryLoad(campus, 'office', { powerKw: 6_000, bus, firm: false });
    Testing.synth(campus, true);
    expect(bus.node.metadata.map((m) => m.data)).toEqual([
      "normal operation: bus 'bus' load 6.000 MW is 60.0% of its usable capacity 10.000 MW, above the 50.0% warning threshold; headroom 4.000 MW.",
    ]);
  });

  test.each<[string, object, string]>([
    [
      'an empty grid region and a negative limit',
      { gridRegion: '', interconnectLimitMw: -5 },
      '[c] 2 invalid properties: gridRegion = "": must not be empty, e.g. "ERCOT"; interconnectLimitMw = -5: must be greater than 0 (approved grid draw in MW)',
    ],
    [
      'a percentage as warning threshold',
      { gridRegion: 'ERCOT', interconnectLimitMw: 5, warnUtilization: 90 },
      '[c] invalid property: warnUtilization = 90: must be at most 1 (warning threshold); give a fraction, e.g. 0.8 for 80%',
    ],
  ])('refuses %s', (_, props, message) => {
    expect(errorOf(() => new Campus(Testing.app(), 'c', props as never))).toBe(`CampusConfigError: ${message}`);
  });

  test('refuses a campus id that is not a Kubernetes name', () => {
    expect(errorOf(() => new Campus(Testing.app(), 'Big Site', { gridRegion: 'ERCOT', interconnectLimitMw: 5 }))).toBe(
      'CampusConfigError: [Big Site] invalid property: id = "Big Site": must be a Kubernetes DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit',
    );
  });

  test('writes power-budget.json and campus-model.json beside cdk.tf.json', () => {
    const { app, campus, bus, air } = smallCampus();
    new MiningPod(campus, 'pod-1', { model: S21, count: 100, bus, cooling: air });
    app.synth();
    const dir = path.join(app.outdir, 'stacks', 'site');
    expect(fs.readdirSync(dir).sort()).toEqual(['campus-model.json', 'cdk.tf.json', 'power-budget.json']);
    // The model the budget was computed from, for campus dispatch.
    const model = JSON.parse(fs.readFileSync(path.join(dir, 'campus-model.json'), 'utf8'));
    expect(model).toEqual({ format: 'hybrid-campus/campus-model', formatVersion: 1, site: 'site', model: JSON.parse(JSON.stringify(campus.toModel())) });
    const doc = JSON.parse(fs.readFileSync(path.join(dir, 'power-budget.json'), 'utf8'));
    expect(doc.format).toBe('hybrid-campus/power-budget');
    expect(doc.formatVersion).toBe(3);
    // 100 x 3.5 kW = 350 kW IT + 35 kW cooling (PUE 1.1)
    expect(doc.buses[0].scenarios[0].load).toEqual({ firmItKw: 0, interruptibleItKw: 350, grossKw: 0, coolingKw: 35, overheadKw: 0, auxiliaryKw: 0, totalKw: 385 });
  });

  test('a failed check writes neither file', () => {
    const { app, campus, bus, air } = smallCampus();
    new MiningPod(campus, 'pod-1', { model: S21, count: 1_000, bus, cooling: air });
    expect(() => app.synth()).toThrow('cooling capacity');
    expect(fs.existsSync(path.join(app.outdir, 'stacks', 'site', 'cdk.tf.json'))).toBe(false);
    expect(fs.existsSync(path.join(app.outdir, 'stacks', 'site', 'power-budget.json'))).toBe(false);
    expect(fs.existsSync(path.join(app.outdir, 'stacks', 'site', 'campus-model.json'))).toBe(false);
  });
});
