/** HC-K8S-3: containers run as a non-root user. */
import type { Rule } from '../rule';
import { block, containers, describe } from './kubernetes-resources';

export const HC_K8S_3: Rule = {
  id: 'HC-K8S-3',
  statement: 'Every container runs as non-root: runAsNonRoot true on the container, or on the pod and not overridden by the container.',
  source: 'Kubernetes Pod Security Standards, "restricted" profile: Running as Non-root',
  helpUri: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
  level: 'error',
  check: ({ resources }) =>
    containers(resources).flatMap((c) => {
      const own = block(c.container.security_context)?.run_as_non_root;
      const pod = block(c.template.spec.security_context)?.run_as_non_root;
      if (own === true || (own === undefined && pod === true)) return [];
      const found = own === false ? 'sets runAsNonRoot false' : 'does not set runAsNonRoot (nor does its pod)';
      return [{ path: c.template.resource.path, target: c.target, message: `${describe(c)} ${found}; set securityContext.runAsNonRoot true and a non-zero runAsUser.` }];
    }),
};
