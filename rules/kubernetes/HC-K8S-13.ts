/**
 * HC-K8S-13: no credential is set as a literal environment variable of a container.
 *
 * Two signs of a credential: a credential-like name (PASSWORD, PASS, PWD, SECRET, TOKEN, AUTH,
 * API or private or access key, CREDENTIAL) with a literal value that is not a file path or a
 * URL without credentials (`GOOGLE_APPLICATION_CREDENTIALS=/var/run/creds/key.json` names a
 * mounted file, not a secret); and, under any name, a URL with a password in it
 * (`scheme://user:pass@host`). The name test is a heuristic, so the rule can be suppressed with a
 * reason; the Secret data rule (HC-K8S-11) cannot.
 */
import type { Rule, RuleViolation } from '../rule';
import { blocks, containers, describe } from './kubernetes-resources';

/** Credential-like environment variable names: these words anywhere, or PASS/PWD/AUTH as a word of the name. */
const SECRET_NAME = /PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL|(^|[_\-.])(PASS|PWD|AUTH)([_\-.]|$)/i;
/** A URL with user information holding a password: `scheme://user:password@host`. */
const URL_WITH_PASSWORD = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/@\s:]*:[^/@\s]+@/;
/** A file path (absolute, relative or home), which names where a credential is mounted. */
const FILE_PATH = /^(\/|\.\.?\/|~\/)[^\s]*$/;
/** A URL without user information. */
const PLAIN_URL = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^@\s]*$/;

export const HC_K8S_13: Rule = {
  id: 'HC-K8S-13',
  statement: 'No literal credentials in container environment variables: credential-named values and URLs with a password come from a Secret.',
  source: 'NSA/CISA Kubernetes Hardening Guide v1.2 (2022), "Secrets"; CIS Kubernetes Benchmark 5.4.1 (prefer secrets as files or references over environment values)',
  helpUri: 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
  level: 'error',
  check: ({ resources }) =>
    containers(resources).flatMap((c) =>
      blocks(c.container.env).flatMap((e): RuleViolation[] => {
        const name = String(e.name);
        if (e.value === undefined || e.value === null || e.value === '') return [];
        const value = String(e.value);
        const at = { path: c.template.resource.path, target: `${c.target} env ${name}` };
        if (URL_WITH_PASSWORD.test(value)) {
          return [{ ...at, message: `${describe(c)} sets environment variable ${name} to a URL with a password in it; keep the URL without credentials and read the password from a Secret (valueFrom.secretKeyRef).` }];
        }
        if (!SECRET_NAME.test(name) || FILE_PATH.test(value) || PLAIN_URL.test(value)) return [];
        return [{ ...at, message: `${describe(c)} sets environment variable ${name} to a literal value; read it from a Secret (valueFrom.secretKeyRef) filled from a sensitive Terraform variable.` }];
      }),
    ),
};
