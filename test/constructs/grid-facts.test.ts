/**
 * The Campus's gridFacts prop: each bad value gets one message (path, field, value, what to do),
 * a remote-disconnect load that is no load of the campus is refused at synth, and the facts
 * reach the model the ERCOT rules read.
 */
import { Testing } from 'cdktf';
import { BlockLoad, Campus, LoadPower, MiningPod, PowerBus } from '../../index';
import { CoolingSystem } from '../../constructs/plant/cooling-system';
import { ERCOT_LARGE_LOADS } from '../../rules/ercot';
import type { RuleSubjects } from '../../rules/rule';
import { DATE_CONTEXT_KEY } from '../../stacks/campus';
import { collectValidationErrors } from '../../stacks/run-campus-app';
import { errorOf, S21, smallCampus } from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

describe('gridFacts: bad values', () => {
  test.each<[string, unknown, string]>([
    ['a day that does not exist', { interconnection: { date: '2026-02-30' } }, 'gridFacts.interconnection.date = "2026-02-30": is not a day of the calendar (its month has fewer days); give a day that exists, written YYYY-MM-DD'],
    ['a day not written YYYY-MM-DD', { interconnection: { date: '2026-3-1' } }, 'gridFacts.interconnection.date = "2026-3-1": must be a day written YYYY-MM-DD, e.g. "2026-03-01"'],
    ['a day before 1900', { interconnection: { date: '1026-03-01' } }, 'gridFacts.interconnection.date = "1026-03-01": is before 1900; give the day written YYYY-MM-DD, e.g. "2026-03-01"'],
    ['an interconnection without its day', { interconnection: { loadMw: 80 } }, 'gridFacts.interconnection.date = nothing (the field is missing): must be a day written YYYY-MM-DD, e.g. "2026-03-01"'],
    ['a day for the interconnection object', { interconnection: '2026-03-01' }, 'gridFacts.interconnection = "2026-03-01": must be { date, loadMw }, e.g. { date: "2026-03-01", loadMw: 120 }'],
    ['interconnected MW of 0', { interconnection: { date: '2025-06-01', loadMw: 0 } }, 'gridFacts.interconnection.loadMw = 0: must be greater than 0 (the site load the interconnection covers, MW)'],
    ['a month where a day is needed', { energizationApproval: { date: '2025-11', approvedMw: 80 } }, 'gridFacts.energizationApproval.date = "2025-11": must be a day written YYYY-MM-DD, e.g. "2026-03-01"'],
    ['a number as a day', { energizationApproval: { date: 20260101 } }, 'gridFacts.energizationApproval.date = 20260101: must be a day written YYYY-MM-DD, e.g. "2026-03-01"'],
    ['approved MW as a string', { energizationApproval: { date: '2025-10-01', approvedMw: '80' } }, 'gridFacts.energizationApproval.approvedMw = "80": must be a finite number (the site load ERCOT approved, MW)'],
    ['the old day-only fact', { energizationApprovalDate: '2025-10-01' }, 'gridFacts.energizationApprovalDate = "2025-10-01": is not a known property; check its spelling or remove it'],
    ['an unknown voltage class', { voltageClass: 'high' }, 'gridFacts.voltageClass = "high": must be "transmission" or "distribution" (the voltage the site takes service at)'],
    ['a disclosure that is not an object', { backupGeneration: true }, 'gridFacts.backupGeneration = true: must be { deployableInEmergency, curtailableInEmergency }, e.g. { deployableInEmergency: true, curtailableInEmergency: true }'],
    [
      'a disclosure with a string for a boolean',
      { backupGeneration: { deployableInEmergency: 'yes', curtailableInEmergency: true } },
      'gridFacts.backupGeneration.deployableInEmergency = "yes": must be true or false (whether the site can run its backup generation when ERCOT directs it)',
    ],
    [
      'a disclosure without its second answer',
      { backupGeneration: { deployableInEmergency: true } },
      'gridFacts.backupGeneration.curtailableInEmergency = nothing (the field is missing): must be true or false (whether the site can curtail its load when ERCOT directs it)',
    ],
    ['a whole-site disconnect set to false', { firmLoadShed: { wholeSite: false } }, "gridFacts.firmLoadShed.wholeSite = false: must be true (the utility's equipment opens the site's point of interconnection); to drop some loads only, give remoteDisconnectLoads instead"],
    [
      'firm load shed with neither shape',
      { firmLoadShed: {} },
      "gridFacts.firmLoadShed = {}: must be { wholeSite: true } (the utility's equipment opens the site's point of interconnection) or { remoteDisconnectLoads: [...] } (the interruptible mining pods it drops)",
    ],
    [
      'firm load shed with both shapes',
      { firmLoadShed: { wholeSite: true, remoteDisconnectLoads: ['pod-1'] } },
      'gridFacts.firmLoadShed = {"wholeSite":true,"remoteDisconnectLoads":["pod-1"]}: give wholeSite or remoteDisconnectLoads, not both: a whole-site disconnect drops every load',
    ],
    ['a string for the remote-disconnect list', { firmLoadShed: { remoteDisconnectLoads: 'pod-1' } }, 'gridFacts.firmLoadShed.remoteDisconnectLoads = "pod-1": must be a list of ids of loads of the campus, e.g. ["pod-1", "pod-2"]'],
    ['an empty remote-disconnect list', { firmLoadShed: { remoteDisconnectLoads: [] } }, 'gridFacts.firmLoadShed.remoteDisconnectLoads = []: must name at least one load the remote-disconnect equipment drops, e.g. ["pod-1"]'],
    ['a load listed twice', { firmLoadShed: { remoteDisconnectLoads: ['pod-1', 'pod-1'] } }, 'gridFacts.firmLoadShed.remoteDisconnectLoads[1] = "pod-1": is listed twice; give each load once'],
    ['a month outside June to September', { fourCpCurtailment: { months: [5, 6] } }, 'gridFacts.fourCpCurtailment.months[0] = 5: must be 6 to 9: 4CP intervals fall in June to September'],
    ['a month listed twice', { fourCpCurtailment: { months: [6, 6] } }, 'gridFacts.fourCpCurtailment.months[1] = 6: is listed twice; give each month once'],
    ['no month', { fourCpCurtailment: { months: [] } }, 'gridFacts.fourCpCurtailment.months = []: must name at least one month, 6 to 9, e.g. [6, 7, 8, 9]'],
    ['a misspelt fact', { voltage: 'transmission' }, 'gridFacts.voltage = "transmission": is not a known property; check its spelling or remove it'],
    ['not an object', 'transmission', 'gridFacts = "transmission": must be an object of grid facts, e.g. { voltageClass: "transmission", interconnection: { date: "2026-03-01", loadMw: 120 } }'],
  ])('%s', (_name, gridFacts, expected) => {
    expect(errorOf(() => new Campus(Testing.app(), 'site', { gridRegion: 'ERCOT', interconnectLimitMw: 100, gridFacts: gridFacts as Any }))).toBe(
      `CampusConfigError: [site] invalid property: ${expected}`,
    );
  });

  test('a remote-disconnect load that is no load of the campus: refused at synth, once every part is added', () => {
    const { app, campus, bus, air } = smallCampus({ gridFacts: { firmLoadShed: { remoteDisconnectLoads: ['pod-1', 'pod-9'] } } });
    new MiningPod(campus, 'pod-1', { model: S21, count: 10, bus, cooling: air });
    expect(collectValidationErrors(app)).toEqual([
      '[site] invalid property: gridFacts.firmLoadShed.remoteDisconnectLoads[1] = "pod-9": is not a load of this campus; give the id of one of its mining pods, GPU halls, block or auxiliary loads: pod-1',
    ]);
  });
});

describe('gridFacts: carried to the model the rules read', () => {
  test('an undeclared fact stays absent; declared facts are copied, months sorted', () => {
    expect(smallCampus().campus.toModel().gridFacts).toBeUndefined();
    const facts = {
      interconnection: { date: '2025-03-01', loadMw: 80 },
      voltageClass: 'transmission' as const,
      energizationApproval: { date: '2025-10-01', approvedMw: 80.5 },
      backupGeneration: { deployableInEmergency: true, curtailableInEmergency: false },
      firmLoadShed: { remoteDisconnectLoads: ['pod-1'] },
      fourCpCurtailment: { months: [9, 6] },
    };
    expect(smallCampus({ gridFacts: facts }).campus.toModel().gridFacts).toEqual({
      ...facts,
      interconnection: { date: '2025-03-01', loadKw: 80_000 },
      energizationApproval: { date: '2025-10-01', approvedKw: 80_500 },
      fourCpCurtailment: { months: [6, 9] },
    });
    expect(smallCampus({ gridFacts: { interconnection: { date: '2026-03-01' }, energizationApproval: { date: '2026-01-15' }, firmLoadShed: { wholeSite: true } } }).campus.toModel().gridFacts).toEqual({
      interconnection: { date: '2026-03-01' },
      energizationApproval: { date: '2026-01-15' },
      firmLoadShed: { wholeSite: true },
    });
  });

  test('through the Campus construct: a phased 120 MW transmission campus, judged by the pack at each date', () => {
    const app = Testing.app();
    const campus = new Campus(app, 'tx-1', {
      gridRegion: 'ERCOT',
      interconnectLimitMw: 200,
      gridFacts: { voltageClass: 'transmission', interconnection: { date: '2026-03-01' }, energizationApproval: { date: '2026-01-15' }, firmLoadShed: { remoteDisconnectLoads: ['colo'] } },
    });
    const bus = new PowerBus(campus, 'bus', { redundancy: 'N+1', feeds: [{ name: 'utility-1', capacityMw: 200 }, { name: 'utility-2', capacityMw: 200 }] });
    const air = new CoolingSystem(campus, 'air', { type: 'air', capacityKw: 100_000, pue: 1.0, bus });
    new BlockLoad(campus, 'colo', { power: LoadPower.itMw(60), bus, cooling: air, firm: false });
    new BlockLoad(campus, 'plant', { power: LoadPower.grossMw(20), bus, firm: true });
    new BlockLoad(campus, 'hall-2', { power: LoadPower.itMw(40), bus, cooling: air, firm: true, inService: '2027-01' });
    expect(collectValidationErrors(app)).toEqual([]);
    const subjects: RuleSubjects = { campus: campus.toModel(), timeline: campus.evaluate(), resources: [] };
    const found = ERCOT_LARGE_LOADS.rules.flatMap((rule) => rule.check(subjects).map((v) => `${rule.id} ${v.path} ${v.target ?? ''}`));
    // before 2027-01: 80 MW (75% IT); from 2027-01: 120 MW (83.3% IT). Firm load shed fails: 'colo' is an interruptible block, not in the
    // curtailment plan (only interruptible mining pods are).
    expect(found).toEqual([
      'TXLL-1 tx-1 before 2027-01',
      'TXLL-1 tx-1 from 2027-01',
      'TXLL-2 tx-1 before 2027-01',
      'TXLL-2 tx-1 from 2027-01',
      'TXLL-3 tx-1 before 2027-01',
      'TXLL-3 tx-1 from 2027-01',
      "TXLL-5 tx-1 before 2027-01 load 'colo'",
      "TXLL-5 tx-1 from 2027-01 load 'colo'",
      'TXLL-6 tx-1 before 2027-01',
      'TXLL-6 tx-1 from 2027-01',
    ]);
    expect(ERCOT_LARGE_LOADS.rules.find((r) => r.id === 'TXLL-3')!.check(subjects)[1].message).toBe(
      `from 2027-01: computational load (mining and GPU IT) 100.000 MW is 83.3% of site demand 120.000 MW (at least 50%) at a Large Load: the site is ` +
        `a Large Electronic Load, and its energization was approved on 2026-01-15, after 2025-11-14, so it must meet ERCOT's voltage and frequency ` +
        `ride-through requirements (NOGRR282/NPRR1308). Show compliance with them and record it in a suppression of TXLL-3.`,
    );
    expect(ERCOT_LARGE_LOADS.rules.find((r) => r.id === 'TXLL-5')!.check(subjects)[0].message).toBe(
      `before 2027-01: firm load shed through gridFacts.firmLoadShed.remoteDisconnectLoads (colo) drops 60.000 MW (75.0% of the 80.000 MW site load), ` +
        `but 'colo' is interruptible but not in the curtailment plan (only interruptible mining pods are) (SB 6). Remove it from the list, or declare ` +
        `the whole-site disconnect (gridFacts.firmLoadShed = { wholeSite: true }) if the utility's equipment opens the site's point of interconnection.`,
    );
  });

  test('through the Campus construct: a whole-site disconnect satisfies firm load shed', () => {
    const app = Testing.app();
    const campus = new Campus(app, 'tx-2', {
      gridRegion: 'ERCOT',
      interconnectLimitMw: 200,
      gridFacts: { voltageClass: 'transmission', interconnection: { date: '2026-03-01' }, firmLoadShed: { wholeSite: true } },
    });
    const bus = new PowerBus(campus, 'bus', { redundancy: 'N+1', feeds: [{ name: 'utility-1', capacityMw: 200 }, { name: 'utility-2', capacityMw: 200 }] });
    new BlockLoad(campus, 'plant', { power: LoadPower.grossMw(100), bus, firm: true });
    expect(collectValidationErrors(app)).toEqual([]);
    const txll5 = ERCOT_LARGE_LOADS.rules.find((r) => r.id === 'TXLL-5')!;
    expect(txll5.check({ campus: campus.toModel(), timeline: campus.evaluate(), resources: [] })).toEqual([]);
  });

  test('synthesized for one month (hybrid-campus:date) outside June to September: no 4CP month, so no TXLL-6 finding; inside, one', () => {
    const txll6At = (month: string) => {
      const app = Testing.app({ context: { [DATE_CONTEXT_KEY]: month } });
      const campus = new Campus(app, 'tx-3', { gridRegion: 'ERCOT', interconnectLimitMw: 200 });
      const bus = new PowerBus(campus, 'bus', { redundancy: 'N+1', feeds: [{ name: 'utility-1', capacityMw: 200 }, { name: 'utility-2', capacityMw: 200 }] });
      new BlockLoad(campus, 'plant', { power: LoadPower.grossMw(10), bus, firm: false });
      const txll6 = ERCOT_LARGE_LOADS.rules.find((r) => r.id === 'TXLL-6')!;
      return txll6.check({ campus: campus.toModel(), timeline: campus.evaluate(), resources: [] }).map((v) => v.target);
    };
    expect(txll6At('2027-03')).toEqual([]);
    expect(txll6At('2027-10')).toEqual([]);
    expect(txll6At('2027-08')).toEqual(['at 2027-08']);
  });
});
