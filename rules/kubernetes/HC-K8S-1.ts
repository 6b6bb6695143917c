/** HC-K8S-1: every namespace enforces the Pod Security Standards `restricted` profile. */
import type { Rule } from '../rule';
import { isNamespace, metadataOf, objectName, stringEntries } from './kubernetes-resources';

export const PSA_ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';

export const HC_K8S_1: Rule = {
  id: 'HC-K8S-1',
  statement: `Every namespace enforces the Pod Security Standards "restricted" profile (label ${PSA_ENFORCE_LABEL}: restricted).`,
  source: 'Kubernetes Pod Security Admission and Pod Security Standards, "restricted" profile',
  helpUri: 'https://kubernetes.io/docs/concepts/security/pod-security-admission/',
  level: 'error',
  check: ({ resources }) =>
    resources.filter(isNamespace).flatMap((r) => {
      const value = stringEntries(metadataOf(r).labels).find(([k]) => k === PSA_ENFORCE_LABEL)?.[1];
      if (value === 'restricted') return [];
      const found = value === undefined ? `has no ${PSA_ENFORCE_LABEL} label` : `has ${PSA_ENFORCE_LABEL} = "${value}"`;
      return [{ path: r.path, message: `namespace '${objectName(r)}' ${found}; label it ${PSA_ENFORCE_LABEL}: restricted so the API server refuses pods that do not meet the restricted profile.` }];
    }),
};
