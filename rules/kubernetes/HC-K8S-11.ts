/**
 * HC-K8S-11: no Secret's data is written in the clear into the Terraform configuration.
 *
 * Every key of `data`, `binary_data`, `data_wo` and `binary_data_wo` must be exactly one
 * reference to a sensitive Terraform variable without a default: a literal, a non-sensitive
 * variable or a sensitive variable's `default` all end up in cdk.tf.json, in the repository.
 * Not suppressible: a suppression cannot make a committed credential safe again. Credentials in
 * environment variables are HC-K8S-13's (a name heuristic, so that one can be suppressed).
 */
import type { Rule } from '../rule';
import { isSecret, namespaceOf, objectName, stringEntries } from './kubernetes-resources';

/** A value that is exactly one reference to a Terraform variable: `${var.name}`. */
const VARIABLE_REFERENCE = /^\$\{var\.([A-Za-z_][A-Za-z0-9_-]*)\}$/;

/** The Secret arguments that hold data, in the order a finding names them. */
const DATA_ARGUMENTS = ['data', 'binary_data', 'data_wo', 'binary_data_wo'] as const;

export const HC_K8S_11: Rule = {
  id: 'HC-K8S-11',
  statement: 'No literal secrets in Secret data: every key of a Secret comes from a sensitive Terraform variable without a default.',
  source: 'NSA/CISA Kubernetes Hardening Guide v1.2 (2022), "Secrets"; CIS Kubernetes Benchmark 5.4.1 (prefer secrets as files or references over environment values)',
  helpUri: 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
  level: 'error',
  // A suppression cannot make a credential committed to the repository safe again.
  suppressible: false,
  check: ({ resources, variables = [] }) => {
    const safe = new Set(variables.filter((v) => v.sensitive && v.hasDefault !== true).map((v) => v.name));
    const withDefault = new Set(variables.filter((v) => v.sensitive && v.hasDefault === true).map((v) => v.name));
    return resources.filter(isSecret).flatMap((r) => {
      const keys: string[] = [];
      const defaults: string[] = [];
      for (const argument of DATA_ARGUMENTS) {
        for (const [key, value] of stringEntries(r.config[argument])) {
          const variable = VARIABLE_REFERENCE.exec(value)?.[1];
          const name = argument === 'data' ? key : `${key} (${argument})`;
          if (variable !== undefined && safe.has(variable)) continue;
          if (variable !== undefined && withDefault.has(variable)) defaults.push(`${name} (var.${variable})`);
          else keys.push(name);
        }
      }
      const out = [];
      if (keys.length > 0) {
        keys.sort();
        out.push({
          path: r.path,
          target: 'not from a sensitive variable',
          message:
            `Secret '${objectName(r)}' in namespace '${namespaceOf(r)}' has ${keys.length === 1 ? 'key' : 'keys'} ${keys.join(', ')} not read from a sensitive Terraform variable; ` +
            'fill each key from a TerraformVariable with sensitive: true (set by TF_VAR_<name>), never a literal.',
        });
      }
      if (defaults.length > 0) {
        defaults.sort();
        out.push({
          path: r.path,
          target: 'sensitive variable with a default',
          message:
            `Secret '${objectName(r)}' in namespace '${namespaceOf(r)}' has ${defaults.length === 1 ? 'key' : 'keys'} ${defaults.join(', ')} read from a sensitive variable with a default, which cdk.tf.json holds in the clear; ` +
            'remove the default and set the value with TF_VAR_<name>.',
        });
      }
      return out;
    });
  },
};
