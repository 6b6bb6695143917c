/** HC-K8S-7: containers run under the runtime's default seccomp profile. */
import type { Rule } from '../rule';
import { block, containers, describe } from './kubernetes-resources';

const ALLOWED = new Set(['RuntimeDefault', 'Localhost']);

export const HC_K8S_7: Rule = {
  id: 'HC-K8S-7',
  statement: 'Every container runs with seccomp profile RuntimeDefault (or Localhost), set on the container or its pod.',
  source: 'Kubernetes Pod Security Standards, "restricted" profile: Seccomp',
  helpUri: 'https://kubernetes.io/docs/tutorials/security/seccomp/',
  level: 'error',
  check: ({ resources }) =>
    containers(resources).flatMap((c) => {
      const own = block(block(c.container.security_context)?.seccomp_profile)?.type;
      const pod = block(block(c.template.spec.security_context)?.seccomp_profile)?.type;
      const effective = own ?? pod;
      if (typeof effective === 'string' && ALLOWED.has(effective)) return [];
      const found = effective === undefined ? 'has no seccomp profile (nor does its pod)' : `has seccomp profile ${String(effective)}`;
      return [{ path: c.template.resource.path, target: c.target, message: `${describe(c)} ${found}; set securityContext.seccompProfile.type RuntimeDefault on the pod or the container.` }];
    }),
};
