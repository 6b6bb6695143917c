import { busUsableKw, lossEvents } from '../../domain/redundancy';
import { bus, feed } from './fixtures';

const brief = (events: ReturnType<typeof lossEvents>) => events.map((e) => [e.id, e.capacityKw, e.lostGenerationKw]);

describe('loss events of a bus', () => {
  test('N+1: the loss of each feed in turn, in name order, each leaving the others', () => {
    const b = bus('b', [feed('small', 20_000), feed('large', 50_000), feed('mid', 30_000)], 'N+1');
    expect(busUsableKw(b)).toBe(100_000);
    expect(brief(lossEvents(b))).toEqual([
      ['lose-feed:large', 50_000, 0],
      ['lose-feed:mid', 70_000, 0],
      ['lose-feed:small', 80_000, 0],
    ]);
    expect(lossEvents(b)[0].label).toBe('lose large');
    expect(lossEvents(b)[0].lost).toBe("loss of feed 'large'");
  });

  test('usable capacity counts: an 80% feed of 60 MW (48 usable) leaves 50 MW when lost', () => {
    const b = bus('b', [feed('elec', 60_000, { maxUtilization: 0.8 }), feed('contract', 50_000)], 'N+1');
    expect(brief(lossEvents(b))).toEqual([
      ['lose-feed:contract', 48_000, 0],
      ['lose-feed:elec', 50_000, 0],
    ]);
  });

  test('an on-site generator is a source like any other, and its loss takes its generation', () => {
    const b = bus('b', [feed('u1', 80_000), feed('u2', 80_000), feed('gen', 30_000, { source: 'onsite-generation' })], 'N+1');
    const gen = lossEvents(b).find((e) => e.id === 'lose-feed:gen')!;
    expect(gen.capacityKw).toBe(160_000);
    expect(gen.lostGenerationKw).toBe(30_000);
    expect(gen.lost).toBe("loss of on-site generator 'gen'");
  });

  test('N: every feed is checked too, since firm load must survive the loss of any one source', () => {
    expect(brief(lossEvents(bus('b', [feed('f1', 10_000)])))).toEqual([['lose-feed:f1', 0, 0]]);
  });

  test('2N with sides: the loss of each side, naming its feeds', () => {
    const events = lossEvents(bus('b', [feed('a1', 30_000, { side: 'A' }), feed('a2', 20_000, { side: 'A' }), feed('b1', 45_000, { side: 'B' })], '2N'));
    expect(brief(events)).toEqual([
      ['lose-side:A', 45_000, 0],
      ['lose-side:B', 50_000, 0],
    ]);
    expect(events[0].lost).toBe("loss of side A: feeds 'a1', 'a2'");
    expect(events[1].lost).toBe("loss of side B: feed 'b1'");
  });

  test('2N without sides never assumes the favourable split: 100 + 20 MW keeps 20 MW, not 60', () => {
    const events = lossEvents(bus('b', [feed('big', 100_000), feed('small', 20_000)], '2N'));
    expect(brief(events)).toEqual([['lose-side:worst', 20_000, 0]]);
    expect(events[0].lost).toBe("loss of one side; the feeds name no side, so the worst split for the bus is assumed: only 'small' is left ('big' lost)");
  });

  test('2N without sides: the sides need not have as many feeds, so 40 + 40 + 40 + 5 MW keeps 5 MW', () => {
    const events = lossEvents(bus('b', [feed('a', 40_000), feed('b', 40_000), feed('c', 40_000), feed('tiny', 5_000)], '2N'));
    expect(brief(events)).toEqual([['lose-side:worst', 5_000, 0]]);
    expect(events[0].lostFeeds).toEqual(['a', 'b', 'c']);
  });

  test('2N without sides whose smallest feed is a generator: a second worst split loses every generator', () => {
    const events = lossEvents(bus('b', [feed('u1', 50_000), feed('u2', 60_000), feed('gen', 10_000, { source: 'onsite-generation' })], '2N'));
    expect(brief(events)).toEqual([
      ['lose-side:worst', 10_000, 0],
      ['lose-side:worst-generation', 50_000, 10_000],
    ]);
    expect(events[1].lost).toBe("loss of one side; the feeds name no side, so the worst split for the grid import is assumed: only 'u1' is left ('gen', 'u2' lost)");
  });

  test('ties and declaration order do not change the events', () => {
    const a = lossEvents(bus('b', [feed('zeta', 10_000), feed('alpha', 10_000)], 'N+1'));
    const b = lossEvents(bus('b', [feed('alpha', 10_000), feed('zeta', 10_000)], 'N+1'));
    expect(a).toEqual(b);
  });

  test('a bus with no feed in service has no loss event (its normal capacity is 0)', () => {
    expect(lossEvents(bus('b', [], 'N+1'))).toEqual([]);
  });
});
