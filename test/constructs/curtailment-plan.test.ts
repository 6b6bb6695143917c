import { createHash } from 'crypto';
import { ASIC_MODELS } from '../../catalog/hardware-catalog';
import { CurtailmentPlan } from '../../constructs/workloads/curtailment-plan';
import { MiningPod } from '../../constructs/plant/mining-pod';
import { errorOf, smallCampus } from './helpers';
import { byName } from './workload-helpers';

function site() {
  const s = smallCampus();
  // S19 XP: 3,010 W, 140 TH/s (21.5 J/TH); S21: 3,500 W, 200 TH/s (17.5 J/TH) (hardware-catalog.json).
  const efficient = new MiningPod(s.campus, 'pod-new', { model: ASIC_MODELS.BITMAIN_ANTMINER_S21, count: 100, bus: s.bus, cooling: s.air });
  return { ...s, efficient };
}

type ConfigMap = { metadata: unknown; data: Record<string, string> };

describe('CurtailmentPlan', () => {
  test('publishes the plan, least efficient pod first, including pods declared after it', () => {
    const { campus, bus, air } = site();
    new CurtailmentPlan(campus, 'curtailment-plan');
    new MiningPod(campus, 'pod-old', { model: ASIC_MODELS.BITMAIN_ANTMINER_S19_XP, count: 100, bus, cooling: air });
    new MiningPod(campus, 'pod-kept', { model: ASIC_MODELS.BITMAIN_ANTMINER_S19_XP, count: 100, bus, cooling: air, interruptible: false });
    const configMap = byName(campus, 'kubernetes_config_map_v1')['curtailment-plan'] as ConfigMap;
    expect(configMap.metadata).toEqual({
      name: 'curtailment-plan',
      namespace: 'site-mining',
      labels: {
        'app.kubernetes.io/name': 'curtailment-plan',
        'app.kubernetes.io/component': 'curtailment-plan',
        'hybrid-campus/campus': 'site',
        'hybrid-campus/workload-class': 'mining',
        'app.kubernetes.io/part-of': 'hybrid-campus',
      },
    });
    const plan = JSON.parse(configMap.data['curtailment-plan.json']);
    expect(plan).toMatchObject({ format: 'hybrid-campus/curtailment-plan', formatVersion: 1, campus: 'site', totalItKw: 651 });
    expect(plan.steps.map((s: { pod: string; itKw: number; efficiencyJTh: number }) => [s.pod, s.itKw, s.efficiencyJTh])).toEqual([
      ['pod-old', 301, 21.5],
      ['pod-new', 350, 17.5],
    ]);
  });

  test('is rendered again after a pod is added or changed, once it was rendered', () => {
    const { campus, bus, air } = site();
    const planConstruct = new CurtailmentPlan(campus, 'curtailment-plan');
    const pods = () => JSON.parse(planConstruct.render()).steps.map((s: { pod: string; itKw: number }) => [s.pod, s.itKw]);
    expect(pods()).toEqual([['pod-new', 350]]);
    const old = new MiningPod(campus, 'pod-old', { model: ASIC_MODELS.BITMAIN_ANTMINER_S19_XP, count: 100, bus, cooling: air });
    expect(pods()).toEqual([
      ['pod-old', 301],
      ['pod-new', 350],
    ]);
    // A pod's change (a retirement) makes the campus evaluate again: the plan is rendered from it.
    const before = planConstruct.render();
    old.retireOn('2030-01');
    expect(planConstruct.render()).not.toBe(before);
    expect(planConstruct.render()).toBe(new CurtailmentPlan(campus, 'plan-after').render().replace(/plan-after/g, 'curtailment-plan'));
  });

  test('covers only the listed pods when given', () => {
    const { campus, bus, air, efficient } = site();
    new MiningPod(campus, 'pod-old', { model: ASIC_MODELS.BITMAIN_ANTMINER_S19_XP, count: 100, bus, cooling: air });
    new CurtailmentPlan(campus, 'plan-new', { pods: [efficient, efficient] });
    const plan = JSON.parse((byName(campus, 'kubernetes_config_map_v1')['plan-new'] as ConfigMap).data['curtailment-plan.json']);
    expect(plan.steps.map((s: { pod: string }) => s.pod)).toEqual(['pod-new']);
  });

  test("runs the controller with the plan mounted read-only, restarted when the plan changes", () => {
    const { campus } = site();
    const planConstruct = new CurtailmentPlan(campus, 'curtailment-plan', {
      controller: { image: 'registry.example.com/mining/curtailment-controller:0.9.0', egress: [{ cidr: '10.50.0.0/16', port: 4028 }] },
    });
    const deployment = byName(campus, 'kubernetes_deployment_v1')['curtailment-plan-controller'] as {
      spec: { replicas: string; strategy: unknown; template: { metadata: { annotations: Record<string, string> }; spec: { priority_class_name: string; container: Record<string, unknown>[]; volume: unknown } } };
    };
    expect(deployment.spec.replicas).toBe('1');
    expect(deployment.spec.strategy).toEqual({ type: 'Recreate' });
    const pod = deployment.spec.template.spec;
    expect(pod.priority_class_name).toBe('site-mining');
    expect(pod.container[0].env).toEqual([{ name: 'CURTAILMENT_PLAN', value: '/etc/hybrid-campus/curtailment-plan.json' }]);
    expect(pod.container[0].volume_mount).toEqual([
      { name: 'scratch', mount_path: '/tmp' },
      { name: 'plan', mount_path: '/etc/hybrid-campus', read_only: true },
    ]);
    expect(pod.volume).toEqual([
      { name: 'scratch', empty_dir: { size_limit: '64Mi' } },
      { name: 'plan', config_map: { name: 'curtailment-plan' } },
    ]);
    expect(deployment.spec.template.metadata.annotations['hybrid-campus/curtailment-plan-sha256']).toBe(
      createHash('sha256').update(planConstruct.render()).digest('hex'),
    );
    const policy = byName(campus, 'kubernetes_network_policy_v1')['curtailment-plan-controller'] as { spec: { ingress?: unknown; egress: unknown[] } };
    expect(policy.spec.ingress).toBeUndefined();
    expect(policy.spec.egress.slice(1)).toEqual([{ to: [{ ip_block: { cidr: '10.50.0.0/16' } }], ports: [{ port: '4028', protocol: 'TCP' }] }]);
  });

  test('without a controller, publishes the plan only', () => {
    const { campus } = site();
    new CurtailmentPlan(campus, 'curtailment-plan');
    expect(byName(campus, 'kubernetes_deployment_v1')).toEqual({});
  });

  test("refuses an id too long for the controller's label", () => {
    const { campus } = site();
    const id = 'p'.repeat(53);
    expect(errorOf(() => new CurtailmentPlan(campus, id, { controller: { image: 'controller:1.0' } }))).toBe(
      `CampusConfigError: [site/${id}] the controller's name '${id}-controller' (64 characters) is longer than the 63 characters a Kubernetes label value may have. ` +
        `Shorten the id '${id}' to at most 52 characters.`,
    );
  });

  test('refuses an empty pod list and a controller without a pinned image', () => {
    const { campus } = site();
    expect(errorOf(() => new CurtailmentPlan(campus, 'plan', { pods: [], controller: { image: 'controller:latest' } }))).toBe(
      'CampusConfigError: [site/plan] 2 invalid properties: pods = []: must list at least one MiningPod, or be left out for all of them; ' +
        'controller.image = "controller:latest": is not pinned: "latest" moves; use a version tag (e.g. "controller:1.2.3") or a digest ("controller@sha256:...")',
    );
  });
});
