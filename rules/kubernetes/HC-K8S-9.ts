/** HC-K8S-9: images are pinned by digest. */
import type { Rule } from '../rule';
import { containers, describe } from './kubernetes-resources';

/** An OCI digest reference: `@sha256:` and 64 lowercase hex digits. */
const DIGEST = /@sha256:[0-9a-f]{64}$/;

export const HC_K8S_9: Rule = {
  id: 'HC-K8S-9',
  statement: 'Every container image is pinned by digest (image@sha256:...), so what runs is what was reviewed.',
  source: 'NSA/CISA Kubernetes Hardening Guide v1.2 (2022), "Kubernetes Pod security": use trusted, verified images; Kubernetes "Images" (image digests)',
  helpUri: 'https://kubernetes.io/docs/concepts/containers/images/#image-names',
  level: 'warning',
  check: ({ resources }) =>
    containers(resources)
      .filter((c) => !DIGEST.test(String(c.container.image ?? '')))
      .map((c) => ({
        path: c.template.resource.path,
        target: c.target,
        message: `${describe(c)} uses image "${String(c.container.image ?? '')}", not pinned by digest; use the image's digest, e.g. "registry/app:1.4.2@sha256:<64 hex digits>".`,
      })),
};
