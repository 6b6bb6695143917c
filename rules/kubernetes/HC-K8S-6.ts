/** HC-K8S-6: containers drop every Linux capability. */
import type { Rule } from '../rule';
import { block, containers, describe } from './kubernetes-resources';

/** The one capability the restricted profile lets a container add back. */
const ALLOWED_ADD = new Set(['NET_BIND_SERVICE']);

export const HC_K8S_6: Rule = {
  id: 'HC-K8S-6',
  statement: 'Every container drops ALL capabilities and adds back none but NET_BIND_SERVICE.',
  source: 'Kubernetes Pod Security Standards, "restricted" profile: Capabilities',
  helpUri: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
  level: 'error',
  check: ({ resources }) =>
    containers(resources).flatMap((c) => {
      const caps = block(block(c.container.security_context)?.capabilities) ?? {};
      const drop = Array.isArray(caps.drop) ? caps.drop.map(String) : [];
      const add = (Array.isArray(caps.add) ? caps.add.map(String) : []).filter((a) => !ALLOWED_ADD.has(a));
      const problems: string[] = [];
      if (!drop.includes('ALL')) problems.push(drop.length === 0 ? 'drops no capabilities' : `drops only ${drop.join(', ')}`);
      if (add.length > 0) problems.push(`adds ${add.join(', ')}`);
      if (problems.length === 0) return [];
      return [{ path: c.template.resource.path, target: c.target, message: `${describe(c)} ${problems.join(' and ')}; set securityContext.capabilities.drop ["ALL"] and add none (NET_BIND_SERVICE at most).` }];
    }),
};
