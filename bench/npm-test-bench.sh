#!/usr/bin/env bash
# Benchmark: `npm test` as CI runs it, from a fresh clone (no jest cache, no tsc incremental state,
# no register-ts cache), for one or more commits, back to back.
#
#   bash bench/npm-test-bench.sh [REV ...] [-- RUNS]      (default: HEAD, 1 run)
#   bash bench/npm-test-bench.sh b11887a HEAD -- 3        (before and after, alternated, 3 runs each)
#
# Each run clones the repository into a new temporary folder (`git clone` of this checkout, the
# commit checked out), links node_modules to this checkout's (no install), links `shared` beside
# it (the reference data the catalog test reads, ../shared from the project root), gives jest an
# empty cache directory of its own, runs `npm test` under /usr/bin/time and prints one line: the commit, wall
# seconds, CPU seconds (user + system, every child included: jest's workers, tsc, spawned node
# processes), the suites and tests passed and the 1-minute load average before and after. On a
# shared machine compare CPU seconds, and run the commits alternated (they are, run by run).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REVS=()
RUNS=1
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then
    [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || { echo "npm-test-bench: '--' must be followed by a run count (a positive whole number): bash bench/npm-test-bench.sh [REV ...] [-- RUNS]" >&2; exit 2; }
    RUNS="$2"; shift 2; continue
  fi
  REVS+=("$1"); shift
done
[ ${#REVS[@]} -eq 0 ] && REVS=(HEAD)
[ -x /usr/bin/time ] || { echo "npm-test-bench: /usr/bin/time is missing; install GNU time (apt-get install time)" >&2; exit 2; }

load() { cut -d' ' -f1 /proc/loadavg; }
echo "cores: $(nproc), node $(node --version)"
for run in $(seq 1 "$RUNS"); do
  for rev in "${REVS[@]}"; do
    commit="$(git -C "$ROOT" rev-parse --short "$rev")"
    dir="$(mktemp -d /tmp/hybrid-campus-npm-test-bench-XXXXXX)"
    git clone -q "$ROOT" "$dir/repo"
    git -C "$dir/repo" checkout -q "$commit"
    ln -s "$ROOT/node_modules" "$dir/repo/node_modules"
    ln -s "$(cd "$ROOT/.." && pwd)/shared" "$dir/shared"
    before="$(load)"
    status=0
    (cd "$dir/repo" && /usr/bin/time -f "%e %U %S" -o "$dir/time" npm test -- --cacheDirectory="$dir/jest-cache" >"$dir/out" 2>&1) || status=$?
    # A failed npm test: GNU time writes "Command exited with non-zero status N" before the figures.
    read -r wall user sys < <(tail -n 1 "$dir/time")
    summary="$(grep -E '^(Test Suites|Tests):' "$dir/out" | tr -s ' ' | paste -sd' ' - || true)"
    [ -n "$summary" ] || summary="no jest summary"
    [ "$status" -eq 0 ] || summary="$summary; output kept in $dir/out"
    printf '%s run %s: wall %6.1f s, CPU %6.1f s (user %.1f + sys %.1f), exit %s, %s; load %s -> %s\n' \
      "$commit" "$run" "$wall" "$(awk "BEGIN { print $user + $sys }")" "$user" "$sys" "$status" "$summary" "$before" "$(load)"
    # A failed run keeps its output for reading; a passing one leaves nothing behind.
    if [ "$status" -eq 0 ]; then rm -rf "$dir"; else rm -rf "$dir/repo" "$dir/jest-cache"; fi
  done
done
