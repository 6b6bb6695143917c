/** HC-K8S-5: containers cannot escalate privileges. */
import type { Rule } from '../rule';
import { block, containers, describe } from './kubernetes-resources';

export const HC_K8S_5: Rule = {
  id: 'HC-K8S-5',
  statement: 'Every container sets allowPrivilegeEscalation false.',
  source: 'Kubernetes Pod Security Standards, "restricted" profile: Privilege Escalation',
  helpUri: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
  level: 'error',
  check: ({ resources }) =>
    containers(resources).flatMap((c) => {
      const value = block(c.container.security_context)?.allow_privilege_escalation;
      if (value === false) return [];
      const found = value === true ? 'sets allowPrivilegeEscalation true' : 'does not set allowPrivilegeEscalation (Kubernetes then allows it)';
      return [{ path: c.template.resource.path, target: c.target, message: `${describe(c)} ${found}; set securityContext.allowPrivilegeEscalation false.` }];
    }),
};
