#!/usr/bin/env bash
# Benchmark: jest's wall seconds per test file, slowest first, for one run of jest (no tsc), with
# the profile of test/randomized-runs.ts that TEST_DEPTH names (unset: npm test's fast counts).
#
#   bash bench/jest-file-times.sh [TOP] [-- JEST_ARGS ...]       (default: the 10 slowest files)
#   bash bench/jest-file-times.sh 10                             (npm test's counts)
#   TEST_DEPTH=deep bash bench/jest-file-times.sh 12 -- --testPathPattern property
#
# Prints the machine's core count, the 1-minute load average before and after, jest's wall and
# CPU seconds (user + system, every worker counted), the sum of the per-file seconds and the TOP
# files. jest's cache is a new empty folder per run, as on a fresh clone. Per-file seconds are
# jest's own (perfStats: end - start of each file in its worker); on a shared machine compare
# runs made back to back.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOP=10
if [ $# -gt 0 ] && [ "$1" != "--" ]; then
  [[ "$1" =~ ^[1-9][0-9]*$ ]] || { echo "jest-file-times: TOP must be a positive whole number (got '$1'): bash bench/jest-file-times.sh [TOP] [-- JEST_ARGS ...]" >&2; exit 2; }
  TOP="$1"; shift
fi
[ "${1:-}" = "--" ] && shift
[ -x /usr/bin/time ] || { echo "jest-file-times: /usr/bin/time is missing; install GNU time (apt-get install time)" >&2; exit 2; }
dir="$(mktemp -d /tmp/hybrid-campus-jest-file-times-XXXXXX)"
trap 'rm -rf "$dir"' EXIT
load() { cut -d' ' -f1 /proc/loadavg; }
before="$(load)"
status=0
(cd "$ROOT" && /usr/bin/time -f "%e %U %S" -o "$dir/time" node node_modules/jest/bin/jest.js --cacheDirectory="$dir/cache" --json --outputFile="$dir/result.json" "$@" >"$dir/out" 2>&1) || status=$?
read -r wall user sys < <(tail -n 1 "$dir/time")
echo "cores: $(nproc), node $(node --version), TEST_DEPTH=${TEST_DEPTH:-} (fast when empty), load ${before} -> $(load)"
node -e '
const r = require(process.argv[1]);
const files = r.testResults.map((t) => [(t.endTime - t.startTime) / 1000, require("path").relative(process.argv[2], t.name)]).sort((a, b) => b[0] - a[0]);
const sum = files.reduce((s, f) => s + f[0], 0);
console.log(`jest: wall ${process.argv[3]} s, CPU ${(+process.argv[4] + +process.argv[5]).toFixed(1)} s, exit ${process.argv[7]}; ${r.numPassedTestSuites}/${r.numTotalTestSuites} suites, ${r.numPassedTests}/${r.numTotalTests} tests passed; sum of per-file seconds ${sum.toFixed(1)} over ${files.length} files`);
for (const [s, f] of files.slice(0, +process.argv[6])) console.log(`${s.toFixed(1).padStart(6)} s  ${f}`);
' "$dir/result.json" "$ROOT" "$wall" "$user" "$sys" "$TOP" "$status"
[ "$status" -eq 0 ] || { echo "jest failed (exit $status); its output:" >&2; tail -n 60 "$dir/out" >&2; exit "$status"; }
