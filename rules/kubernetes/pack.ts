/** Pack 1: the Kubernetes baseline hybrid-campus applies to every workload, as rules over the synthesized resources. */
import type { RulePack } from '../rule';
import { HC_K8S_1 } from './HC-K8S-1';
import { HC_K8S_2 } from './HC-K8S-2';
import { HC_K8S_3 } from './HC-K8S-3';
import { HC_K8S_4 } from './HC-K8S-4';
import { HC_K8S_5 } from './HC-K8S-5';
import { HC_K8S_6 } from './HC-K8S-6';
import { HC_K8S_7 } from './HC-K8S-7';
import { HC_K8S_8 } from './HC-K8S-8';
import { HC_K8S_9 } from './HC-K8S-9';
import { HC_K8S_10 } from './HC-K8S-10';
import { HC_K8S_11 } from './HC-K8S-11';
import { HC_K8S_12 } from './HC-K8S-12';
import { HC_K8S_13 } from './HC-K8S-13';
import { HC_K8S_14 } from './HC-K8S-14';

export const KUBERNETES_BASELINE: RulePack = {
  name: 'hybrid-campus/kubernetes-baseline',
  description:
    'The hardening hybrid-campus workloads get by default (Pod Security "restricted", default-deny networking, pinned images, no literal secrets, GPU quotas), ' +
    'checked on every Kubernetes resource of the stack, including ones added with the provider classes directly (a free-form kubernetes_manifest is reported as not judged).',
  rules: [HC_K8S_1, HC_K8S_2, HC_K8S_3, HC_K8S_4, HC_K8S_5, HC_K8S_6, HC_K8S_7, HC_K8S_8, HC_K8S_9, HC_K8S_10, HC_K8S_11, HC_K8S_12, HC_K8S_13, HC_K8S_14],
};
