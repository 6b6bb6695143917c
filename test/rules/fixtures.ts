/** Synthesized resources as the Kubernetes provider writes them, for the rule tests. */
import type { RuleSubjects, SynthesizedResource, SynthesizedVariable } from '../../rules/rule';
import type { TimelineEvaluation } from '../../domain/evaluate';
import type { CampusModel } from '../../domain/model';

export const DIGEST = `sha256:${'a'.repeat(64)}`;

export function namespace(name: string, labels: Record<string, string> = { 'pod-security.kubernetes.io/enforce': 'restricted' }): SynthesizedResource {
  return { type: 'kubernetes_namespace_v1', name: `ns_${name}`, path: `site/ns-${name}`, config: { metadata: { name, labels } } };
}

export function defaultDeny(ns: string): SynthesizedResource {
  return {
    type: 'kubernetes_network_policy_v1',
    name: `deny_${ns}`,
    path: `site/ns-${ns}/default-deny`,
    config: { metadata: { name: 'default-deny', namespace: ns }, spec: { pod_selector: {}, policy_types: ['Ingress', 'Egress'] } },
  };
}

/** A container meeting every rule of the baseline. */
export function secureContainer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'app',
    image: `registry.example.com/app:1.0@${DIGEST}`,
    resources: { requests: { cpu: '500m', memory: '256Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
    security_context: {
      allow_privilege_escalation: false,
      read_only_root_filesystem: true,
      run_as_non_root: true,
      capabilities: { drop: ['ALL'] },
      seccomp_profile: { type: 'RuntimeDefault' },
    },
    ...overrides,
  };
}

export function deployment(container: Record<string, unknown> = secureContainer(), opts: { ns?: string; replicas?: string; podSecurity?: Record<string, unknown> } = {}): SynthesizedResource {
  return {
    type: 'kubernetes_deployment_v1',
    name: 'web_deployment',
    path: 'site/web/deployment',
    config: {
      metadata: { name: 'web', namespace: opts.ns ?? 'apps' },
      spec: {
        replicas: opts.replicas ?? '2',
        template: { metadata: {}, spec: { security_context: opts.podSecurity ?? { run_as_non_root: true, seccomp_profile: { type: 'RuntimeDefault' } }, container: [container] } },
      },
    },
  };
}

export function subjects(resources: SynthesizedResource[], variables: SynthesizedVariable[] = []): RuleSubjects {
  const campus = { name: 'site', path: 'site' } as unknown as CampusModel;
  return { campus, timeline: { campus, states: [] } as unknown as TimelineEvaluation, resources, variables };
}
