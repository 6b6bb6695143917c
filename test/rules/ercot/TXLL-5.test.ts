import type { BlockLoadModel, CoolingModel, GridFacts } from '../../../domain/model';
import { cooling } from '../../domain/fixtures';
import { TXLL_5 } from '../../../rules/ercot/TXLL-5';
import { aux, findingsOf, hall, messagesOf, pod, site } from './ercot-fixtures';

/** 100 MW: an interruptible 60 MW pod and a firm 40 MW hall. */
const model = (gridFacts?: GridFacts) => site({ miningPods: [pod('pod-a', 'main', 'air', 60_000)], gpuHalls: [hall('hall-1', 'main', 'air', 40_000)] }, gridFacts);
const NEW_TRANSMISSION: GridFacts = { voltageClass: 'transmission', interconnection: { date: '2026-01-01' } };

const MISSING =
  'peak site load 100.000 MW makes the site a Large Load, which must be curtailable during firm load shed if it is at transmission voltage and ' +
  'interconnected after 2025-12-31 (SB 6), but ';
const LIST = 'gridFacts.firmLoadShed.remoteDisconnectLoads';
const WHOLE_SITE = "or declare the whole-site disconnect (gridFacts.firmLoadShed = { wholeSite: true }) if the utility's equipment opens the site's point of interconnection";
const HEAD = 'peak site load 100.000 MW at transmission voltage, interconnected on 2026-01-01 (after 2025-12-31): SB 6 requires that the load can be curtailed during firm load shed';
const NOT_DECLARED =
  ", but gridFacts.firmLoadShed is not declared. Set the Campus prop gridFacts.firmLoadShed to { wholeSite: true } (the utility's equipment opens " +
  "the site's point of interconnection) or to { remoteDisconnectLoads: [...] } (the interruptible mining pods it drops).";
const DROPS = (listed: string, droppedMw: string, share: string, loadMw: string) => `firm load shed through ${LIST} (${listed}) drops ${droppedMw} (${share} of the ${loadMw} site load)`;

describe('TXLL-5 curtailment in firm load shed: the facts that decide', () => {
  test('neither voltage class nor interconnection declared: one finding naming both facts', () => {
    expect(findingsOf(TXLL_5, model())).toEqual([
      {
        path: 'site',
        message:
          `${MISSING}gridFacts.voltageClass and gridFacts.interconnection are not declared. Set the Campus props gridFacts.voltageClass ` +
          `('transmission' or 'distribution') and gridFacts.interconnection ({ date: 'YYYY-MM-DD', loadMw }).`,
      },
    ]);
  });

  test('only the fact that still decides is asked for', () => {
    expect(messagesOf(TXLL_5, model({ voltageClass: 'transmission' }))).toEqual([
      `${MISSING}gridFacts.interconnection is not declared. Set the Campus prop gridFacts.interconnection ({ date: 'YYYY-MM-DD', loadMw }).`,
    ]);
    expect(messagesOf(TXLL_5, model({ interconnection: { date: '2026-05-01' } }))).toEqual([
      `${MISSING}gridFacts.voltageClass is not declared. Set the Campus prop gridFacts.voltageClass ('transmission' or 'distribution').`,
    ]);
  });

  test('a hand-built model with facts that cannot be used: named with their values, never guessed', () => {
    expect(messagesOf(TXLL_5, model({ voltageClass: 'high' as never, interconnection: { date: '2026-1-5' } }))).toEqual([
      `${MISSING}gridFacts.voltageClass = "high" is neither 'transmission' nor 'distribution' and gridFacts.interconnection.date = "2026-1-5" is not ` +
        `a day written YYYY-MM-DD. Set the Campus props gridFacts.voltageClass ('transmission' or 'distribution') and gridFacts.interconnection.date ` +
        `(the day the site is interconnected, 'YYYY-MM-DD').`,
    ]);
  });

  test('distribution voltage, or interconnected on 2025-12-31 for the whole site load: does not apply, whatever else is missing', () => {
    expect(findingsOf(TXLL_5, model({ voltageClass: 'distribution' }))).toEqual([]);
    expect(findingsOf(TXLL_5, model({ interconnection: { date: '2025-12-31', loadKw: 100_000 } }))).toEqual([]);
  });

  test('interconnected on or before 2025-12-31 without the MW it covers: the missing MW are the finding', () => {
    expect(messagesOf(TXLL_5, model({ voltageClass: 'transmission', interconnection: { date: '2025-06-01' } }))).toEqual([
      `${MISSING}gridFacts.interconnection.loadMw is not declared. Set the Campus prop gridFacts.interconnection.loadMw (the site load that ` +
        `interconnection covers, MW).`,
    ]);
  });

  test('interconnected on 2025-10-01 for 80 MW: a 200 MW hall added in 2028 is not covered, the rule applies from then and says so', () => {
    const phased = site(
      { miningPods: [pod('pod-a', 'main', 'air', 80_000)], gpuHalls: [hall('hall-2', 'main', 'air', 200_000, { inService: '2028-01' })] },
      { voltageClass: 'transmission', interconnection: { date: '2025-10-01', loadKw: 80_000 } },
    );
    expect(findingsOf(TXLL_5, phased)).toEqual([
      {
        path: 'site',
        target: 'from 2028-01',
        message:
          `from 2028-01: peak site load 280.000 MW at transmission voltage, interconnected on 2025-10-01 (on or before 2025-12-31) for 80.000 MW only, ` +
          `which the site load exceeds, so the load beyond it is interconnected after 2025-12-31: SB 6 requires that the load can be curtailed ` +
          `during firm load shed${NOT_DECLARED}`,
      },
    ]);
  });

  test('below 75 MW: not a Large Load, no fact needed', () => {
    expect(findingsOf(TXLL_5, site({ miningPods: [pod('pod-a', 'main', 'air', 74_999)] }))).toEqual([]);
  });
});

describe('TXLL-5 curtailment in firm load shed: what the remote disconnect drops', () => {
  test('applies (transmission, 2026-01-01) and firm load shed not declared', () => {
    expect(messagesOf(TXLL_5, model(NEW_TRANSMISSION))).toEqual([`${HEAD}${NOT_DECLARED}`]);
  });

  test('a whole-site disconnect: everything drops, firm included: compliant', () => {
    expect(findingsOf(TXLL_5, model({ ...NEW_TRANSMISSION, firmLoadShed: { wholeSite: true } }))).toEqual([]);
    expect(findingsOf(TXLL_5, site({ gpuHalls: [hall('hall-1', 'main', 'air', 100_000)] }, { ...NEW_TRANSMISSION, firmLoadShed: { wholeSite: true } }))).toEqual([]);
  });

  test('every interruptible mining pod of the curtailment plan listed: compliant', () => {
    expect(findingsOf(TXLL_5, model({ ...NEW_TRANSMISSION, firmLoadShed: { remoteDisconnectLoads: ['pod-a'] } }))).toEqual([]);
  });

  test('1 MW of a 300 MW site: the unlisted pod is a finding with the MW it leaves, and the MW dropped and their share are stated', () => {
    const big = site(
      { miningPods: [pod('pod-a', 'main', 'air', 1_000), pod('pod-b', 'main', 'air', 199_000)], gpuHalls: [hall('hall-1', 'main', 'air', 100_000)] },
      { ...NEW_TRANSMISSION, firmLoadShed: { remoteDisconnectLoads: ['pod-a'] } },
    );
    expect(messagesOf(TXLL_5, big)).toEqual([
      `${DROPS('pod-a', '1.000 MW', '0.3%', '300.000 MW')}, but 'pod-b', an interruptible mining pod of the curtailment plan, is not listed: ` +
        `199.000 MW of its load is not covered (SB 6). Add it to the list, ${WHOLE_SITE}.`,
    ]);
  });

  test('the MW an unlisted pod leaves running are the load model\'s: with its cooling and overhead, and the cooling step when it is the last load', () => {
    const cooled = (power: CoolingModel['power']) => {
      const m = site(
        { miningPods: [pod('pod-a', 'main', 'air', 50_000), pod('pod-b', 'main', 'fixed', 30_000, { facilityOverheadFraction: 0.1 })], gpuHalls: [hall('hall-1', 'main', 'air', 20_000)] },
        { ...NEW_TRANSMISSION, firmLoadShed: { remoteDisconnectLoads: ['pod-a'] } },
      );
      return { ...m, coolingSystems: [...m.coolingSystems.map((c) => ({ ...c, power: { model: 'pue' as const, pue: 1.2 } })), cooling('fixed', 'main', power)] };
    };
    // pod-a 50 MW and hall-1 20 MW at PUE 1.2: 84 MW. pod-b: 30 MW IT + 3 MW overhead + its cooling: 15 MW at PUE 1.5, or the fixed 2 MW it alone keeps running.
    expect(messagesOf(TXLL_5, cooled({ model: 'pue', pue: 1.5 }))).toEqual([
      `${DROPS('pod-a', '60.000 MW', '45.5%', '132.000 MW')}, but 'pod-b', an interruptible mining pod of the curtailment plan, is not listed: ` +
        `48.000 MW of its load is not covered (SB 6). Add it to the list, ${WHOLE_SITE}.`,
    ]);
    expect(messagesOf(TXLL_5, cooled({ model: 'fixed', powerKw: 2_000 }))).toEqual([
      `${DROPS('pod-a', '60.000 MW', '50.4%', '119.000 MW')}, but 'pod-b', an interruptible mining pod of the curtailment plan, is not listed: ` +
        `35.000 MW of its load is not covered (SB 6). Add it to the list, ${WHOLE_SITE}.`,
    ]);
  });

  test('a firm load in the list is a finding; the advice never asks to misstate firmness', () => {
    expect(messagesOf(TXLL_5, model({ ...NEW_TRANSMISSION, firmLoadShed: { remoteDisconnectLoads: ['pod-a', 'hall-1'] } }))).toEqual([
      `${DROPS('hall-1, pod-a', '100.000 MW', '100.0%', '100.000 MW')}, but 'hall-1' is a firm load, which the campus never sheds: dropping it ` +
        `would cut load the campus must keep up (SB 6). Remove it from the list, ${WHOLE_SITE}.`,
    ]);
  });

  test('an interruptible block, hall or auxiliary load is not in the curtailment plan: a finding each', () => {
    const colo: BlockLoadModel = { kind: 'block-load', name: 'colo', path: 'site/colo', bus: 'main', basis: 'it', powerKw: 10_000, cooling: 'air', firm: false, description: 'colo' };
    const mixed = site(
      {
        miningPods: [pod('pod-a', 'main', 'air', 60_000)],
        gpuHalls: [hall('hall-1', 'main', 'air', 20_000, { firm: false })],
        blockLoads: [colo],
        auxiliaryLoads: [aux('lights', 10_000, { firm: false })],
      },
      { ...NEW_TRANSMISSION, firmLoadShed: { remoteDisconnectLoads: ['colo', 'hall-1', 'lights', 'pod-a'] } },
    );
    const drops = DROPS('colo, hall-1, lights, pod-a', '100.000 MW', '100.0%', '100.000 MW');
    const notInPlan = (name: string) =>
      `${drops}, but '${name}' is interruptible but not in the curtailment plan (only interruptible mining pods are) (SB 6). Remove it from the list, ${WHOLE_SITE}.`;
    expect(messagesOf(TXLL_5, mixed)).toEqual([notInPlan('colo'), notInPlan('hall-1'), notInPlan('lights')]);
  });

  test('a name that is no load of the campus is a finding', () => {
    expect(messagesOf(TXLL_5, model({ ...NEW_TRANSMISSION, firmLoadShed: { remoteDisconnectLoads: ['pod-a', 'pod-z'] } }))).toEqual([
      `${DROPS('pod-a, pod-z', '60.000 MW', '60.0%', '100.000 MW')}, but 'pod-z' is not a load of campus 'site' (SB 6). Remove it from the list, ` +
        `or use one of: hall-1, pod-a.`,
    ]);
  });

  test('a long list is named by its first three loads and how many more, never in full', () => {
    const names = ['pod-a', 'pod-b', 'pod-c', 'pod-d', 'pod-e', 'pod-f'];
    const [message] = messagesOf(TXLL_5, model({ ...NEW_TRANSMISSION, firmLoadShed: { remoteDisconnectLoads: names } }));
    expect(message).toContain(`through gridFacts.firmLoadShed.remoteDisconnectLoads (pod-a, pod-b, pod-c and 3 more) drops`);
    expect(message).toContain(`Remove it from the list, or use one of: hall-1, pod-a.`);
  });

  test('a phased campus: applies once the site reaches 75 MW; the listed pod retiring and its unlisted successor are findings', () => {
    const phased = site(
      {
        miningPods: [pod('pod-a', 'main', 'air', 20_000, { retire: '2028-01' }), pod('pod-b', 'main', 'air', 20_000, { inService: '2028-01' })],
        gpuHalls: [hall('hall-1', 'main', 'air', 40_000), hall('hall-2', 'main', 'air', 40_000, { inService: '2027-01' })],
      },
      { ...NEW_TRANSMISSION, firmLoadShed: { remoteDisconnectLoads: ['pod-a'] } },
    );
    // before 2027-01: 60 MW, not a Large Load; from 2027-01: 100 MW, pod-a drops 20 MW; from 2028-01: pod-a is out of service, pod-b unlisted.
    expect(findingsOf(TXLL_5, phased)).toEqual([
      {
        path: 'site',
        target: "from 2028-01 load 'pod-b'",
        message:
          `from 2028-01: ${DROPS('pod-a', '0.000 MW', '0.0%', '100.000 MW')}, but 'pod-b', an interruptible mining pod of the curtailment plan, is ` +
          `not listed: 20.000 MW of its load is not covered (SB 6). Add it to the list, ${WHOLE_SITE}.`,
      },
    ]);
  });

  test('a list that drops nothing, with no interruptible pod in service: a finding', () => {
    const phased = site(
      { miningPods: [pod('pod-a', 'main', 'air', 20_000, { retire: '2028-01' })], gpuHalls: [hall('hall-1', 'main', 'air', 80_000)] },
      { ...NEW_TRANSMISSION, firmLoadShed: { remoteDisconnectLoads: ['pod-a'] } },
    );
    expect(messagesOf(TXLL_5, phased)).toEqual([
      `from 2028-01: ${DROPS('pod-a', '0.000 MW', '0.0%', '80.000 MW')}, but none of the listed loads draws power then (SB 6). List the ` +
        `interruptible mining pods in service then, ${WHOLE_SITE}.`,
    ]);
  });

  test("a hand-built model with a string for the list: named with its value, never spread into characters", () => {
    expect(messagesOf(TXLL_5, model({ ...NEW_TRANSMISSION, firmLoadShed: { remoteDisconnectLoads: 'pod-a' as never } }))).toEqual([
      `${HEAD}, but ${LIST} = "pod-a" is not a list of load ids. Set the Campus prop ${LIST} (ids of the interruptible mining pods it drops, e.g. ['pod-1']).`,
    ]);
  });

  test('a hand-built model with neither shape: named with its value', () => {
    expect(messagesOf(TXLL_5, model({ ...NEW_TRANSMISSION, firmLoadShed: { wholeSite: 'yes' } as never }))).toEqual([
      `${HEAD}, but gridFacts.firmLoadShed = {"wholeSite":"yes"} is neither { wholeSite: true } nor { remoteDisconnectLoads: [...] }. Set the Campus ` +
        `prop gridFacts.firmLoadShed ({ wholeSite: true } or { remoteDisconnectLoads: ['pod-1'] }).`,
    ]);
  });
});
