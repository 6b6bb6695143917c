/** HC-K8S-11: no secret is written in the clear into the Terraform configuration. */
import type { Rule, RuleViolation } from '../rule';
import { blocks, containers, describe, isSecret, namespaceOf, objectName, stringEntries } from './kubernetes-resources';

/** Environment variable names that carry credentials (a case-insensitive match anywhere in the name). */
const SECRET_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL/i;
/** A value that is exactly one reference to a Terraform variable: `${var.name}`. */
const VARIABLE_REFERENCE = /^\$\{var\.([A-Za-z_][A-Za-z0-9_-]*)\}$/;

export const HC_K8S_11: Rule = {
  id: 'HC-K8S-11',
  statement: 'No literal secrets: credential-named environment variables come from a Secret, and Secret data comes from sensitive Terraform variables.',
  source: 'NSA/CISA Kubernetes Hardening Guide v1.2 (2022), "Secrets"; CIS Kubernetes Benchmark 5.4.1 (prefer secrets as files or references over environment values)',
  helpUri: 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
  level: 'error',
  // A suppression cannot make a credential committed to the repository safe again.
  suppressible: false,
  check: ({ resources, variables = [] }) => {
    const sensitive = new Set(variables.filter((v) => v.sensitive).map((v) => v.name));
    const fromEnv: RuleViolation[] = containers(resources).flatMap((c) =>
      blocks(c.container.env)
        .filter((e) => SECRET_NAME.test(String(e.name)) && e.value !== undefined && e.value !== '')
        .map((e) => ({
          path: c.template.resource.path,
          target: c.target,
          message: `${describe(c)} sets environment variable ${String(e.name)} to a literal value; read it from a Secret (valueFrom.secretKeyRef) filled from a sensitive Terraform variable.`,
        })),
    );
    const fromData: RuleViolation[] = resources.filter(isSecret).flatMap((r) => {
      const keys = [...stringEntries(r.config.data), ...stringEntries(r.config.binary_data)]
        .filter(([, value]) => !sensitive.has(VARIABLE_REFERENCE.exec(value)?.[1] ?? '\u0000'))
        .map(([key]) => key)
        .sort();
      if (keys.length === 0) return [];
      return [{
        path: r.path,
        message:
          `Secret '${objectName(r)}' in namespace '${namespaceOf(r)}' has ${keys.length === 1 ? 'key' : 'keys'} ${keys.join(', ')} not read from a sensitive Terraform variable; ` +
          'fill each key from a TerraformVariable with sensitive: true (set by TF_VAR_<name>), never a literal.',
      }];
    });
    return [...fromData, ...fromEnv];
  },
};
