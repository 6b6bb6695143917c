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
      With two dispatch reports (campus dispatch --format json), compares their
      figures per site, only when both were dispatched with the same inputs.

  campus dispatch [dir] --prices <file> [--prices <file> ...]
                  (--hashprice-usd-per-ph-day <usd> | --hashprice-file <file>)
                  [--settlement-point <name>] [--pool-fee <fraction>]
                  [--min-on-intervals <n>] [--min-off-intervals <n>]
                  [--4cp-window HH:MM-HH:MM] [--no-reserves] [--shift-years <n>]
                  [--format text|md|json|svg]
      Dispatches each campus's mining pods against a price series, interval by
      interval, within what synth allows at each date (dir defaults to
      cdktf.out; reads stacks/*/campus-model.json). Prices: ERCOT 15-minute RTM
      CSV, a sheet of ERCOT's NP6-785-ER archive saved as CSV, or a CSV
      interval_start,price_usd_per_mwh. A pod mines when the price is below its
      break-even. --4cp-window sheds interruptible pods daily in June-September;
      demand-response reserves are held unless --no-reserves; --shift-years
      replays a past year's prices on the campus that many years later. svg is
      the price-duration curve with each pod group's break-even.

Options:
  --format text|md|json   output format (default text; dispatch also svg)
  -h, --help              show this help
  -v, --version           print the version of hybrid-campus and exit

Exit codes:
  0  report or dispatch printed; diff: no change
  1  diff: changed, and every check in head passes or warns
  2  diff: a check fails in head (even if nothing changed)
  3  bad input: missing directory or file, corrupt JSON, unknown format or
     formatVersion, base and head for different sites, a bad price row,
     dispatch reports made with different inputs
  4  usage error: unknown command or option, missing or bad option value
`;
