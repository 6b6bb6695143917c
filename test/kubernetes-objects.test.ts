import { Testing } from 'cdktf';
import { ercot300 } from '../examples/ercot-300';
import { retrofit } from '../examples/retrofit';
import { kubernetesFieldNames, kubernetesResources, toKubernetesObject, validateKubernetesObject } from './kubernetes-objects';

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

const deployment = (replicas: string, cpu: string) => ({
  metadata: { name: 'proxy', namespace: 'site-mining', labels: { 'app.kubernetes.io/name': 'proxy' } },
  spec: {
    replicas,
    selector: { match_labels: { 'app.kubernetes.io/name': 'proxy' } },
    template: {
      metadata: { labels: { 'app.kubernetes.io/name': 'proxy' } },
      spec: {
        security_context: { run_as_user: '65532' },
        container: [{ name: 'main', image: 'proxy:1.0', port: [{ container_port: 3333 }], resources: { limits: { cpu } } }],
      },
    },
  },
  wait_for_rollout: false,
  depends_on: ['kubernetes_namespace_v1.ns'],
});

describe('provider resource -> Kubernetes object', () => {
  test('converts the Terraform schema to the Kubernetes object it describes', () => {
    expect(toKubernetesObject('kubernetes_deployment_v1', deployment('2', '500m'))).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'proxy', namespace: 'site-mining', labels: { 'app.kubernetes.io/name': 'proxy' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { 'app.kubernetes.io/name': 'proxy' } },
        template: {
          metadata: { labels: { 'app.kubernetes.io/name': 'proxy' } },
          spec: {
            securityContext: { runAsUser: 65532 },
            containers: [{ name: 'main', image: 'proxy:1.0', ports: [{ containerPort: 3333 }], resources: { limits: { cpu: '500m' } } }],
          },
        },
      },
    });
  });

  test('a valid object passes the Kubernetes schema', () => {
    expect(() => validateKubernetesObject('kubernetes_deployment_v1', deployment('2', '500m'))).not.toThrow();
  });

  test('a field of the wrong type fails the Kubernetes schema', () => {
    expect(errorOf(() => validateKubernetesObject('kubernetes_deployment_v1', deployment('two', '500m')))).toBe(
      'data/spec/replicas must be integer',
    );
  });

  test('an invalid quantity fails the Kubernetes schema', () => {
    expect(errorOf(() => validateKubernetesObject('kubernetes_deployment_v1', deployment('1', 'half a core')))).toContain(
      'data/spec/template/spec/containers/0/resources/limits/cpu must match format "quantity"',
    );
  });

  test('a missing required field fails the Kubernetes schema', () => {
    const noSelector = deployment('1', '1');
    delete (noSelector.spec as { selector?: unknown }).selector;
    expect(errorOf(() => validateKubernetesObject('kubernetes_deployment_v1', noSelector))).toBe('data/spec must have required property selector');
  });

  test('a provider key the converter does not know is an error, not silently ignored', () => {
    const odd = { metadata: { name: 'x' }, spec: { template: { spec: { some_new_block: [{}] } } } };
    expect(errorOf(() => toKubernetesObject('kubernetes_job_v1', odd))).toBe("no Kubernetes field 'someNewBlock' for the provider key 'some_new_block' (under 'spec')");
  });

  test('a repeated block left in the singular is caught (Kubernetes has no such field)', () => {
    const job = { metadata: { name: 'x' }, spec: { template: { spec: { volume_mountz: [{}] } } } };
    expect(errorOf(() => toKubernetesObject('kubernetes_job_v1', job))).toBe("no Kubernetes field 'volumeMountz' for the provider key 'volume_mountz' (under 'spec')");
    expect([...['containers', 'tolerations', 'volumeMounts', 'nodeSelectorTerms', 'matchLabels']].every((f) => kubernetesFieldNames().has(f))).toBe(true);
    expect(['toleration', 'volumeMount', 'nodeSelectorTerm'].filter((f) => kubernetesFieldNames().has(f))).toEqual([]);
  });

  test("a Secret's data is the object's stringData (the provider base64-encodes it)", () => {
    expect(toKubernetesObject('kubernetes_secret_v1', { metadata: { name: 's' }, type: 'Opaque', data: { pass_word: '${var.x}' } })).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      type: 'Opaque',
      stringData: { pass_word: '${var.x}' },
    });
  });
});

describe('the bundled examples', () => {
  test.each([
    ['ercot-300', ercot300],
    ['nyiso-retrofit', retrofit],
  ])('every Kubernetes object of %s is valid against the Kubernetes OpenAPI schema', (_, build) => {
    const { campus } = build(Testing.app());
    const resources = kubernetesResources(Testing.synth(campus, true));
    const kinds = new Set<string>();
    for (const [type, name, resource] of resources) {
      try {
        kinds.add(String(validateKubernetesObject(type, resource).kind));
      } catch (e) {
        throw new Error(`${type}.${name}: ${(e as Error).message}`);
      }
    }
    expect([...kinds].sort()).toEqual(
      ['ConfigMap', 'Deployment', 'Job', 'LimitRange', 'Namespace', 'NetworkPolicy', 'PodDisruptionBudget', 'PriorityClass', 'ResourceQuota', 'Secret', 'Service'],
    );
  });
});
