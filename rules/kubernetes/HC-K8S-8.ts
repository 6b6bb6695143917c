/** HC-K8S-8: CPU and memory requests equal limits (Guaranteed QoS). */
import type { Rule } from '../rule';
import { block, containers, describe, stringEntries } from './kubernetes-resources';
import { sameQuantity } from './quantity';

export const HC_K8S_8: Rule = {
  id: 'HC-K8S-8',
  statement: 'Every container sets CPU and memory requests equal to its limits, so its pod is in the Guaranteed QoS class.',
  source: 'hybrid-campus house policy, after Kubernetes "Pod Quality of Service Classes" (Guaranteed): firm loads are not evicted under node pressure',
  helpUri: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/#guaranteed',
  level: 'error',
  check: ({ resources }) =>
    containers(resources).flatMap((c) => {
      const res = block(c.container.resources) ?? {};
      const requests = new Map(stringEntries(res.requests));
      const limits = new Map(stringEntries(res.limits));
      const problems = ['cpu', 'memory'].flatMap((name) => {
        const request = requests.get(name);
        const limit = limits.get(name);
        if (limit === undefined) return [`no ${name} limit`];
        // Kubernetes takes the limit as the request when only the limit is given.
        // Compared as amounts: a request of 1 and a limit of 1000m are equal.
        if (request !== undefined && !sameQuantity(request, limit)) return [`${name} request ${request} but limit ${limit}`];
        return [];
      });
      if (problems.length === 0) return [];
      return [{ path: c.template.resource.path, target: c.target, message: `${describe(c)} has ${problems.join(', ')}; set resources.requests equal to resources.limits for cpu and memory.` }];
    }),
};
