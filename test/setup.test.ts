/**
 * test/setup.ts installs cdktf's jest matchers lazily: they still pass and fail as cdktf's own.
 */
import { Testing } from 'cdktf';
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';

const synthesized = Testing.synthScope((stack) => {
  new KubernetesProvider(stack, 'k8s', { configPath: '~/.kube/config' });
  new NamespaceV1(stack, 'ns', { metadata: { name: 'mining' } });
});

test('toHaveResource and toHaveResourceWithProperties pass on a resource the stack has, and fail on one it lacks', () => {
  expect(synthesized).toHaveResource(NamespaceV1);
  expect(synthesized).toHaveResourceWithProperties(NamespaceV1, { metadata: { name: 'mining' } });
  expect(synthesized).not.toHaveResource(ConfigMapV1);
  expect(() => expect(synthesized).toHaveResource(ConfigMapV1)).toThrow('Expected kubernetes_config_map_v1 with properties {} to be present in synthesized stack.');
  expect(() => expect(synthesized).toHaveResourceWithProperties(NamespaceV1, { metadata: { name: 'ai' } })).toThrow(/Expected kubernetes_namespace_v1 with properties/);
});

test('toHaveProviderWithProperties passes on the stack\'s provider settings and fails on others', () => {
  expect(synthesized).toHaveProviderWithProperties(KubernetesProvider, { config_path: '~/.kube/config' });
  expect(synthesized).not.toHaveProviderWithProperties(KubernetesProvider, { config_path: '/elsewhere' });
});
