#!/usr/bin/env bash
# Benchmark: bench/app-bench.ts (the examples' app as cdktf.json runs it) on two or more commits,
# back to back and alternated, so that a shared machine's load weighs on each alike.
#
#   bash bench/app-bench-pair.sh BEFORE AFTER [-- ROUNDS [RUNS]]   (default: 3 rounds of 5 warm runs)
#   bash bench/app-bench-pair.sh b11887a HEAD -- 4 5
#
# Each commit is exported once (`git archive`) into a temporary folder with node_modules linked to
# this checkout's (no install). Each round runs the commit's own bench/app-bench.ts in its
# folder (a commit needs one), the commits' order reversed every other round: a cold run (no
# register-ts cache), then RUNS warm runs, their medians printed (an app-bench.ts older than its
# modules column prints none).
# Printed: each round's cold and warm rows per commit, with the load average before and after.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REVS=()
ROUNDS=3
RUNS=5
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then
    [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || { echo "app-bench-pair: '--' must be followed by a round count (a positive whole number): bash bench/app-bench-pair.sh REV REV [-- ROUNDS [RUNS]]" >&2; exit 2; }
    ROUNDS="$2"; shift 2
    if [ $# -gt 0 ]; then
      [[ "$1" =~ ^[1-9][0-9]*$ ]] || { echo "app-bench-pair: RUNS must be a positive whole number, not '$1': bash bench/app-bench-pair.sh REV REV [-- ROUNDS [RUNS]]" >&2; exit 2; }
      RUNS="$1"; shift
    fi
    [ $# -eq 0 ] || { echo "app-bench-pair: unexpected '$1' after the counts: bash bench/app-bench-pair.sh REV REV [-- ROUNDS [RUNS]]" >&2; exit 2; }
    break
  fi
  REVS+=("$1"); shift
done
[ ${#REVS[@]} -ge 2 ] || { echo "app-bench-pair: name at least two commits: bash bench/app-bench-pair.sh REV REV [-- ROUNDS [RUNS]]" >&2; exit 2; }

WORK="$(mktemp -d /tmp/hybrid-campus-app-bench-pair-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
DIRS=()
for rev in "${REVS[@]}"; do
  commit="$(git -C "$ROOT" rev-parse --short "$rev")"
  dir="$WORK/$commit"
  mkdir -p "$dir"
  git -C "$ROOT" archive "$commit" | tar -x -C "$dir"
  ln -s "$ROOT/node_modules" "$dir/node_modules"
  DIRS+=("$dir")
done

load() { cut -d' ' -f1 /proc/loadavg; }
echo "cores: $(nproc), node $(node --version), $ROUNDS rounds of 1 cold + $RUNS warm runs"
for round in $(seq 1 "$ROUNDS"); do
  order=("${DIRS[@]}")
  if [ $((round % 2)) -eq 0 ]; then order=(); for ((i = ${#DIRS[@]} - 1; i >= 0; i--)); do order+=("${DIRS[$i]}"); done; fi
  for dir in "${order[@]}"; do
    before="$(load)"
    # app-bench.ts benchmarks the checkout it sits in (its ROOT is its folder's parent).
    out="$(cd "$dir" && node -r ./scripts/register-ts.js bench/app-bench.ts "$RUNS")"
    echo "$out" | grep -E '^(cold|warm)' | sed "s|^|round $round $(basename "$dir"): |"
    echo "round $round $(basename "$dir"): load $before -> $(load)"
  done
done
