/**
 * The text of `campus --help`.
 */
export const USAGE = `Usage:
  campus report [dir|file] [--format text|md|json]
      Power budget per site, bus and scenario: capacity, load by class (firm IT,
      interruptible IT, cooling, auxiliary and other), headroom and utilization.
      dir defaults to cdktf.out (reads stacks/*/power-budget.json); a stack folder
      or a single power-budget.json works too. md adds a Mermaid diagram per site.

  campus diff --base <dir|file> --head <dir|file> [--format text|md|json]
              [--allow-empty-base]
      What changed between two synth outputs: sites and buses added or removed,
      load, headroom and utilization deltas per scenario, checks that newly fail,
      warn or pass, hardware added or removed. md is a pull-request comment.
      --allow-empty-base: a missing base, or one without power-budget.json,
      counts as no sites (the first pull request that adds a campus).

Options:
  --format text|md|json   output format (default text)
  -h, --help              show this help
  -v, --version           print the version of hybrid-campus and exit

Exit codes:
  0  report printed; diff: no change
  1  diff: changed, and every check in head passes or warns
  2  diff: a check fails in head (even if nothing changed)
  3  bad input: missing directory or file, corrupt JSON, unknown format or
     formatVersion, base and head for different sites
  4  usage error: unknown command or option, missing or bad option value
`;
