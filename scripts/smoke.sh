#!/usr/bin/env bash
# `npm run smoke` and CI: packs the library once, then runs both smoke tests of
# scripts/smoke-fresh-project.sh side by side (cdktf 0.21 on this Node; cdktn 0.24 on Node 22
# from the npm registry), prints their logs and one closing line with the count.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/hybrid-campus-smoke-XXXXXX")"
trap 'rm -rf "$work"' EXIT
start=$SECONDS
echo "[smoke] packing the library"
(cd "$root" && npm pack --silent --pack-destination "$work" >/dev/null)
export SMOKE_TARBALL
SMOKE_TARBALL="$(ls "$work"/hybrid-campus-*.tgz)"
declare -A pids
for flavor in cdktf cdktn; do
  bash "$root/scripts/smoke-fresh-project.sh" "$flavor" > "$work/$flavor.log" 2>&1 &
  pids[$flavor]=$!
done
passed=0
failed=0
for flavor in cdktf cdktn; do
  if wait "${pids[$flavor]}"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  grep -v '^npm warn Unknown user config' "$work/$flavor.log" || true
done
echo "[smoke] both took $((SECONDS - start)) s in all"
echo "smoke: $passed passed, $failed failed"
[ "$failed" = 0 ]
