import { cpuQuantity, imagePinProblem, memoryQuantity, parseStratumUrl } from '../../constructs/workloads/kubernetes-values';

describe('imagePinProblem', () => {
  test.each([
    'nginx:1.27.3',
    'registry.example.com/mining/stratum-proxy:1.4.2',
    'registry.example.com:5000/a/b/c:v2_rc.1',
    `ghcr.io/acme/app@sha256:${'a'.repeat(64)}`,
    `ghcr.io/acme/app:latest@sha256:${'0'.repeat(64)}`,
    'localhost:5000/proxy:2025.06',
  ])('accepts the pinned reference %s', (image) => {
    expect(imagePinProblem(image)).toBeUndefined();
  });

  test('refuses an image without tag or digest', () => {
    expect(imagePinProblem('registry.example.com:5000/proxy')).toBe(
      'is not pinned: add a tag other than "latest" (e.g. "registry.example.com:5000/proxy:1.2.3") or a digest ("registry.example.com:5000/proxy@sha256:...")',
    );
  });

  test('refuses the latest tag', () => {
    expect(imagePinProblem('nginx:latest')).toBe('is not pinned: "latest" moves; use a version tag (e.g. "nginx:1.2.3") or a digest ("nginx@sha256:...")');
  });

  test.each(['', 'Nginx:1.0', 'nginx:', 'nginx@sha256:abc', 'nginx:1.0 ', 'a//b:1'])('refuses the malformed reference %j', (image) => {
    expect(imagePinProblem(image)).toBe(
      'is not a valid container image reference; write [registry/]name:tag or [registry/]name@sha256:<64 hex digits>',
    );
  });
});

describe('quantities', () => {
  test('CPU in millicores and memory in MiB', () => {
    expect(cpuQuantity(1500)).toBe('1500m');
    expect(memoryQuantity(512)).toBe('512Mi');
  });
});

describe('parseStratumUrl', () => {
  test('reads scheme, host and port', () => {
    expect(parseStratumUrl('stratum+ssl://btc.pool.example:3334')).toEqual({
      url: 'stratum+ssl://btc.pool.example:3334',
      scheme: 'stratum+ssl',
      host: 'btc.pool.example',
      port: 3334,
    });
    expect(parseStratumUrl('stratum2+tcp://[2001:db8::1]:3336/abc')).toMatchObject({ host: '[2001:db8::1]', port: 3336 });
  });

  test.each(['stratum+tcp://worker:hunter2@pool.example:3333', 'stratum+tcp://pool.example:3333/acct?password=hunter2', 'stratum+tcp://pool.example:3333/path', 'stratum+ssl://pool.example:443#frag'])(
    'refuses %s, which could carry a secret into cdk.tf.json',
    (url) => {
      expect(parseStratumUrl(url)).toBe(
        'carries a user, query, fragment or path; pool URLs go into cdk.tf.json in the clear, so give scheme://host:port (stratum2+tcp may add the pool key as a path) and pass credentials through the pool credential variables',
      );
    },
  );

  test.each(['http://pool.example:3333', 'stratum+tcp://pool.example', 'pool.example:3333'])('refuses %s', (url) => {
    expect(parseStratumUrl(url)).toBe(
      'is not a stratum pool URL with a port; write stratum+tcp://host:port, stratum+ssl://host:port or stratum2+tcp://host:port',
    );
  });

  test('refuses a port out of range', () => {
    expect(parseStratumUrl('stratum+tcp://pool.example:70000')).toBe('has port 70000, outside 1-65535');
  });
});
