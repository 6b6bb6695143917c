/** HC-K8S-4: containers have a read-only root filesystem. */
import type { Rule } from '../rule';
import { block, containers, describe } from './kubernetes-resources';

export const HC_K8S_4: Rule = {
  id: 'HC-K8S-4',
  statement: 'Every container has a read-only root filesystem (readOnlyRootFilesystem true).',
  source: 'NSA/CISA Kubernetes Hardening Guide v1.2 (2022), "Kubernetes Pod security": immutable container file systems',
  helpUri: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
  level: 'error',
  check: ({ resources }) =>
    containers(resources)
      .filter((c) => block(c.container.security_context)?.read_only_root_filesystem !== true)
      .map((c) => ({
        path: c.template.resource.path,
        target: c.target,
        message: `${describe(c)} has a writable root filesystem; set securityContext.readOnlyRootFilesystem true and mount an emptyDir where it must write.`,
      })),
};
