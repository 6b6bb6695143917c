#!/usr/bin/env bash
# Smoke test: install the packed library into a fresh project, the way a user does, and run
# tsc, `cdktf synth` and `campus report` there. The project's files (cdktf.json, tsconfig.json,
# main.ts, the cdktn package.json) are the README's, taken from "Use it in your own project".
# Slow (installs from the npm registry), so it runs in .ci/run and `npm run smoke`, not in `npm test`.
#
#   scripts/smoke-fresh-project.sh cdktf   # cdktf 0.21 + cdktf-cli, latest constructs 10.x, this Node
#   scripts/smoke-fresh-project.sh cdktn   # CDK Terrain 0.24 aliased as cdktf, on Node 22 from the npm registry
#
# With SMOKE_TARBALL set (scripts/smoke.sh packs once for both) it installs that tarball.
# Between them the two cover both ends of the provider peer range: cdktf installs
# @cdktf/provider-kubernetes 12.0.0 (the floor), cdktn the README's ^12.1.1 (the latest 12.x).
set -euo pipefail
flavor="${1:-cdktf}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/hybrid-campus-smoke-$flavor-XXXXXX")"
trap 'rm -rf "$work"' EXIT
export CHECKPOINT_DISABLE=1 DISABLE_VERSION_CHECK=1 CI=true
npm_quiet=(--no-audit --no-fund --loglevel=error)
start=$SECONDS
step() { printf '[smoke %s %3ds] %s\n' "$flavor" "$((SECONDS - start))" "$*"; }
fail() { echo "SMOKE FAIL ($flavor): $*" >&2; exit 1; }

if [ -n "${SMOKE_TARBALL:-}" ]; then
  tarball="$SMOKE_TARBALL"
else
  step "packing the library"
  (cd "$root" && npm pack --silent --pack-destination "$work" >/dev/null)
  tarball="$(ls "$work"/hybrid-campus-*.tgz)"
fi
version="$(node -p "require('$root/package.json').version")"

if [ "$flavor" = cdktn ]; then
  # cdktn 0.24 needs Node >= 22.19: take a real Node 22 binary from the npm registry (the
  # arch-specific package that `npm i node@22` installs) and put it first on PATH, so npx,
  # the CLI and the app it spawns all run on it.
  case "$(uname -m)" in x86_64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) fail "no Node 22 package for $(uname -m)" ;; esac
  step "installing Node 22 (node-linux-$arch@22) from the npm registry"
  mkdir -p "$work/node22"
  npm install --prefix "$work/node22" "${npm_quiet[@]}" "node-linux-$arch@^22.19.0" >/dev/null
  export PATH="$work/node22/node_modules/node-linux-$arch/bin:$PATH"
  node_version="$(node --version)"
  case "$node_version" in v22.*) ;; *) fail "expected Node 22 on PATH, got $node_version" ;; esac
fi
step "node $(node --version), npm $(npm --version)"

app="$work/app"
mkdir "$app"
cd "$app"
readme_file() { node "$root/scripts/smoke/readme-file.js" "$root/README.md" "$1"; }
npm init -y >/dev/null
# cdktf-cli depends on a pty package whose install script downloads a prebuilt binary; synth
# does not need it (npm 11 runs only the install scripts a project allows).
node -e '
  const fs = require("fs");
  const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
  pkg.allowScripts = { "@cdktf/node-pty-prebuilt-multiarch": false, esbuild: false };
  fs.writeFileSync("package.json", JSON.stringify(pkg, null, 2) + "\n");'

if [ "$flavor" = cdktf ]; then
  step "installing cdktf 0.21, constructs 10 (latest), the provider (12.0.0, the floor of the peer range) and the tarball"
  npm install "${npm_quiet[@]}" "$tarball" "cdktf@^0.21.0" "constructs@^10" "@cdktf/provider-kubernetes@12.0.0" >/dev/null
  npm install -D "${npm_quiet[@]}" "cdktf-cli@^0.21.0" tsx "typescript@~5.9" "@types/node" >/dev/null
  cli=cdktf
  tsconfig_from=README
else
  step "installing cdktn 0.24 as cdktf with the README's package.json, .npmrc and the tarball"
  readme_file 'package.json (cdktn)' > recipe.json
  TARBALL="$tarball" node -e '
    const fs = require("fs");
    const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
    const recipe = JSON.parse(fs.readFileSync("recipe.json", "utf8"));
    Object.assign(pkg, recipe);
    // The packed library stands in for the published version the README names.
    pkg.dependencies["hybrid-campus"] = "file:" + process.env.TARBALL;
    fs.writeFileSync("package.json", JSON.stringify(pkg, null, 2) + "\n");'
  rm recipe.json
  echo 'legacy-peer-deps=true' > .npmrc
  npm install "${npm_quiet[@]}" >/dev/null
  cli=cdktn
  # The tsconfig.json `cdktn init --template=typescript` writes, which the README says works too.
  template=node_modules/cdktn-cli/bundle/templates/typescript
  tsconfig_from="cdktn init template"
fi

step "one copy of constructs and of cdktf for the app, the library and the provider"
node -e '
  const path = require("path");
  const from = (pkg) => path.dirname(require.resolve(pkg + "/package.json"));
  for (const dep of ["constructs", "cdktf"]) {
    const mine = require.resolve(dep);
    for (const user of ["hybrid-campus", "@cdktf/provider-kubernetes", "cdktf"]) {
      if (user === dep) continue;
      const theirs = require.resolve(dep, { paths: [from(user)] });
      if (theirs !== mine) throw new Error(user + " loads another " + dep + ": " + theirs + " (the app loads " + mine + ")");
    }
  }
  console.log("constructs " + require("constructs/package.json").version + ", cdktf " + require("cdktf/package.json").name + "@" + require("cdktf/package.json").version);
' || fail "more than one copy of constructs or cdktf"

step "the README's cdktf.json and main.ts; tsconfig.json: $tsconfig_from"
readme_file cdktf.json > cdktf.json
readme_file main.ts > main.ts
if [ "$tsconfig_from" = README ]; then
  readme_file tsconfig.json > tsconfig.json
else
  [ -f "$template/tsconfig.json" ] || fail "no tsconfig.json template at $template"
  cp "$template/tsconfig.json" tsconfig.json
fi
cp "$root/scripts/smoke/report-api.ts" report-api.ts

step "tsc --noEmit"
npx tsc --noEmit || fail "tsc failed"

step "$cli synth"
npx "$cli" synth > synth.log 2>&1 || { cat synth.log; fail "$cli synth failed"; }
grep -q 'Power budget: my-site (ERCOT, interconnect 120.00 MW): OK' synth.log || { cat synth.log; fail "synth did not print the site's power budget"; }
for f in cdk.tf.json power-budget.json; do
  [ -f "cdktf.out/stacks/my-site/$f" ] || fail "cdktf.out/stacks/my-site/$f missing"
done
node -e '
  const fs = require("fs");
  const tf = JSON.parse(fs.readFileSync("cdktf.out/stacks/my-site/cdk.tf.json", "utf8"));
  const path = tf.terraform.backend.local.path;
  if (path !== "../../../terraform.my-site.tfstate") throw new Error("local backend path " + path);
  if (!tf.resource.kubernetes_namespace_v1) throw new Error("no namespace in cdk.tf.json");
  const budget = JSON.parse(fs.readFileSync("cdktf.out/stacks/my-site/power-budget.json", "utf8"));
  // $schema resolves from the stack folder to the schema shipped in the installed package.
  const schema = require("path").resolve("cdktf.out/stacks/my-site", budget.$schema);
  if (!fs.existsSync(schema)) throw new Error("$schema does not resolve: " + schema);
' || fail "synth output is not as expected"

step "campus report, --version (compiled CLI, no TypeScript tooling)"
# The installed bin runs the compiled CLI, which the package must ship.
[ -f node_modules/hybrid-campus/dist/cli/campus.js ] || fail "the package does not ship dist/cli/campus.js, which its bin runs"
# bin/campus.js runs TypeScript sources (scripts/register-ts.js) only in a checkout, recognized by these files.
for f in tsconfig.json scripts/register-ts.js cli/campus.ts; do
  [ ! -e "node_modules/hybrid-campus/$f" ] || fail "the package ships $f; its bin would take itself for a checkout"
done
npx campus report > report.txt || { cat report.txt; fail "campus report failed"; }
grep -q 'my-site' report.txt || { cat report.txt; fail "campus report does not show the site"; }
[ "$(npx campus --version)" = "$version" ] || fail "campus --version is not $version"
npx campus --help | grep -q '^Usage:' || fail "campus --help prints no usage"
node --import tsx report-api.ts > report-api.txt || fail "hybrid-campus/report does not load"
cmp -s report.txt report-api.txt || { diff report.txt report-api.txt; fail "hybrid-campus/report renders another report than campus report"; }

step "source maps carry the TypeScript sources"
node -e '
  const map = require("hybrid-campus/package.json") && JSON.parse(require("fs").readFileSync(require("path").join(require("path").dirname(require.resolve("hybrid-campus/package.json")), "dist/stacks/campus.js.map"), "utf8"));
  if (!map.sourcesContent || !map.sourcesContent[0].includes("export class Campus")) throw new Error("dist/stacks/campus.js.map has no sources");
' || fail "source maps without sources"

step "passed in $((SECONDS - start)) s"
