/**
 * Properties every synthesized campus must have, checked on the files the bundled examples write:
 * secure containers, default-deny namespaces, mining/AI isolation, and no secret in cdk.tf.json.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { imagePinProblem } from '../constructs/workloads/kubernetes-values';
import { ercot300 } from '../examples/ercot-300';
import { retrofit } from '../examples/retrofit';
import { synthCampusApp } from '../stacks/run-campus-app';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const app = Testing.app();
ercot300(app);
retrofit(app);
synthCampusApp(app, { stdout: () => undefined, stderr: () => undefined });
const SITES = ['ercot-300', 'nyiso-retrofit'];
const files = Object.fromEntries(SITES.map((s) => [s, fs.readFileSync(path.join(app.outdir, 'stacks', s, 'cdk.tf.json'), 'utf8')]));
const docs: Record<string, Obj> = Object.fromEntries(SITES.map((s) => [s, JSON.parse(files[s])]));

function resources(site: string, type: string): Obj[] {
  return Object.values(docs[site].resource[type] ?? {});
}

function podSpecs(site: string): [string, Obj][] {
  return [
    ...resources(site, 'kubernetes_deployment_v1').map((d): [string, Obj] => [`Deployment ${d.metadata.name}`, d.spec.template.spec]),
    ...resources(site, 'kubernetes_job_v1').map((j): [string, Obj] => [`Job ${j.metadata.name}`, j.spec.template.spec]),
  ];
}

describe.each(SITES)('%s', (site) => {
  test('has workloads on both sides', () => {
    const names = podSpecs(site).map(([name]) => name);
    expect(names.length).toBeGreaterThanOrEqual(4);
    expect(resources(site, 'kubernetes_deployment_v1').some((d) => d.metadata.labels['hybrid-campus/workload-class'] === 'mining')).toBe(true);
    expect(resources(site, 'kubernetes_deployment_v1').some((d) => d.metadata.labels['hybrid-campus/workload-class'] === 'ai')).toBe(true);
    expect(resources(site, 'kubernetes_config_map_v1').map((c) => c.metadata.name)).toEqual(['curtailment-plan']);
  });

  test('every container is pinned, sized and locked down', () => {
    for (const [name, pod] of podSpecs(site)) {
      expect([name, pod.automount_service_account_token, pod.security_context.run_as_non_root, pod.security_context.seccomp_profile]).toEqual([
        name, false, true, { type: 'RuntimeDefault' },
      ]);
      for (const c of pod.container) {
        expect([name, imagePinProblem(c.image)]).toEqual([name, undefined]);
        for (const kind of ['requests', 'limits']) {
          expect([name, kind, c.resources[kind].cpu, c.resources[kind].memory]).toEqual([name, kind, expect.stringMatching(/^\d+m$/), expect.stringMatching(/^\d+Mi$/)]);
        }
        expect([name, c.security_context]).toEqual([
          name,
          {
            run_as_non_root: true,
            read_only_root_filesystem: true,
            allow_privilege_escalation: false,
            privileged: false,
            capabilities: { drop: ['ALL'] },
            seccomp_profile: { type: 'RuntimeDefault' },
          },
        ]);
      }
    }
  });

  test('every namespace enforces Pod Security restricted and denies all traffic by default', () => {
    const namespaces = resources(site, 'kubernetes_namespace_v1').map((n) => n.metadata);
    const policies = resources(site, 'kubernetes_network_policy_v1');
    for (const ns of namespaces) {
      expect([ns.name, ns.labels['pod-security.kubernetes.io/enforce']]).toEqual([ns.name, 'restricted']);
      const deny = policies.find((p) => p.metadata.namespace === ns.name && p.metadata.name === 'default-deny');
      expect([ns.name, deny?.spec]).toEqual([ns.name, { pod_selector: {}, policy_types: ['Ingress', 'Egress'] }]);
    }
    // Every workload runs in one of them.
    const names = new Set(namespaces.map((n) => n.name));
    for (const type of ['kubernetes_deployment_v1', 'kubernetes_job_v1', 'kubernetes_service_v1', 'kubernetes_secret_v1', 'kubernetes_config_map_v1']) {
      for (const r of resources(site, type)) expect([type, r.metadata.name, names.has(r.metadata.namespace)]).toEqual([type, r.metadata.name, true]);
    }
  });

  test('mining and AI namespaces cannot reach each other: no rule admits a pod of another namespace, except DNS in kube-system', () => {
    const dns = { namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'kube-system' } }, pod_selector: { match_labels: { 'k8s-app': 'kube-dns' } } };
    const policies = resources(site, 'kubernetes_network_policy_v1');
    expect(policies.length).toBeGreaterThan(4);
    for (const p of policies) {
      for (const rule of p.spec.ingress ?? []) {
        for (const peer of rule.from) {
          // A peer without namespace_selector selects pods of the policy's own namespace only.
          expect([p.metadata.name, Object.keys(peer)]).toEqual([p.metadata.name, [expect.stringMatching(/^(ip_block|pod_selector)$/)]]);
        }
      }
      for (const rule of p.spec.egress ?? []) {
        for (const peer of rule.to) {
          if ('namespace_selector' in peer) expect([p.metadata.name, peer]).toEqual([p.metadata.name, dns]);
          else expect([p.metadata.name, Object.keys(peer)]).toEqual([p.metadata.name, [expect.stringMatching(/^(ip_block|pod_selector)$/)]]);
        }
      }
    }
  });

  test('no secret is written into cdk.tf.json: Secrets reference sensitive variables without defaults, and no literal credential appears', () => {
    const secrets = resources(site, 'kubernetes_secret_v1');
    expect(secrets.length).toBeGreaterThan(0);
    const variables = docs[site].variable as Obj;
    for (const secret of secrets) {
      for (const value of Object.values(secret.data) as string[]) {
        const name = /^\$\{var\.([a-z0-9_]+)\}$/.exec(value)?.[1];
        expect([value, name !== undefined]).toEqual([value, true]);
        expect([name, variables[name!].sensitive, 'default' in variables[name!]]).toEqual([name, true, false]);
      }
    }
    const text = files[site];
    expect(text).not.toMatch(/[a-z0-9+.-]+:\/\/[^/\s"@:]+:[^/\s"@]+@/i); // no user:password@ in any URL
    expect(text).not.toMatch(/"(password|passwd|pool_password|token|api_key)"\s*:\s*"(?!\$\{var\.)/i); // no literal under a credential key
  });
});

test('the checks above catch a literal credential (the regular expressions are not vacuous)', () => {
  expect('{"password": "hunter2"}').toMatch(/"(password|passwd|pool_password|token|api_key)"\s*:\s*"(?!\$\{var\.)/i);
  expect('"stratum+tcp://worker:s3cret@pool.example:3333"').toMatch(/[a-z0-9+.-]+:\/\/[^/\s"@:]+:[^/\s"@]+@/i);
});
