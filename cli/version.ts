/**
 * The version `campus --version` prints: the "version" of hybrid-campus's own package.json,
 * found from this file's folder up (cli/ in a checkout, dist/cli/ in an installed package).
 */
import * as fs from 'fs';
import * as path from 'path';

const PACKAGE_NAME = 'hybrid-campus';

/** The version in the nearest package.json named hybrid-campus, at or above `from`. */
export function packageVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === PACKAGE_NAME && typeof pkg.version === 'string') return pkg.version;
    }
    if (path.dirname(dir) === dir) throw new Error(`no package.json of ${PACKAGE_NAME} found above ${from}`);
  }
}
