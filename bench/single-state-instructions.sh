#!/usr/bin/env bash
# Counts the machine instructions of one cold single state of 10,000 pods (issue 12's "one state
# of 10,000 pods" row): `evaluateTimeline(campus, { asOf })` once in a fresh process, as
# bench/timeline-bench.ts's `single` row times it, under valgrind's callgrind.
#
#   bench/single-state-instructions.sh [checkout ...]     (default: this checkout)
#
# Wall and CPU time of the cold state drift by a factor of two on a shared machine, more than
# most changes to it; an instruction count does not. Node runs with --predictable (V8 compiles
# and collects garbage on the main thread, by rules that do not read the clock), so the count
# of a checkout repeats to within 0.1% from run to run. It counts what the cold state costs in
# all (interpreting, compiling, collecting garbage and the code itself), not its wall time:
# without --predictable, V8 compiles and marks on other threads. For each checkout it prints
# the instructions of the process with the campus built and evaluated once, minus those of the
# same process stopped before evaluating (setup), in millions. Checkouts are measured in turn,
# so give the one to compare with as well (e.g. a clone of the base commit).
set -euo pipefail
# Each count's run is checked (valgrind prints a count for a program that crashed too).
shopt -s inherit_errexit
command -v valgrind >/dev/null || { echo "single-state-instructions: valgrind is not installed; install it (apt-get install valgrind) to count instructions" >&2; exit 2; }
here="$(cd "$(dirname "$0")/.." && pwd)"
count() { # checkout mode -> instructions
  local out
  local log
  log="$(cd "$1" && valgrind --tool=callgrind --callgrind-out-file=/dev/null --error-exitcode=1 node --predictable -r ./scripts/register-ts.js bench/timeline-bench.ts --child 10000 200 "$2" 2>&1 >/dev/null)" ||
    { echo "single-state-instructions: the $2 run failed in $1:" >&2; echo "$log" | tail -20 >&2; exit 1; }
  out="$(echo "$log" | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')"
  [ -n "$out" ] || { echo "single-state-instructions: no count from valgrind in $1 (mode $2)" >&2; exit 1; }
  echo "$out"
}
for dir in "${@:-$here}"; do
  # Older checkouts have no cold and setup modes: their child would evaluate the whole timeline in both.
  grep -q "mode: 'cold' | 'setup'" "$dir/bench/timeline-bench.ts" ||
    { echo "single-state-instructions: $dir/bench/timeline-bench.ts has no cold and setup modes (added in e152f67); copy this checkout's bench/timeline-bench.ts into it first" >&2; exit 2; }
  # A first run transpiles what the require hook has not cached yet, outside the count.
  (cd "$dir" && node -r ./scripts/register-ts.js bench/timeline-bench.ts --child 10000 200 setup)
  setup="$(count "$dir" setup)"
  cold="$(count "$dir" cold)"
  echo "$dir: cold single state of 10,000 pods: $(( (cold - setup) / 1000000 ))M instructions (process $(( cold / 1000000 ))M, setup $(( setup / 1000000 ))M)"
done
