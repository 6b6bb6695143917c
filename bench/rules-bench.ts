/**
 * What the rule packs cost at synth, on the bundled examples: for each campus, the time of the
 * stack's own toTerraform() (which synth does anyway; through runCampusApp the runner judges each campus
 * before app.synth(), so a campus with packs pays one more toTerraform there), and of running the
 * enabled packs on its result (resources read out of the JSON, rules, suppressions). Median of
 * RUNS fresh builds each. Run: npm run bench:rules
 */
import { Testing } from 'cdktf';
import { BUNDLED_EXAMPLES } from '../examples/bundled';
import { runRules } from '../rules/run-rules';
import { codeSuppressions } from '../rules/suppression';
import { synthesizedResources, synthesizedVariables } from '../rules/synthesized-resources';

const RUNS = Number(process.env.RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

for (const build of BUNDLED_EXAMPLES) {
  let name = '';
  const synth: number[] = [];
  const rules: number[] = [];
  let findings = 0;
  for (let i = 0; i < RUNS; i++) {
    const { campus } = build(Testing.app());
    name = campus.node.id;
    campus.evaluate();
    let t = process.hrtime.bigint();
    const terraform = campus.toTerraform();
    synth.push(ms(t));
    t = process.hrtime.bigint();
    const result = runRules(
      campus.rulePacks,
      { campus: campus.toModel(), timeline: campus.evaluate(), resources: synthesizedResources(terraform), variables: synthesizedVariables(terraform) },
      codeSuppressions(campus),
    );
    rules.push(ms(t));
    findings = result.findings.length;
  }
  const s = median(synth);
  const r = median(rules);
  console.log(`${name.padEnd(16)} toTerraform ${s.toFixed(1).padStart(7)} ms   rules ${r.toFixed(1).padStart(6)} ms   (+${((r / s) * 100).toFixed(1)}% of toTerraform, ${findings} findings)`);
}
