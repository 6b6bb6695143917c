import type { Rule, RuleViolation, SynthesizedResource } from '../../rules/rule';
import { KUBERNETES_BASELINE } from '../../rules/kubernetes/pack';
import { HC_K8S_1 } from '../../rules/kubernetes/HC-K8S-1';
import { HC_K8S_2 } from '../../rules/kubernetes/HC-K8S-2';
import { HC_K8S_3 } from '../../rules/kubernetes/HC-K8S-3';
import { HC_K8S_4 } from '../../rules/kubernetes/HC-K8S-4';
import { HC_K8S_5 } from '../../rules/kubernetes/HC-K8S-5';
import { HC_K8S_6 } from '../../rules/kubernetes/HC-K8S-6';
import { HC_K8S_7 } from '../../rules/kubernetes/HC-K8S-7';
import { HC_K8S_8 } from '../../rules/kubernetes/HC-K8S-8';
import { HC_K8S_9 } from '../../rules/kubernetes/HC-K8S-9';
import { HC_K8S_10 } from '../../rules/kubernetes/HC-K8S-10';
import { HC_K8S_11 } from '../../rules/kubernetes/HC-K8S-11';
import { HC_K8S_12 } from '../../rules/kubernetes/HC-K8S-12';
import { HC_K8S_13 } from '../../rules/kubernetes/HC-K8S-13';
import { HC_K8S_14 } from '../../rules/kubernetes/HC-K8S-14';
import { defaultDeny, deployment, namespace, secureContainer, subjects } from './fixtures';

function check(rule: Rule, resources: SynthesizedResource[], variables = [] as { name: string; sensitive: boolean; hasDefault?: boolean }[]): RuleViolation[] {
  return [...rule.check(subjects(resources, variables))];
}

const CONTAINER_AT = { path: 'site/web/deployment', target: "container 'app'" };

describe('Kubernetes baseline pack', () => {
  test('lists its fourteen rules, one file each, with a statement, source and level', () => {
    expect(KUBERNETES_BASELINE.rules.map((r) => r.id)).toEqual(Array.from({ length: 14 }, (_, i) => `HC-K8S-${i + 1}`));
    for (const r of KUBERNETES_BASELINE.rules) {
      expect(r.statement.length).toBeGreaterThan(20);
      expect(r.source.length).toBeGreaterThan(10);
      expect(['error', 'warning']).toContain(r.level);
    }
  });

  test('HC-K8S-1: a restricted namespace passes; a baseline one and an unlabelled one do not', () => {
    expect(check(HC_K8S_1, [namespace('apps')])).toEqual([]);
    expect(check(HC_K8S_1, [namespace('apps', { 'pod-security.kubernetes.io/enforce': 'baseline' }), namespace('bare', {})])).toEqual([
      { path: 'site/ns-apps', message: "namespace 'apps' has pod-security.kubernetes.io/enforce = \"baseline\"; label it pod-security.kubernetes.io/enforce: restricted so the API server refuses pods that do not meet the restricted profile." },
      { path: 'site/ns-bare', message: "namespace 'bare' has no pod-security.kubernetes.io/enforce label; label it pod-security.kubernetes.io/enforce: restricted so the API server refuses pods that do not meet the restricted profile." },
    ]);
  });

  test('HC-K8S-2: a namespace needs a default-deny policy; one that allows traffic does not count', () => {
    expect(check(HC_K8S_2, [namespace('apps'), defaultDeny('apps')])).toEqual([]);
    const allowing = defaultDeny('apps');
    const leaky = { ...allowing, config: { ...allowing.config, spec: { pod_selector: {}, policy_types: ['Ingress', 'Egress'], egress: [{ to: [{ pod_selector: {} }] }] } } };
    expect(check(HC_K8S_2, [namespace('apps'), leaky])).toEqual([
      {
        path: 'site/ns-apps',
        message:
          "namespace 'apps' has no default-deny NetworkPolicy; add one with an empty podSelector, policyTypes Ingress and Egress and no rules (WorkloadNamespace does), then allow what each workload needs in its own policy.",
      },
    ]);
  });

  test('HC-K8S-2: a deny-ingress and a deny-egress policy together are default-deny; either alone is not', () => {
    const only = (type: string): SynthesizedResource => {
      const base = defaultDeny('apps');
      return { ...base, name: `deny-${type}`, config: { ...base.config, spec: { pod_selector: {}, policy_types: [type] } } };
    };
    expect(check(HC_K8S_2, [namespace('apps'), only('Ingress'), only('Egress')])).toEqual([]);
    expect(check(HC_K8S_2, [namespace('apps'), only('Ingress')]).map((v) => v.path)).toEqual(['site/ns-apps']);
    expect(check(HC_K8S_2, [namespace('apps'), only('Egress')]).map((v) => v.path)).toEqual(['site/ns-apps']);
  });

  test('HC-K8S-3: runAsNonRoot on the container or inherited from the pod', () => {
    const c = secureContainer();
    delete (c.security_context as Record<string, unknown>).run_as_non_root;
    expect(check(HC_K8S_3, [deployment(c)])).toEqual([]);
    expect(check(HC_K8S_3, [deployment(c, { podSecurity: {} })])).toEqual([
      { ...CONTAINER_AT, message: "Deployment 'web' (container 'app') does not set runAsNonRoot (nor does its pod); set securityContext.runAsNonRoot true and a non-zero runAsUser." },
    ]);
    const root = secureContainer({ security_context: { ...(secureContainer().security_context as object), run_as_non_root: false } });
    expect(check(HC_K8S_3, [deployment(root)])[0].message).toBe("Deployment 'web' (container 'app') sets runAsNonRoot false; set securityContext.runAsNonRoot true and a non-zero runAsUser.");
  });

  test('HC-K8S-4: read-only root filesystem', () => {
    expect(check(HC_K8S_4, [deployment()])).toEqual([]);
    const c = secureContainer({ security_context: { ...(secureContainer().security_context as object), read_only_root_filesystem: false } });
    expect(check(HC_K8S_4, [deployment(c)])).toEqual([
      { ...CONTAINER_AT, message: "Deployment 'web' (container 'app') has a writable root filesystem; set securityContext.readOnlyRootFilesystem true and mount an emptyDir where it must write." },
    ]);
  });

  test('HC-K8S-5: no privilege escalation (unset counts as allowed)', () => {
    expect(check(HC_K8S_5, [deployment()])).toEqual([]);
    const c = secureContainer({ security_context: { read_only_root_filesystem: true } });
    expect(check(HC_K8S_5, [deployment(c)])).toEqual([
      { ...CONTAINER_AT, message: "Deployment 'web' (container 'app') does not set allowPrivilegeEscalation (Kubernetes then allows it); set securityContext.allowPrivilegeEscalation false." },
    ]);
  });

  test('HC-K8S-6: drop ALL, add nothing but NET_BIND_SERVICE', () => {
    const bind = secureContainer({ security_context: { ...(secureContainer().security_context as object), capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } } });
    expect(check(HC_K8S_6, [deployment(bind)])).toEqual([]);
    const c = secureContainer({ security_context: { capabilities: { drop: ['NET_RAW'], add: ['SYS_ADMIN'] } } });
    expect(check(HC_K8S_6, [deployment(c)])).toEqual([
      { ...CONTAINER_AT, message: "Deployment 'web' (container 'app') drops only NET_RAW and adds SYS_ADMIN; set securityContext.capabilities.drop [\"ALL\"] and add none (NET_BIND_SERVICE at most)." },
    ]);
  });

  test('HC-K8S-7: seccomp RuntimeDefault on the pod or container; Unconfined fails', () => {
    expect(check(HC_K8S_7, [deployment()])).toEqual([]);
    const c = secureContainer({ security_context: { seccomp_profile: { type: 'Unconfined' } } });
    expect(check(HC_K8S_7, [deployment(c)])).toEqual([
      { ...CONTAINER_AT, message: "Deployment 'web' (container 'app') has seccomp profile Unconfined; set securityContext.seccompProfile.type RuntimeDefault on the pod or the container." },
    ]);
  });

  test('HC-K8S-8: requests equal limits for cpu and memory', () => {
    expect(check(HC_K8S_8, [deployment()])).toEqual([]);
    const c = secureContainer({ resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '500m' } } });
    expect(check(HC_K8S_8, [deployment(c)])).toEqual([
      { ...CONTAINER_AT, message: "Deployment 'web' (container 'app') has cpu request 250m but limit 500m, no memory limit; set resources.requests equal to resources.limits for cpu and memory." },
    ]);
  });

  test('HC-K8S-8: requests and limits compare as amounts (1 = 1000m, 1Gi = 1024Mi), tokens as text', () => {
    const res = (requests: Record<string, string>, limits: Record<string, string>) => [deployment(secureContainer({ resources: { requests, limits } }))];
    expect(check(HC_K8S_8, res({ cpu: '1', memory: '1Gi' }, { cpu: '1000m', memory: '1024Mi' }))).toEqual([]);
    expect(check(HC_K8S_8, res({ cpu: '0.5', memory: '1e3' }, { cpu: '500m', memory: '1k' }))).toEqual([]);
    expect(check(HC_K8S_8, res({ cpu: '${var.cpu}', memory: '1G' }, { cpu: '${var.cpu}', memory: '1Gi' }))).toEqual([
      { ...CONTAINER_AT, message: "Deployment 'web' (container 'app') has memory request 1G but limit 1Gi; set resources.requests equal to resources.limits for cpu and memory." },
    ]);
  });

  test('HC-K8S-9: images pinned by digest (a tag is not enough); a warning', () => {
    expect(HC_K8S_9.level).toBe('warning');
    expect(check(HC_K8S_9, [deployment()])).toEqual([]);
    expect(check(HC_K8S_9, [deployment(secureContainer({ image: 'registry.example.com/app:1.0' }))])).toEqual([
      { ...CONTAINER_AT, message: "Deployment 'web' (container 'app') uses image \"registry.example.com/app:1.0\", not pinned by digest; use the image's digest, e.g. \"registry/app:1.4.2@sha256:<64 hex digits>\"." },
    ]);
  });

  test('HC-K8S-10: no 0.0.0.0/0 or ::/0 in a network policy', () => {
    const policy = (cidrs: string[]): SynthesizedResource => ({
      type: 'kubernetes_network_policy_v1',
      name: 'p',
      path: 'site/web/policy',
      config: { metadata: { name: 'web', namespace: 'apps' }, spec: { pod_selector: {}, policy_types: ['Egress'], egress: [{ to: cidrs.map((cidr) => ({ ip_block: { cidr } })) }], ingress: { from: [{ ip_block: { cidr: '::/0' } }] } } },
    });
    expect(check(HC_K8S_10, [{ ...policy(['10.0.0.0/8']), config: { spec: { egress: [{ to: [{ ip_block: { cidr: '10.0.0.0/8' } }] }] } } }])).toEqual([]);
    expect(check(HC_K8S_10, [policy(['10.0.0.0/8', '0.0.0.0/0'])])).toEqual([
      { path: 'site/web/policy', message: "NetworkPolicy 'web' in namespace 'apps' allows ingress from ::/0, egress to 0.0.0.0/0; list the CIDR blocks the workload needs (its pools, its miners' network) instead." },
    ]);
  });

  test('HC-K8S-10: a /0 block in any spelling and a rule without peers are open to anywhere', () => {
    const policy = (spec: Record<string, unknown>): SynthesizedResource => ({
      type: 'kubernetes_network_policy_v1',
      name: 'p',
      path: 'site/web/policy',
      config: { metadata: { name: 'web', namespace: 'apps' }, spec: { pod_selector: {}, policy_types: ['Ingress', 'Egress'], ...spec } },
    });
    const to = (cidr: string) => ({ egress: [{ to: [{ ip_block: { cidr } }] }] });
    const message = (what: string) => `NetworkPolicy 'web' in namespace 'apps' allows ${what}; list the CIDR blocks the workload needs (its pools, its miners' network) instead.`;
    for (const cidr of ['::0/0', '10.0.0.0/0', '0:0:0:0:0:0:0:0/0', '192.168.1.1/00']) {
      expect(check(HC_K8S_10, [policy(to(cidr))])).toEqual([{ path: 'site/web/policy', message: message(`egress to ${cidr}`) }]);
    }
    expect(check(HC_K8S_10, [policy({ ingress: [{ ports: [{ port: '443' }] }], egress: [{ ports: [{ port: '53', protocol: 'UDP' }] }] })])).toEqual([
      { path: 'site/web/policy', message: message('ingress from anywhere (a rule with no from), egress to anywhere (a rule with no to)') },
    ]);
    expect(check(HC_K8S_10, [policy({ ...to('10.0.0.0/8'), ingress: [{ from: [{ pod_selector: {} }] }] })])).toEqual([]);
    expect(check(HC_K8S_10, [policy(to('::1/128'))])).toEqual([]);
  });

  test('HC-K8S-11: Secret data from sensitive variables without a default passes; literals, data_wo and defaults fail; not suppressible', () => {
    expect(HC_K8S_11.suppressible).toBe(false);
    const secret = (config: Record<string, unknown>): SynthesizedResource => ({ type: 'kubernetes_secret_v1', name: 's', path: 'site/pool-credentials', config: { metadata: { name: 'pool', namespace: 'mining' }, ...config } });
    const variables = [{ name: 'pool_password', sensitive: true }, { name: 'pool_user', sensitive: false }, { name: 'api_key', sensitive: true, hasDefault: true }];
    expect(check(HC_K8S_11, [secret({ data: { password: '${var.pool_password}' }, data_wo: { token: '${var.pool_password}' } })], variables)).toEqual([]);
    expect(check(HC_K8S_11, [secret({ data: { password: 'hunter2', username: '${var.pool_user}' }, data_wo: { token: 'abc' }, binary_data_wo: { cert: 'Zm9v' } })], variables)).toEqual([
      {
        path: 'site/pool-credentials',
        target: 'not from a sensitive variable',
        message:
          "Secret 'pool' in namespace 'mining' has keys cert (binary_data_wo), password, token (data_wo), username not read from a sensitive Terraform variable; fill each key from a TerraformVariable with sensitive: true (set by TF_VAR_<name>), never a literal.",
      },
    ]);
    expect(check(HC_K8S_11, [secret({ data: { key: '${var.api_key}' } })], variables)).toEqual([
      {
        path: 'site/pool-credentials',
        target: 'sensitive variable with a default',
        message:
          "Secret 'pool' in namespace 'mining' has key key (var.api_key) read from a sensitive variable with a default, which cdk.tf.json holds in the clear; remove the default and set the value with TF_VAR_<name>.",
      },
    ]);
  });

  test('HC-K8S-14: a kubernetes_manifest object is reported as not judged (a warning); typed resources are not', () => {
    expect(HC_K8S_14.level).toBe('warning');
    expect(check(HC_K8S_14, [deployment(), namespace('apps')])).toEqual([]);
    const manifest = (name: string, object: unknown): SynthesizedResource => ({ type: 'kubernetes_manifest', name, path: `site/${name}`, config: { manifest: object } });
    expect(
      check(HC_K8S_14, [
        manifest('root_pod', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'privileged', namespace: 'apps' } }),
        manifest('by_token', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: '${var.name}' } }),
        manifest('opaque', '${var.manifest}'),
      ]),
    ).toEqual([
      {
        path: 'site/root_pod',
        target: 'kubernetes_manifest.root_pod',
        message:
          "kubernetes_manifest 'root_pod' (Deployment 'privileged') is not judged by the Kubernetes baseline, whose rules read the provider's typed resources; " +
          'write it with the typed class (e.g. DeploymentV1), or review it by hand and record that in a suppression of HC-K8S-14.',
      },
      {
        path: 'site/by_token',
        target: 'kubernetes_manifest.by_token',
        message:
          "kubernetes_manifest 'by_token' (ConfigMap '${var.name}') is not judged by the Kubernetes baseline, whose rules read the provider's typed resources; " +
          'write it with the typed class (e.g. DeploymentV1), or review it by hand and record that in a suppression of HC-K8S-14.',
      },
      {
        path: 'site/opaque',
        target: 'kubernetes_manifest.opaque',
        message:
          "kubernetes_manifest 'opaque' (object (name not known at synth)) is not judged by the Kubernetes baseline, whose rules read the provider's typed resources; " +
          'write it with the typed class (e.g. DeploymentV1), or review it by hand and record that in a suppression of HC-K8S-14.',
      },
    ]);
  });

  test('HC-K8S-13: credential-named literals and URLs with a password in env fail, one finding per variable; file paths pass; suppressible', () => {
    expect(HC_K8S_13.suppressible).not.toBe(false);
    const env = (vars: { name: string; value?: string }[]) => [deployment(secureContainer({ env: vars }))];
    expect(
      check(HC_K8S_13, env([
        { name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/var/run/creds/key.json' },
        { name: 'AUTH_URL', value: 'https://auth.example.com/token' },
        { name: 'PORT', value: '80' },
        { name: 'BYPASS_CACHE', value: 'true' },
        { name: 'API_TOKEN' },
      ])),
    ).toEqual([]);
    const literal = (name: string) => ({
      path: 'site/web/deployment',
      target: `container 'app' env ${name}`,
      message: `Deployment 'web' (container 'app') sets environment variable ${name} to a literal value; read it from a Secret (valueFrom.secretKeyRef) filled from a sensitive Terraform variable.`,
    });
    expect(
      check(HC_K8S_13, env([
        { name: 'DB_PASSWORD', value: 'hunter2' },
        { name: 'DB_PASS', value: 'hunter2' },
        { name: 'MYSQL_PWD', value: 'hunter2' },
        { name: 'BASIC_AUTH', value: 'user:hunter2' },
        { name: 'POOL_URL', value: 'stratum+tcp://worker:hunter2@pool.example.com:3333' },
      ])),
    ).toEqual([
      literal('DB_PASSWORD'),
      literal('DB_PASS'),
      literal('MYSQL_PWD'),
      literal('BASIC_AUTH'),
      {
        path: 'site/web/deployment',
        target: "container 'app' env POOL_URL",
        message: "Deployment 'web' (container 'app') sets environment variable POOL_URL to a URL with a password in it; keep the URL without credentials and read the password from a Secret (valueFrom.secretKeyRef).",
      },
    ]);
  });

  test('HC-K8S-12: GPU requests (pods x GPUs per pod) within the namespace quota', () => {
    const quota: SynthesizedResource = { type: 'kubernetes_resource_quota_v1', name: 'q', path: 'site/hall/quota', config: { metadata: { name: 'gpu-quota', namespace: 'hall' }, spec: { hard: { 'requests.nvidia.com/gpu': '8' } } } };
    const gpu = (n: string) => secureContainer({ resources: { requests: { cpu: '1', memory: '1Gi', 'nvidia.com/gpu': n }, limits: { cpu: '1', memory: '1Gi', 'nvidia.com/gpu': n } } });
    expect(check(HC_K8S_12, [quota, deployment(gpu('4'), { ns: 'hall', replicas: '2' })])).toEqual([]);
    expect(check(HC_K8S_12, [quota, deployment(gpu('4'), { ns: 'hall', replicas: '3' })])).toEqual([
      { path: 'site/web/deployment', target: "namespace 'hall'", message: "namespace 'hall' requests 12 GPUs (Deployment 'web' 3 x 4) but its quota requests.nvidia.com/gpu is 8: 4 too many; lower replicas, parallelism or GPUs per pod." },
    ]);
    expect(check(HC_K8S_12, [deployment(gpu('1'), { ns: 'apps', replicas: '1' })])).toEqual([
      { path: 'site/web/deployment', target: "namespace 'apps'", message: "namespace 'apps' runs GPU workloads (Deployment 'web' 1 x 1) but has no ResourceQuota on requests.nvidia.com/gpu; run them in a hall's namespace (GpuHall.namespace), which caps GPUs at the hall's." },
    ]);
  });

  test('HC-K8S-12: a quota, replica count or GPU count synth cannot read as a number is reported, never passed', () => {
    const quota = (hard: string): SynthesizedResource => ({ type: 'kubernetes_resource_quota_v1', name: 'q', path: 'site/hall/quota', config: { metadata: { name: 'gpu-quota', namespace: 'hall' }, spec: { hard: { 'requests.nvidia.com/gpu': hard } } } });
    const gpu = (n: string) => secureContainer({ resources: { requests: { cpu: '1', memory: '1Gi', 'nvidia.com/gpu': n }, limits: { cpu: '1', memory: '1Gi', 'nvidia.com/gpu': n } } });
    const unreadable = (what: string) => ({
      path: 'site/web/deployment',
      target: "namespace 'hall' unreadable",
      message: `namespace 'hall': ${what} is not a number synth can read, so its GPU requests cannot be checked against its quota; write it as a number.`,
    });
    expect(check(HC_K8S_12, [quota('8'), deployment(gpu('4'), { ns: 'hall', replicas: '${var.replicas}' })])).toEqual([unreadable(`Deployment 'web' pods = "\${var.replicas}"`)]);
    expect(check(HC_K8S_12, [quota('8'), deployment(gpu('${var.gpus}'), { ns: 'hall', replicas: '1' })])).toEqual([unreadable(`Deployment 'web' GPUs per container = "\${var.gpus}"`)]);
    expect(check(HC_K8S_12, [quota('${var.quota}'), deployment(gpu('4'), { ns: 'hall', replicas: '3' })])).toEqual([
      { ...unreadable(`ResourceQuota 'gpu-quota' requests.nvidia.com/gpu = "\${var.quota}"`), path: 'site/hall/quota' },
    ]);
    // A token replica count on a workload without GPUs is not this rule's concern.
    expect(check(HC_K8S_12, [quota('8'), deployment(secureContainer(), { ns: 'hall', replicas: '${var.replicas}' })])).toEqual([]);
  });

  test('a container meeting the baseline in a restricted, default-deny namespace passes every rule', () => {
    const all = [namespace('apps'), defaultDeny('apps'), deployment()];
    expect(KUBERNETES_BASELINE.rules.flatMap((r) => check(r, all))).toEqual([]);
  });
});
