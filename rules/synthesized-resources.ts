/**
 * The stack's resources as plain data, read from the Terraform JSON the stack synthesizes
 * (`stack.toTerraform()`, the content of cdk.tf.json): each resource's type, logical name,
 * construct path (`//.metadata.path`) and arguments without the `//` metadata.
 */
import type { SynthesizedResource, SynthesizedVariable } from './rule';

type Json = Record<string, unknown>;

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Every resource of a Terraform JSON document, in document order (type, then name). */
export function synthesizedResources(terraform: unknown): SynthesizedResource[] {
  const out: SynthesizedResource[] = [];
  const resources = isObject(terraform) && isObject(terraform.resource) ? terraform.resource : {};
  for (const [type, byName] of Object.entries(resources)) {
    if (!isObject(byName)) continue;
    for (const [name, body] of Object.entries(byName)) {
      if (!isObject(body)) continue;
      const { '//': meta, ...config } = body;
      const metadata = isObject(meta) && isObject(meta.metadata) ? meta.metadata : {};
      out.push({ type, name, path: typeof metadata.path === 'string' ? metadata.path : '', config });
    }
  }
  return out;
}

/** Every variable of a Terraform JSON document, with whether Terraform treats it as sensitive and whether it has a default. */
export function synthesizedVariables(terraform: unknown): SynthesizedVariable[] {
  const variables = isObject(terraform) && isObject(terraform.variable) ? terraform.variable : {};
  return Object.entries(variables).map(([name, body]) => ({
    name,
    sensitive: isObject(body) && body.sensitive === true,
    hasDefault: isObject(body) && body.default !== undefined && body.default !== null,
  }));
}
