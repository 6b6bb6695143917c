/**
 * Plain checks and renderings for values that end up in Kubernetes objects: container image
 * references, resource quantities and stratum pool URLs. No cdktf imports, so they are cheap to
 * test and reuse.
 */

/**
 * A container image reference, as the container runtimes parse it:
 * `[registry[:port]/]path[:tag][@sha256:digest]`.
 */
const IMAGE_REFERENCE =
  /^(?<name>(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)(?::(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@(?<digest>sha256:[a-f0-9]{64}))?$/;

/**
 * Why `image` is not a pinned image reference, or undefined when it is one. Pinned means a
 * digest (`@sha256:...`), or a tag other than `latest`: an image without either, or tagged
 * `latest`, changes under the campus without a change to its code.
 */
export function imagePinProblem(image: string): string | undefined {
  const match = IMAGE_REFERENCE.exec(image);
  if (!match?.groups) {
    return 'is not a valid container image reference; write [registry/]name:tag or [registry/]name@sha256:<64 hex digits>';
  }
  const { name, tag, digest } = match.groups;
  if (digest) return undefined;
  if (!tag) return `is not pinned: add a tag other than "latest" (e.g. "${name}:1.2.3") or a digest ("${name}@sha256:...")`;
  if (tag === 'latest') return `is not pinned: "latest" moves; use a version tag (e.g. "${name}:1.2.3") or a digest ("${name}@sha256:...")`;
  return undefined;
}

/** A CPU quantity in millicores, e.g. 500 -> "500m". */
export function cpuQuantity(millicores: number): string {
  return `${millicores}m`;
}

/** A memory quantity in MiB, e.g. 512 -> "512Mi". */
export function memoryQuantity(mib: number): string {
  return `${mib}Mi`;
}

/** A stratum pool endpoint, from its URL. */
export interface StratumEndpoint {
  readonly url: string;
  readonly scheme: 'stratum+tcp' | 'stratum+ssl' | 'stratum2+tcp';
  readonly host: string;
  readonly port: number;
}

const STRATUM_URL = /^(?<scheme>stratum\+tcp|stratum\+ssl|stratum2\+tcp):\/\/(?<host>[A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):(?<port>[0-9]{1,5})(?:\/[A-Za-z0-9]*)?$/;

/**
 * Parses a pool URL such as `stratum+tcp://btc.pool.example:3333`. The port is required: it is
 * what the proxy's egress NetworkPolicy allows. Returns a problem description for a bad URL.
 */
export function parseStratumUrl(url: string): StratumEndpoint | string {
  // Pool URLs are written into cdk.tf.json in the clear, so nothing that can carry a secret:
  // no user, query or fragment, and a path only for Stratum V2 (the pool's public authority key).
  if (/[@?#]/.test(url) || (!url.startsWith('stratum2+') && /:\/\/[^/]+\/./.test(url))) {
    return 'carries a user, query, fragment or path; pool URLs go into cdk.tf.json in the clear, so give scheme://host:port (stratum2+tcp may add the pool key as a path) and pass credentials through the pool credential variables';
  }
  const match = STRATUM_URL.exec(url);
  if (!match?.groups) {
    return 'is not a stratum pool URL with a port; write stratum+tcp://host:port, stratum+ssl://host:port or stratum2+tcp://host:port';
  }
  const port = Number(match.groups.port);
  if (port < 1 || port > 65535) return `has port ${port}, outside 1-65535`;
  return { url, scheme: match.groups.scheme as StratumEndpoint['scheme'], host: match.groups.host, port };
}
