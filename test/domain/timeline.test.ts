import { DATED_LISTS, campusAt } from '../../domain/campus-timeline';
import { bus, campus, cooling, feed, hall, pod } from './fixtures';
import { changeMonths, inServiceAt, isMonth, monthsCovered, nextMonth, previousMonth, timelinePoints } from '../../domain/timeline';
import { withoutShortcuts } from '../../domain/shortcuts';

describe('timeline', () => {
  test('a part is in service from inService until the month before retire', () => {
    const part = { inService: '2026-03', retire: '2027-01' };
    expect(inServiceAt(part, '2026-02')).toBe(false);
    expect(inServiceAt(part, '2026-03')).toBe(true);
    expect(inServiceAt(part, '2026-12')).toBe(true);
    expect(inServiceAt(part, '2027-01')).toBe(false);
    expect(inServiceAt({}, '1999-01')).toBe(true);
    expect(inServiceAt(part, undefined)).toBe(true);
  });

  test('month arithmetic crosses year ends', () => {
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(previousMonth('2027-10')).toBe('2027-09');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-09')).toBe('2026-10');
  });

  test('validates months', () => {
    expect(isMonth('2027-01')).toBe(true);
    expect(isMonth('2027-13')).toBe(false);
    expect(isMonth('2027-1')).toBe(false);
    expect(isMonth(202701)).toBe(false);
  });

  test('change months are distinct and sorted', () => {
    expect(changeMonths([{ inService: '2027-01' }, { retire: '2026-07' }, { inService: '2026-07', retire: '2028-01' }])).toEqual([
      '2026-07',
      '2027-01',
      '2028-01',
    ]);
  });

  test('a campus without dates has one unlabelled state', () => {
    expect(timelinePoints([{}, {}])).toEqual([{ label: '' }]);
  });

  test('the state before the first change is checked when undated parts exist', () => {
    expect(timelinePoints([{}, { retire: '2026-07' }, { inService: '2026-10' }])).toEqual([
      { until: '2026-07', at: '2026-06', label: 'before 2026-07' },
      { from: '2026-07', until: '2026-10', at: '2026-07', label: 'from 2026-07' },
      { from: '2026-10', until: undefined, at: '2026-10', label: 'from 2026-10' },
    ]);
  });

  test('no "before" state when nothing is in service before the first date', () => {
    expect(timelinePoints([{ inService: '2026-01' }, { inService: '2027-01' }]).map((p) => p.label)).toEqual(['from 2026-01', 'from 2027-01']);
  });

  test('months covered by a state, wrapping the year; open states cover all twelve', () => {
    expect([...monthsCovered({ from: '2026-11', until: '2027-02', label: '' })]).toEqual([11, 12, 1]);
    expect(monthsCovered({ from: '2026-11', label: '' }).size).toBe(12);
    expect(monthsCovered({ from: '2020-01', until: '2030-01', label: '' }).size).toBe(12);
  });
});

describe('DATED_LISTS (the lists a lazy view of a state makes on first read)', () => {
  test('are every key campusAt gives another value, besides period', () => {
    const dated = { inService: '2027-03' };
    const model = campus({
      buses: [bus('a', [feed('fa', 5_000), feed('fb', 5_000, dated)]), { ...bus('b', [feed('fc', 5_000)]), ...dated }],
      coolingSystems: [cooling('ca', 'a', { model: 'pue', pue: 1.2 }), { ...cooling('cb', 'b', { model: 'pue', pue: 1.2 }), ...dated }],
      miningPods: [pod('p1', 'a', 'ca', 100), { ...pod('p2', 'a', 'ca', 100), ...dated }],
      gpuHalls: [{ ...hall('h1', 'a', 'ca', 100), ...dated }],
      auxiliaryLoads: [{ kind: 'auxiliary', name: 'x1', path: 'site/x1', bus: 'a', powerKw: 10, ...dated }],
      blockLoads: [],
      interconnectSteps: [{ from: '2027-03', limitKw: 9_000 }],
    });
    const state = campusAt(model, { at: '2027-01', from: '2027-01', until: '2027-03', label: '2027-01 to 2027-02' }) as unknown as Record<string, unknown>;
    const before = model as unknown as Record<string, unknown>;
    const changed = Object.keys(state).filter((key) => state[key] !== before[key] && key !== 'period');
    // Every key that differs is made by the lazy view (a key missing from DATED_LISTS would be
    // judged unfiltered: parts not in service counted).
    expect(changed.filter((key) => !DATED_LISTS.has(key))).toEqual([]);
    expect(changed.length).toBeGreaterThan(5);
  });
});

describe('campusAt: a bus with a feed out of service', () => {
  const point = (at: string) => ({ at, from: at, until: nextMonth(at), label: at });

  test('is the same filtered object while the same feeds are in service, and the bus itself once all are', () => {
    const declared = bus('a', [feed('fa', 5_000), { ...feed('fb', 5_000), inService: '2027-03' }]);
    const model = campus({ buses: [declared] });
    const january = campusAt(model, point('2027-01')).buses[0];
    expect(january).not.toBe(declared);
    expect(january.feeds.map((f) => f.name)).toEqual(['fa']);
    expect(campusAt(model, point('2027-02')).buses[0]).toBe(january);
    expect(campusAt(model, point('2027-03')).buses[0]).toBe(declared);
  });

  test('is made again when a feed is pushed into the bus in place after a first evaluation', () => {
    const feeds = [feed('fa', 5_000), { ...feed('fb', 5_000), inService: '2027-03' }];
    const model = campus({ buses: [bus('a', feeds)] });
    const before = campusAt(model, point('2027-01')).buses[0];
    feeds.push(feed('fc', 2_000));
    const after = campusAt(model, point('2027-01')).buses[0];
    expect(after).not.toBe(before);
    expect(after.feeds.map((f) => f.name)).toEqual(['fa', 'fc']);
  });

  test('is a new object every time without shortcuts', () => {
    const model = campus({ buses: [bus('a', [feed('fa', 5_000), { ...feed('fb', 5_000), inService: '2027-03' }])] });
    const [first, second] = withoutShortcuts(() => [campusAt(model, point('2027-01')).buses[0], campusAt(model, point('2027-01')).buses[0]]);
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
  });
});
