import { computeBudget } from '../../../domain/budget';
import { siteInterconnect } from '../../../domain/checks/site-interconnect';
import { bus, campus, feed } from '../fixtures';

// One bus with 100 MW of utility and 10 MW of on-site generation; `loadKw` of auxiliary load on it.
function run(loadKw: number, interconnectLimitKw = 50_000) {
  return siteInterconnect.run(
    computeBudget(
      campus({
        interconnectLimitKw,
        buses: [bus('main', [feed('grid', 100_000), feed('gas', 10_000, { source: 'onsite-generation' })])],
        auxiliaryLoads: [{ kind: 'auxiliary', name: 'load', path: 'site/load', bus: 'main', powerKw: loadKw }],
      }),
    ),
  );
}

describe('check site-interconnect', () => {
  test('passes: 40 MW load - 10 MW generation = 30 MW of 50 MW', () => {
    expect(run(40_000)).toEqual([
      {
        check: 'site-interconnect',
        status: 'pass',
        subject: 'site',
        path: 'site',
        scenario: 'normal',
        message:
          'site interconnect: grid import 30.000 MW (total load 40.000 MW - on-site generation 10.000 MW) is 60.0% of the ERCOT interconnect limit 50.000 MW; headroom 20.000 MW.',
      },
      {
        check: 'site-interconnect',
        status: 'pass',
        subject: 'site',
        path: 'site',
        scenario: 'contingency',
        // Losing the generator: the 40 MW of firm auxiliary load all comes from the grid.
        message:
          "site interconnect after the loss of on-site generator 'gas' on bus 'main': firm grid import 40.000 MW (firm load 40.000 MW, " +
          'interruptible load shed, on-site generation left 0.000 MW) is 80.0% of the ERCOT interconnect limit 50.000 MW; headroom 10.000 MW.',
      },
    ]);
  });

  test('without on-site generation there is no loss that raises the import, so no second result', () => {
    const results = siteInterconnect.run(
      computeBudget(
        campus({
          interconnectLimitKw: 50_000,
          buses: [bus('main', [feed('u1', 100_000), feed('u2', 100_000)], 'N+1')],
          auxiliaryLoads: [{ kind: 'auxiliary', name: 'load', path: 'site/load', bus: 'main', powerKw: 40_000 }],
        }),
      ),
    );
    expect(results.map((r) => r.scenario)).toEqual(['normal']);
  });

  test('exactly at the limit passes with a warning', () => {
    expect(run(60_000)[0].status).toBe('warn');
  });

  test('fails above the limit with the overshoot and the fix', () => {
    expect(run(65_500)[0]).toMatchObject({
      status: 'fail',
      message:
        'site interconnect: grid import 55.500 MW (total load 65.500 MW - on-site generation 10.000 MW) exceeds the ERCOT interconnect ' +
        'limit 50.000 MW by 5.500 MW. Remove or curtail load, add on-site generation, or raise the limit (interconnectLimitMw, or the step of interconnectSteps in force) only if the utility has approved more.',
    });
  });
});
