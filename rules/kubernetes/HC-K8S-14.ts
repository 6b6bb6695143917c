/**
 * HC-K8S-14: no Kubernetes object escapes the baseline unjudged. A `kubernetes_manifest`
 * resource carries its object as free-form data, which the other rules of this pack do not read;
 * rather than pass it silently, the pack says so, so that a reviewer either rewrites it with the
 * provider's typed classes (judged by HC-K8S-1 to HC-K8S-13) or records in a suppression that it
 * was reviewed by hand.
 */
import type { Rule } from '../rule';

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** "Deployment 'web'", from the manifest's kind and metadata.name, as far as they are plain strings. */
function describeManifest(manifest: unknown): string {
  const kind = field(manifest, 'kind');
  const name = field(field(manifest, 'metadata'), 'name');
  const kindText = typeof kind === 'string' ? kind : 'object';
  return typeof name === 'string' ? `${kindText} '${name}'` : `${kindText} (name not known at synth)`;
}

export const HC_K8S_14: Rule = {
  id: 'HC-K8S-14',
  statement: 'Every Kubernetes object is judged by the baseline: a kubernetes_manifest (free-form) object is reported, since the other rules cannot read it.',
  source: 'house policy: a baseline that skips what it cannot read must say so (never a silent pass)',
  helpUri: 'https://registry.terraform.io/providers/hashicorp/kubernetes/latest/docs/resources/manifest',
  level: 'warning',
  check: ({ resources }) =>
    resources
      .filter((r) => r.type === 'kubernetes_manifest')
      .map((r) => ({
        path: r.path,
        target: `kubernetes_manifest.${r.name}`,
        message:
          `kubernetes_manifest '${r.name}' (${describeManifest(r.config.manifest)}) is not judged by the Kubernetes baseline, whose rules read the provider's typed resources; ` +
          `write it with the typed class (e.g. DeploymentV1), or review it by hand and record that in a suppression of HC-K8S-14.`,
      })),
};
