import * as fs from 'fs';
import * as path from 'path';
import { TXLL_5, ERCOT_LARGE_LOADS } from '../../../rules/ercot';
import { aux, findingsOf, hall, pod, site } from './ercot-fixtures';

describe('the ERCOT large-loads pack', () => {
  test('its name and rules, in id order, each with its level and whether it may be suppressed', () => {
    expect(ERCOT_LARGE_LOADS.name).toBe('hybrid-campus/ercot-large-loads');
    expect(ERCOT_LARGE_LOADS.rules.map((r) => [r.id, r.level, r.suppressible ?? true])).toEqual([
      ['TXLL-1', 'warning', true],
      ['TXLL-2', 'warning', true],
      ['TXLL-3', 'warning', true],
      ['TXLL-4', 'error', false],
      ['TXLL-5', 'error', false],
      ['TXLL-6', 'warning', true],
    ]);
  });

  test('one file per rule, named by its id; every statement one line, every source citing a rule or SB 6', () => {
    const files = fs.readdirSync(path.join(__dirname, '../../../rules/ercot')).filter((f) => /^TXLL-\d+\.ts$/.test(f));
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(ERCOT_LARGE_LOADS.rules.map((r) => r.id).sort());
    for (const rule of ERCOT_LARGE_LOADS.rules) {
      expect(rule.statement).not.toMatch(/\n/);
      expect(rule.source).toMatch(/NPRR\d+|NOGRR\d+|SB 6|4CP/);
      if (rule.id !== 'TXLL-6') expect(rule.source).toMatch(/https:\/\/[a-z]/); // the reference doc's URL; 4CP cites domain-notes.md
    }
  });

  test('a 100 MW campus that declares no fact: every rule that needs one names it, at every date', () => {
    const model = site({
      miningPods: [pod('pod-a', 'main', 'air', 60_000)],
      gpuHalls: [hall('hall-1', 'main', 'air', 20_000)],
      auxiliaryLoads: [aux('plant', 20_000, { inService: '2027-01' })],
    }, undefined, [{ name: 'gen', source: 'onsite-generation', ratingKw: 60_000, maxUtilization: 1, ratingBasis: '60 MW' }]);
    const named = ERCOT_LARGE_LOADS.rules.flatMap((rule) => findingsOf(rule, model).map((v) => `${rule.id} ${v.target}: ${(v.message.match(/gridFacts\.[A-Za-z.]+/g) ?? []).join(' ')}`));
    expect(named).toEqual([
      'TXLL-1 before 2027-01: ',
      'TXLL-1 from 2027-01: ',
      'TXLL-2 before 2027-01: ',
      'TXLL-2 from 2027-01: ',
      'TXLL-3 before 2027-01: gridFacts.energizationApproval gridFacts.energizationApproval',
      'TXLL-3 from 2027-01: gridFacts.energizationApproval gridFacts.energizationApproval',
      'TXLL-4 before 2027-01: gridFacts.backupGeneration gridFacts.backupGeneration',
      'TXLL-4 from 2027-01: gridFacts.backupGeneration gridFacts.backupGeneration',
      'TXLL-5 before 2027-01: gridFacts.voltageClass gridFacts.interconnection gridFacts.voltageClass gridFacts.interconnection',
      'TXLL-5 from 2027-01: gridFacts.voltageClass gridFacts.interconnection gridFacts.voltageClass gridFacts.interconnection',
      'TXLL-6 before 2027-01: gridFacts.fourCpCurtailment',
      'TXLL-6 from 2027-01: gridFacts.fourCpCurtailment',
    ]);
  });

  test('deterministic: the same findings whatever the declaration order of parts and list entries', () => {
    const facts = { voltageClass: 'transmission' as const, interconnection: { date: '2026-06-01' }, firmLoadShed: { remoteDisconnectLoads: ['hall-1', 'pod-b', 'pod-a'] } };
    const pods = [pod('pod-a', 'main', 'air', 40_000), pod('pod-b', 'main', 'air', 30_000)];
    const a = site({ miningPods: pods, gpuHalls: [hall('hall-1', 'main', 'air', 20_000)] }, facts);
    const b = site({ miningPods: [...pods].reverse(), gpuHalls: [hall('hall-1', 'main', 'air', 20_000)] }, { ...facts, firmLoadShed: { remoteDisconnectLoads: ['pod-a', 'pod-b', 'hall-1'] } });
    const all = (m: typeof a) => JSON.stringify(ERCOT_LARGE_LOADS.rules.map((r) => findingsOf(r, m)));
    expect(findingsOf(TXLL_5, a).length).toBe(1); // 'hall-1' is firm
    expect(all(a)).toBe(all(b));
  });
});
