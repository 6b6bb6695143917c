import type { FeedModel } from '../../../domain/model';
import { TXLL_4 } from '../../../rules/ercot/TXLL-4';
import { bus, feed } from '../../domain/fixtures';
import { findingsOf, messagesOf, pod, site } from './ercot-fixtures';

const generator = (ratingKw: number, extra: Partial<FeedModel> = {}): FeedModel => ({ name: 'gen', source: 'onsite-generation', ratingKw, maxUtilization: 1, ratingBasis: 'test', ...extra });

const WHAT = (genMw: string, share: string, demandMw: string) => `on-site generation ${genMw} can serve ${share} of site demand ${demandMw} (at least 50%)`;
const UNDISCLOSED = (genMw: string, share: string, demandMw: string) =>
  `${WHAT(genMw, share, demandMw)}: SB 6 requires disclosing it to ERCOT, with whether it can be deployed or the load curtailed in an energy ` +
  `emergency, but gridFacts.backupGeneration is not declared. Set the Campus prop gridFacts.backupGeneration ({ deployableInEmergency, curtailableInEmergency }).`;

/** A 100 MW pod with a generator on its bus. */
const withGenerator = (gen: FeedModel, backupGeneration?: { deployableInEmergency: boolean; curtailableInEmergency: boolean }) =>
  site({ miningPods: [pod('pod-a', 'main', 'air', 100_000)] }, backupGeneration ? { backupGeneration } : undefined, [gen]);

describe('TXLL-4 backup generation disclosure', () => {
  test('generation that can serve exactly 50%, not disclosed: the missing disclosure is the finding', () => {
    expect(findingsOf(TXLL_4, withGenerator(generator(50_000)))).toEqual([{ path: 'site', message: UNDISCLOSED('50.000 MW', '50.0%', '100.000 MW') }]);
  });

  test('usable capacity counts (rating x max utilization): 62.5 MW at 0.8 can serve 50 MW', () => {
    expect(messagesOf(TXLL_4, withGenerator(generator(62_500, { maxUtilization: 0.8 })))).toEqual([UNDISCLOSED('50.000 MW', '50.0%', '100.000 MW')]);
  });

  test('just below 50%: no disclosure needed', () => {
    expect(findingsOf(TXLL_4, withGenerator(generator(49_999)))).toEqual([]);
  });

  test('disclosed, with the generation deployable in an emergency: compliant', () => {
    expect(findingsOf(TXLL_4, withGenerator(generator(90_000), { deployableInEmergency: true, curtailableInEmergency: false }))).toEqual([]);
  });

  test('disclosed, with the load curtailable instead: compliant', () => {
    expect(findingsOf(TXLL_4, withGenerator(generator(90_000), { deployableInEmergency: false, curtailableInEmergency: true }))).toEqual([]);
  });

  test('disclosed as neither deployable nor curtailable: an honest disclosure, compliant (SB 6 asks for the disclosure; ERCOT may direct either)', () => {
    expect(findingsOf(TXLL_4, withGenerator(generator(90_000), { deployableInEmergency: false, curtailableInEmergency: false }))).toEqual([]);
  });

  test("a hand-built model with the string 'false' for a boolean: named with its value, never read as an answer", () => {
    expect(messagesOf(TXLL_4, withGenerator(generator(90_000), { deployableInEmergency: 'false' as never, curtailableInEmergency: false }))).toEqual([
      `${WHAT('90.000 MW', '90.0%', '100.000 MW')}: SB 6 requires disclosing it to ERCOT, with whether it can be deployed or the load curtailed in ` +
        `an energy emergency, but gridFacts.backupGeneration.deployableInEmergency = "false" is not true or false. Set the Campus prop ` +
        `gridFacts.backupGeneration.deployableInEmergency (true or false: whether the site can run its backup generation when ERCOT directs it).`,
    ]);
  });

  test('a hand-built model with an answer missing, or no object: named', () => {
    expect(messagesOf(TXLL_4, withGenerator(generator(90_000), { deployableInEmergency: true } as never))).toEqual([
      `${WHAT('90.000 MW', '90.0%', '100.000 MW')}: SB 6 requires disclosing it to ERCOT, with whether it can be deployed or the load curtailed in ` +
        `an energy emergency, but gridFacts.backupGeneration.curtailableInEmergency is not declared. Set the Campus prop ` +
        `gridFacts.backupGeneration.curtailableInEmergency (true or false: whether the site can curtail its load when ERCOT directs it).`,
    ]);
    expect(messagesOf(TXLL_4, withGenerator(generator(90_000), true as never))).toEqual([
      `${WHAT('90.000 MW', '90.0%', '100.000 MW')}: SB 6 requires disclosing it to ERCOT, with whether it can be deployed or the load curtailed in ` +
        `an energy emergency, but gridFacts.backupGeneration = true is not an object. Set the Campus prop gridFacts.backupGeneration ` +
        `({ deployableInEmergency, curtailableInEmergency }).`,
    ]);
  });

  test('below 75 MW: not a Large Load, so SB 6 does not apply', () => {
    expect(findingsOf(TXLL_4, site({ miningPods: [pod('pod-a', 'main', 'air', 74_999)] }, undefined, [generator(74_999)]))).toEqual([]);
  });

  test('generation counts in the aggregate, on a bus without load too', () => {
    const model = site({ miningPods: [pod('pod-a', 'main', 'air', 100_000)] });
    const spread = { ...model, buses: [...model.buses, { ...bus('gen-bus', [feed('gen-2', 30_000, { source: 'onsite-generation' })]) }] };
    expect(messagesOf(TXLL_4, { ...spread, buses: [{ ...spread.buses[0], feeds: [...spread.buses[0].feeds, generator(30_000)] }, spread.buses[1]] })).toEqual([
      UNDISCLOSED('60.000 MW', '60.0%', '100.000 MW'),
    ]);
  });

  test('a phased campus: applies from the month the generator comes into service', () => {
    expect(findingsOf(TXLL_4, withGenerator(generator(60_000, { inService: '2027-03' })))).toEqual([
      { path: 'site', target: 'from 2027-03', message: `from 2027-03: ${UNDISCLOSED('60.000 MW', '60.0%', '100.000 MW')}` },
    ]);
  });
});
