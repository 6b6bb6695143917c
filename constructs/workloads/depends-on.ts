/**
 * Dependencies between the Kubernetes resources of a campus, without a token per edge.
 *
 * cdktf turns each entry of a resource's `dependsOn` config into a token (`dependable()`), and
 * every token captures a full stack trace when it is created: a campus has about one dependency
 * per resource, so that is about one extra stack trace per resource. `dependOn` instead gives
 * the resource a `dependsOn` that cdktf reads when it writes the stack: the Terraform addresses
 * ("kubernetes_namespace_v1.<logical id>", exactly what those tokens resolve to), computed then,
 * so a logical id overridden after the resources are made still counts. Assigning `dependsOn`
 * later replaces the list, as it does on any resource.
 */
import type { TerraformResource } from 'cdktf';

/** Makes `resource` depend on `targets` (resources of the same stack), in that order. */
export function dependOn(resource: TerraformResource, targets: readonly TerraformResource[]): void {
  const addresses = [...targets];
  Object.defineProperty(resource, 'dependsOn', {
    configurable: true,
    enumerable: true,
    get: () => addresses.map((target) => `${target.terraformResourceType}.${target.friendlyUniqueId}`),
    set: (value: string[] | undefined) => Object.defineProperty(resource, 'dependsOn', { value, writable: true, configurable: true, enumerable: true }),
  });
}
