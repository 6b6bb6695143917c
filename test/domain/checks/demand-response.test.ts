import { computeBudget } from '../../../domain/budget';
import { demandResponse, inSeason } from '../../../domain/checks/demand-response';
import type { DemandResponseCommitment } from '../../../domain/model';
import { bus, campus, cooling, feed, hall, pod } from '../fixtures';

// Pods: fast (10 MW, curtails in 60 s) and slow (20 MW, 900 s), sharing a PUE 1.1 air system with
// a 5 MW firm hall. Interruptible cooling = 30 MW x 0.1 = 3 MW, split by heat: fast pod 1 MW.
function run(commitment: DemandResponseCommitment, period = { label: '' }) {
  return demandResponse.run(
    computeBudget(
      campus({
        buses: [bus('main', [feed('f', 100_000)])],
        coolingSystems: [cooling('air', 'main', { model: 'pue', pue: 1.1 })],
        miningPods: [pod('fast', 'main', 'air', 10_000, { curtailSeconds: 60 }), pod('slow', 'main', 'air', 20_000, { curtailSeconds: 900 })],
        gpuHalls: [hall('h', 'main', 'air', 5_000)],
        commitments: [commitment],
        period,
      }),
    ),
  );
}

describe('check demand-response', () => {
  test('passes when pods fast enough cover the commitment, counting their cooling', () => {
    expect(run({ program: 'ERS-10', sheddableKw: 11_000, responseTimeS: 600 })).toEqual([
      {
        check: 'demand-response',
        status: 'pass',
        subject: 'ERS-10',
        path: 'site',
        message: "demand response 'ERS-10': shedding the interruptible load that curtails within 600 s cuts grid import by 11.000 MW, covering the committed 11.000 MW (100.0%).",
      },
    ]);
  });

  test('fails when too little load can curtail in time, with the gap and the fix', () => {
    expect(run({ program: 'ERS-10', sheddableKw: 15_000, responseTimeS: 600 })[0]).toMatchObject({
      status: 'fail',
      message:
        "demand response 'ERS-10': shedding the interruptible load that curtails within 600 s cuts grid import by 11.000 MW, below the committed 15.000 MW by 4.000 MW. " +
        'Keep more grid-fed mining in service, make pods curtail faster (curtailSeconds), take slow or firm loads off fixed-power cooling shared with the pods that shed (it keeps running for them), lower or end a commitment, ' +
        'or give commitments that are never called together the same exclusiveGroup.',
    });
  });

  test('slow pods count for programs with a longer response time', () => {
    expect(run({ program: 'non-spin', sheddableKw: 33_000, responseTimeS: 1_800 })[0].status).toBe('pass');
  });

  test('a seasonal commitment is not checked in a state outside its season', () => {
    const summer: DemandResponseCommitment = { program: 'ERS', sheddableKw: 50_000, responseTimeS: 600, season: { fromMonth: 6, toMonth: 9 } };
    expect(run(summer, { from: '2026-10', until: '2027-05', label: 'from 2026-10' } as never)).toEqual([]);
    expect(run(summer, { from: '2026-10', until: '2027-07', label: 'from 2026-10' } as never)[0].status).toBe('fail');
  });

  test('a fixed cooling draw counts only when every pod it cools can be shed in time', () => {
    // 500 kW of fixed cooling for a fast and a slow pod: the fans keep running for the slow one.
    const fixed = (slowSeconds: number) =>
      demandResponse.run(
        computeBudget(
          campus({
            buses: [bus('main', [feed('f', 100_000)])],
            coolingSystems: [cooling('fans', 'main', { model: 'fixed', powerKw: 500 })],
            miningPods: [pod('fast', 'main', 'fans', 1_000, { curtailSeconds: 30 }), pod('slow', 'main', 'fans', 1_000, { curtailSeconds: slowSeconds })],
            commitments: [{ program: 'ERS-10', sheddableKw: 1_200, responseTimeS: 600 }],
          }),
        ),
      )[0];
    expect(fixed(3_600).message).toContain('cuts grid import by 1.000 MW, below the committed 1.200 MW');
    // When both can be shed in time, the fans stop too: 2,000 + 500 kW.
    expect(fixed(60).message).toContain('cuts grid import by 2.500 MW, covering');
  });

  test('seasons may wrap the new year', () => {
    const winter: DemandResponseCommitment = { program: 'w', sheddableKw: 1, responseTimeS: 1, season: { fromMonth: 11, toMonth: 2 } };
    expect(inSeason(winter, new Set([1]))).toBe(true);
    expect(inSeason(winter, new Set([7]))).toBe(false);
  });
});
