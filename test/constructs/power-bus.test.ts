import { PowerBus, type PowerBusProps } from '../../constructs/plant/power-bus';
import { errorOf, smallCampus } from './helpers';

function busError(props: PowerBusProps): string {
  const { campus } = smallCampus();
  return errorOf(() => new PowerBus(campus, 'b', props));
}

describe('PowerBus', () => {
  test('turns feeds into rated and usable capacity with the documented defaults', () => {
    const { campus } = smallCampus();
    const bus = new PowerBus(campus, 'b', {
      redundancy: 'N+1',
      feeds: [
        { name: 'line', voltageKv: 34.5, currentA: 1700, phases: 3, powerFactor: 0.98 },
        { name: 'contract', capacityMw: 30, source: 'transformer' },
        { name: 'gas', capacityMw: 10, source: 'onsite-generation', maxUtilization: 0.9 },
      ],
    });
    expect(bus.feeds.map((f) => [f.name, f.source, Math.round(f.ratingKw), f.maxUtilization])).toEqual([
      ['line', 'utility', 99_553, 0.8],
      ['contract', 'transformer', 30_000, 1],
      ['gas', 'onsite-generation', 10_000, 0.9],
    ]);
    expect(bus.redundancy).toBe('N+1');
    expect(bus.toModel().path).toBe('site/b');
  });

  test('redundancy defaults to N', () => {
    const { campus } = smallCampus();
    expect(new PowerBus(campus, 'plain', { feeds: [{ name: 'p1', capacityMw: 1 }] }).redundancy).toBe('N');
  });

  test.each<[string, PowerBusProps, string]>([
    ['no feeds', { feeds: [] }, '[site/b] invalid property: feeds = []: a bus needs at least one feed'],
    [
      'N+1 with one feed',
      { feeds: [{ name: 'f', capacityMw: 10 }], redundancy: 'N+1' },
      '[site/b] invalid property: feeds = [{"name":"f","capacityMw":10}]: a bus with redundancy N+1 needs at least 2 feeds (it has 1); add a feed or set redundancy to "N"',
    ],
    [
      'a feed without rating',
      { feeds: [{ name: 'f' }] },
      '[site/b] invalid property: feeds[0].capacityMw = nothing (the field is missing): the feed has no rating: give capacityMw, or voltageKv + currentA + phases + powerFactor',
    ],
    [
      'an incomplete electrical rating',
      { feeds: [{ name: 'f', voltageKv: 34.5, currentA: 100, phases: 3 }] },
      '[site/b] invalid property: feeds[0].powerFactor = nothing (the field is missing): an electrical rating needs voltageKv, currentA, phases and powerFactor; powerFactor is missing',
    ],
    [
      'both ratings',
      { feeds: [{ name: 'f', capacityMw: 10, voltageKv: 34.5 }] },
      '[site/b] invalid property: feeds[0].voltageKv = 34.5: give the rating either as capacityMw or as voltageKv + currentA + phases + powerFactor, not both',
    ],
    [
      'a bad feed name and a NaN rating',
      { feeds: [{ name: 'F 1', capacityMw: NaN }] },
      '[site/b] 2 invalid properties: feeds[0].name = "F 1": must be a Kubernetes DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit; feeds[0].capacityMw = NaN: must be a finite number (contracted or nameplate rating in MW)',
    ],
    [
      'a rating in W where MW is asked',
      { feeds: [{ name: 'f', capacityMw: 30e9 }] },
      '[site/b] invalid property: feeds[0].capacityMw = 30000000000: must be less than 1,000,000,000 (contracted or nameplate rating in MW); check the unit',
    ],
    [
      'sides on a bus that is not 2N',
      { feeds: [{ name: 'f1', capacityMw: 10, side: 'A' }, { name: 'f2', capacityMw: 10, side: 'B' }], redundancy: 'N+1' },
      '[site/b] invalid property: feeds = [{"name":"f1","capacityMw":10,"side":"A"},{"name":"f2","capacityMw":10,"side"...: feed sides (A/B) are for a 2N bus; this bus is N+1. Remove side, or set redundancy to "2N"',
    ],
    [
      'a 2N bus with a feed without a side',
      { feeds: [{ name: 'f1', capacityMw: 10, side: 'A' }, { name: 'f2', capacityMw: 10 }], redundancy: '2N' },
      '[site/b] invalid property: feeds = [{"name":"f1","capacityMw":10,"side":"A"},{"name":"f2","capacityMw":10}]: give every feed of a 2N bus its side, or none; f2 has none',
    ],
    [
      'a 2N bus with one side only',
      { feeds: [{ name: 'f1', capacityMw: 10, side: 'A' }, { name: 'f2', capacityMw: 10, side: 'A' }], redundancy: '2N' },
      '[site/b] invalid property: feeds = [{"name":"f1","capacityMw":10,"side":"A"},{"name":"f2","capacityMw":10,"side"...: a 2N bus needs feeds on both sides; all are on side A',
    ],
    [
      'a percentage instead of a fraction',
      { feeds: [{ name: 'f', capacityMw: 10, maxUtilization: 80 }] },
      '[site/b] invalid property: feeds[0].maxUtilization = 80: must be at most 1 (share of the rating that may be drawn continuously); give a fraction, e.g. 0.8 for 80%',
    ],
    [
      'two phases',
      { feeds: [{ name: 'f', voltageKv: 1, currentA: 1, powerFactor: 1, phases: 2 as 3 }] },
      '[site/b] invalid property: feeds[0].phases = 2: must be 1 or 3',
    ],
    [
      'a power factor above 1',
      { feeds: [{ name: 'f', voltageKv: 1, currentA: 1, phases: 3, powerFactor: 1.2 }] },
      '[site/b] invalid property: feeds[0].powerFactor = 1.2: must be at most 1',
    ],
    [
      'an unknown redundancy',
      { feeds: [{ name: 'f', capacityMw: 10 }], redundancy: 'N+2' as 'N' },
      '[site/b] invalid property: redundancy = "N+2": must be "N", "N+1" or "2N"',
    ],
    [
      'a misspelt property',
      { feeds: [{ name: 'f', capacityMW: 10 } as never] },
      '[site/b] 2 invalid properties: feeds[0].capacityMW = 10: is not a known property; check its spelling or remove it; feeds[0].capacityMw = nothing (the field is missing): the feed has no rating: give capacityMw, or voltageKv + currentA + phases + powerFactor',
    ],
  ])('refuses %s', (_, props, message) => {
    expect(busError(props)).toBe(`CampusConfigError: ${message}`);
  });

  test('refuses an id that is not a Kubernetes name', () => {
    const { campus } = smallCampus();
    expect(errorOf(() => new PowerBus(campus, 'Bus_A', { feeds: [{ name: 'f', capacityMw: 1 }] }))).toBe(
      'CampusConfigError: [site/Bus_A] invalid property: id = "Bus_A": must be a Kubernetes DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit',
    );
  });

  test('refuses to be created outside a campus', () => {
    const { app } = smallCampus();
    expect(errorOf(() => new PowerBus(app, 'lonely', { feeds: [{ name: 'f', capacityMw: 1 }] }))).toBe(
      'CampusConfigError: [lonely] a PowerBus must be created inside a Campus, but none of its scopes is one. Pass the Campus (or a construct inside it) as the scope.',
    );
  });
});
