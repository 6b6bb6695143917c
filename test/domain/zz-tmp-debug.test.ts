import fc from 'fast-check';
import { evaluateCampus } from '../../domain/evaluate';
test('dbg', () => {
  const { campusArbForDebug, buildForDebug } = require('./zz-tmp-exports');
  const specs = fc.sample(campusArbForDebug, { numRuns: 30, seed: 1 });
  let t = Date.now();
  for (const s of specs) {
    const m = buildForDebug(s);
    const e = evaluateCampus(m);
    const dr = e.results.filter((r: any) => r.check === 'demand-response');
    console.log(m.commitments.map((c: any) => `${c.sheddableKw}@${c.responseTimeS}`).join(','), '|', dr.map((r: any) => r.status + ' ' + r.message.slice(0, 160)).join('\n'));
  }
  console.log('ms', Date.now() - t);
});
