/**
 * The message of each class of bad input, exactly: every one names where ("[construct path]" or
 * "[hardware model id]"), the field, the value (escaped, short, never by running the value's own
 * code) and what to do.
 */
import { App, Testing } from 'cdktf';
import { ASIC_MODELS, Campus, CoolingSystem, defineAsicModel, defineGpuSystem, GPU_SYSTEMS, GpuHall, MiningPod, PowerBus, StratumProxy } from '../../index';
import { INPUT_LIMITS } from '../../constructs/props';
import { MAX_LISTED_PROBLEMS, showValue } from '../../domain/config-error';
import { errorOf, S21, smallCampus } from './helpers';

// Values of the wrong kind, as JavaScript callers can pass them.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

describe('showValue never throws and never runs the value', () => {
  test.each<[string, () => unknown, string]>([
    ['an object without prototype', () => Object.assign(Object.create(null), { a: 1 }), '{"a":1}'],
    ['an object with a throwing toString', () => ({ toString: () => { throw new Error('boom'); } }), '{"toString":a function}'],
    ['an object with a throwing toJSON', () => ({ toJSON: () => { throw new Error('boom'); } }), '{"toJSON":a function}'],
    ['a Map', () => new Map([['a', 1]]), 'a Map'],
    ['a RegExp', () => /x/g, 'a RegExp'],
    ['a Promise', () => Promise.resolve(1), 'a Promise'],
    ['a Date', () => new Date(0), 'a Date'],
    ['a bigint', () => 10n, '10n'],
    ['a symbol', () => Symbol('s'), 'a symbol (s)'],
    ['a cycle', () => { const o: Record<string, unknown> = {}; o.self = o; return o; }, '{"self":(itself)}'],
    ['line breaks and terminal escapes', () => 'a\nb\u001b[31m', '"a\\nb\\u001b[31m"'],
    ['-0', () => -0, '-0'],
    ['a class', () => class A {}, 'a class'],
    ['a long list', () => new Array(1_000_000), 'a list of 1,000,000 elements'],
    ['a class instance', () => new (class Props {})(), 'an instance of Props'],
    ['a long string', () => 'x'.repeat(200), `"${'x'.repeat(76)}...`],
    ['a missing value', () => undefined, 'nothing (the field is missing)'],
  ])('%s', (_name, make, expected) => {
    expect(showValue(make())).toBe(expected);
  });
});

describe('construct scope and id, checked before the construct exists', () => {
  const ctx = () => smallCampus();

  test('a missing scope', () => {
    const { bus, air } = ctx();
    expect(errorOf(() => new MiningPod(undefined as Any, 'pod-1', { model: S21, count: 1, bus, cooling: air }))).toBe(
      `CampusConfigError: [new MiningPod("pod-1")] invalid scope: scope = nothing (the field is missing): must be the Campus (or a construct inside it); pass it as the first argument, e.g. new MiningPod(campus, 'pod-1', { ... })`,
    );
  });

  test.each<[string, unknown, string]>([
    ['a number', 42, '[site] invalid property: id = 42: the id of a MiningPod must be a string: a lower-case DNS-1123 label, e.g. "pod-1"'],
    ['empty', '', '[site] invalid property: id = "": must not be empty; give a lower-case DNS-1123 label, e.g. "pod-1"'],
    ['with "/"', 'a/b', '[site] invalid property: id = "a/b": must not contain "/": the id names Kubernetes objects and paths; use "-" instead, e.g. "a-b"'],
    ['an object key', 'constructor', '[site/constructor] invalid property: id = "constructor": is a name every JavaScript object already has; pick another id, e.g. "pod-1"'],
    ['the campus\'s own child', 'kubernetes', `[site/kubernetes] invalid property: id = "kubernetes": is taken by the campus's own Kubernetes provider and namespaces; pick another id, e.g. "kubernetes-1"`],
    ['the campus\'s backend', 'backend', `[site/backend] invalid property: id = "backend": is taken by the campus's Terraform backend; pick another id, e.g. "backend-1"`],
    ['a duplicate', 'air', '[site/air] invalid property: id = "air": is already the id of CoolingSystem at site/air; ids must be unique in their scope, so pick another'],
    ['with a line break', 'pod\nx', '[site] invalid property: id = "pod\\nx": must be a Kubernetes DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit'],
  ])('an id that is %s', (_name, id, expected) => {
    const { campus, bus, air } = ctx();
    expect(errorOf(() => new MiningPod(campus, id as string, { model: S21, count: 1, bus, cooling: air }))).toBe(`CampusConfigError: ${expected}`);
  });

  test("a workload named like the hall's own namespace", () => {
    const { campus, bus } = ctx();
    const dlc = new CoolingSystem(campus, 'dlc', { type: 'direct-to-chip', capacityKw: 2_000, pue: 1.1, bus });
    const hall = new GpuHall(campus, 'hall', { system: GPU_SYSTEMS.NVIDIA_GB300_NVL72_RACK, count: 1, bus, cooling: dlc });
    expect(errorOf(() => hall.addTrainingJob('kubernetes', { image: 'r/x:1', gpusPerPod: 4, cpuMillicores: 1_000, memoryMib: 1_024 }))).toBe(
      `CampusConfigError: [site/hall/kubernetes] invalid property: id = "kubernetes": is taken by the hall's own namespace; pick another id, e.g. "kubernetes-1"`,
    );
  });

  test('a campus inside a campus', () => {
    const { campus } = ctx();
    expect(errorOf(() => new Campus(campus, 'inner', { gridRegion: 'ERCOT', interconnectLimitMw: 1 }))).toBe(
      `CampusConfigError: [site] invalid scope for Campus 'inner': scope = Campus at site: is inside the Terraform stack 'site'; a Campus is a stack of its own, so create it in the App, e.g. new Campus(app, 'inner', { ... })`,
    );
  });

  test('two campuses with one id', () => {
    const app = Testing.app();
    new Campus(app, 'twin', { gridRegion: 'ERCOT', interconnectLimitMw: 1 });
    expect(errorOf(() => new Campus(app, 'twin', { gridRegion: 'ERCOT', interconnectLimitMw: 1 }))).toBe(
      'CampusConfigError: [twin] invalid property: id = "twin": is already the id of Campus at twin; ids must be unique in their scope, so pick another',
    );
  });
});

describe('bounded, plain input, refused before any schema walks it', () => {
  test('a list longer than the maximum', () => {
    const { campus, bus, air } = smallCampus();
    const curve = new Array(1_000_000).fill({ powerW: 1, hashrateThs: 1 });
    expect(errorOf(() => new MiningPod(campus, 'pod-1', { model: S21, count: 1, bus, cooling: air, hashrateCurve: curve }))).toBe(
      'CampusConfigError: [site/pod-1] invalid property: hashrateCurve = a list of 1,000,000 elements: lists 1,000,000 elements, more than the maximum of 10,000',
    );
    expect(INPUT_LIMITS.maxListLength).toBe(10_000);
  });

  test('a list nested in a list', () => {
    const { campus, bus, air } = smallCampus();
    const pod = new MiningPod(campus, 'pod-1', { model: S21, count: 1, bus, cooling: air });
    const pools = [{ url: 'stratum+tcp://pool.example:3333', egressCidrs: [new Array(1_000_000).fill('203.0.113.0/24')] }];
    expect(errorOf(() => new StratumProxy(campus, 'proxy', { pods: [pod], image: 'r/x:1', pools: pools as Any, minerCidrs: ['10.0.0.0/8'] }))).toBe(
      'CampusConfigError: [site/proxy] invalid property: pools[0].egressCidrs[0] = a list of 1,000,000 elements: lists 1,000,000 elements, more than the maximum of 10,000',
    );
  });

  test('a string longer than the maximum', () => {
    expect(errorOf(() => new Campus(Testing.app(), 'x', { gridRegion: 'E'.repeat(5_000), interconnectLimitMw: 1 }))).toBe(
      `CampusConfigError: [x] invalid property: gridRegion = "${'E'.repeat(76)}...: has 5,000 characters, more than the maximum of 4,096`,
    );
  });

  test('nesting deeper than the maximum', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(errorOf(() => new Campus(Testing.app(), 'x', { gridRegion: 'ERCOT', interconnectLimitMw: 1, demandResponse: deep as Any }))).toBe(
      `CampusConfigError: [x] invalid property: demandResponse[0][0][0][0][0][0][0][0][0][0][0] = ${'['.repeat(41)}${']'.repeat(36)}...: is nested more than 12 levels deep, the maximum; give plain data`,
    );
  });

  test('a cycle', () => {
    const economics: Record<string, unknown> = {};
    economics.mining = economics;
    expect(errorOf(() => new Campus(Testing.app(), 'x', { gridRegion: 'ERCOT', interconnectLimitMw: 1, economics: economics as Any }))).toBe(
      'CampusConfigError: [x] invalid property: economics.mining = {"mining":(itself)}: contains itself (a cycle); give plain data',
    );
  });

  test.each<[string, () => unknown, string]>([
    ['Map', () => new Map(), 'a Map'],
    ['RegExp', () => /x/, 'a RegExp'],
    ['Promise', () => Promise.resolve({}), 'a Promise'],
    ['Date', () => new Date(0), 'a Date'],
  ])('economics as a %s', (_name, make, shown) => {
    expect(errorOf(() => new Campus(Testing.app(), 'x', { gridRegion: 'ERCOT', interconnectLimitMw: 1, economics: make() as Any }))).toBe(
      `CampusConfigError: [x] invalid property: economics = ${shown}: must be plain data, an object written { ... } or a list [ ... ]; give the values themselves`,
    );
  });

  test(`one message lists at most ${MAX_LISTED_PROBLEMS} problems`, () => {
    const { campus, bus, air } = smallCampus();
    const props = { model: S21, count: 1, bus, cooling: air, ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i])) };
    const message = errorOf(() => new MiningPod(campus, 'pod-1', props));
    expect(message).toBe(
      'CampusConfigError: [site/pod-1] 20 invalid properties: ' +
        Array.from({ length: 8 }, (_, i) => `k${i} = ${i}: is not a known property; check its spelling or remove it`).join('; ') +
        '; and 12 more problems',
    );
  });
});

describe('fields say what they are and what a right value looks like', () => {
  test('a missing list', () => {
    const { campus, bus, air } = smallCampus();
    const pod = new MiningPod(campus, 'pod-1', { model: S21, count: 1, bus, cooling: air });
    expect(errorOf(() => new StratumProxy(campus, 'proxy', { pods: [pod], image: 'r/x:1', minerCidrs: ['10.0.0.0/8'] } as Any))).toBe(
      'CampusConfigError: [site/proxy] invalid property: pools = nothing (the field is missing): must be a list of pools, e.g. [{ url: "stratum+tcp://pool.example:3333", egressCidrs: ["203.0.113.0/24"] }]',
    );
  });

  test('an element of the wrong type, without a message of its own', () => {
    const { campus } = smallCampus();
    expect(errorOf(() => new PowerBus(campus, 'bus-2', { feeds: [null] } as Any))).toBe(
      'CampusConfigError: [site/bus-2] invalid property: feeds[0] = null: must be an object with properties among name, source, capacityMw, voltageKv, currentA, phases, powerFactor, maxUtilization, side, inService, e.g. { name: "xfmr-1", capacityMw: 30 }',
    );
  });

  test('free text with terminal escapes', () => {
    expect(errorOf(() => new Campus(Testing.app(), 'x', { gridRegion: '\u001b[31mERCOT', interconnectLimitMw: 1 }))).toBe(
      'CampusConfigError: [x] invalid property: gridRegion = "\\u001b[31mERCOT": must not hold control characters (line breaks, tabs, terminal escape sequences); write the grid region or ISO on one line, e.g. "ERCOT"',
    );
  });

  test('an empty hashrate curve on a capped pod', () => {
    const { campus, bus, air } = smallCampus();
    expect(errorOf(() => new MiningPod(campus, 'pod-1', { model: S21, count: 1, bus, cooling: air, hashrateCurve: [], powerCap: { mode: 'auto', minW: 2_000 } }))).toBe(
      'CampusConfigError: [site/pod-1] invalid property: hashrateCurve = []: give at least two points',
    );
  });
});

describe('custom hardware must be physically plausible', () => {
  const asic = { id: 'acme-x1', vendor: 'Acme', model: 'X1', powerW: 3_300, hashrateThs: 250, efficiencyJTh: 13.2, cooling: 'air' as const, source: { citation: 'c', quality: 'q' } };
  const rack = { kind: 'gpu-rack' as const, id: 'r', vendor: 'v', model: 'm', powerW: 132_000, gpus: 72, cooling: 'direct-to-chip' as const, source: { citation: 'c', quality: 'q' } };

  test.each<[string, object, string]>([
    ['a power in the range of a power plant', { powerW: 1e9 }, "powerW = 1000000000: is outside the plausible range for an ASIC miner, 301 to 111,800 W (the catalog's models span 3,010-11,180 W); check the figure and its unit (rated wall power per miner)"],
    ['a hashrate of 1e308', { hashrateThs: 1e308 }, "hashrateThs = 1e+308: is outside the plausible range for an ASIC miner, 14 to 8,600 TH/s (the catalog's models span 140-860 TH/s); check the figure and its unit (hashrate per miner)"],
    ['an efficiency no machine has', { efficiencyJTh: 1.5 }, "efficiencyJTh = 1.5: is outside the plausible range for an ASIC miner, 3 to 215 J/TH (the catalog's models span 12-21.5 J/TH); check the figure and its unit (efficiency)"],
    ['figures that disagree', { powerW: 4_000, hashrateThs: 130, efficiencyJTh: 99 }, 'efficiencyJTh = 99: disagrees with powerW / hashrateThs = 4,000 W / 130 TH/s = 30.77 J/TH by more than 10%; check the three figures (powerW = hashrateThs x efficiencyJTh)'],
    ['an unknown key in source', { source: { citation: 'c', quality: 'q', colour: 'red' } }, 'source.colour = "red": is not a known property; check its spelling or remove it'],
    ['a derived field that is not a figure', { source: { citation: 'c', quality: 'q', derivedFields: ['colour'] } }, 'source.derivedFields[0] = "colour": must name a figure of the model: powerW, hashrateThs, efficiencyJTh, gpus, gpusPerNode, cooling, powerRangeW'],
    ['a vendor that is not text', { vendor: 5 }, 'vendor = 5: must be a string (the maker), e.g. "Acme"'],
  ])('an ASIC with %s', (_name, change, expected) => {
    expect(errorOf(() => defineAsicModel({ ...asic, ...change } as Any))).toBe(`CampusConfigError: [hardware model acme-x1] invalid property: ${expected}`);
  });

  test('an own __proto__ key in source', () => {
    const source = { citation: 'c', quality: 'q' };
    Object.defineProperty(source, '__proto__', { value: 'x', enumerable: true });
    expect(errorOf(() => defineAsicModel({ ...asic, source }))).toBe(
      'CampusConfigError: [hardware model acme-x1] invalid property: source.__proto__ = "x": is not a known property; check its spelling or remove it',
    );
  });

  test.each<[string, object, string]>([
    ['too many GPUs', { gpus: 1_000 }, "gpus = 1000: is more than the 576 GPUs plausible for a GPU rack (the catalog's largest has 72); check the figure"],
    ['a power per GPU no system has', { powerW: 1e7 }, "powerW = 10000000: is outside the plausible range for a GPU rack with 72 GPUs, 9,180 to 528,000 W (127.5-7,333 W per GPU; the catalog's systems draw 1,275-1,833 W per GPU); check the figure and its unit (W per system)"],
    ['nodes that do not divide the rack', { gpusPerNode: 5 }, 'gpusPerNode = 5: must divide gpus (72): a system holds whole nodes'],
  ])('a GPU rack with %s', (_name, change, expected) => {
    expect(errorOf(() => defineGpuSystem({ ...rack, ...change }))).toBe(`CampusConfigError: [hardware model r] invalid property: ${expected}`);
  });

  test('every catalog model is within the plausible ranges', () => {
    for (const m of Object.values(ASIC_MODELS)) expect(errorOf(() => defineAsicModel(m))).toBe('no error');
    for (const g of Object.values(GPU_SYSTEMS)) expect(errorOf(() => defineGpuSystem(g))).toBe('no error');
  });
});

describe('workloads and networks', () => {
  function rackHall() {
    const { campus, bus } = smallCampus();
    const dlc = new CoolingSystem(campus, 'dlc', { type: 'direct-to-chip', capacityKw: 2_000, pue: 1.1, bus });
    return { campus, bus, hall: new GpuHall(campus, 'hall', { system: GPU_SYSTEMS.NVIDIA_GB300_NVL72_RACK, count: 1, bus, cooling: dlc }) };
  }
  const container = { image: 'r/x:1', cpuMillicores: 1_000, memoryMib: 1_024 };

  test('a pod larger than a rack node', () => {
    const { hall } = rackHall();
    expect(errorOf(() => hall.addInferenceService('svc', { ...container, gpusPerPod: 72 }))).toBe(
      'CampusConfigError: [site/hall/svc] invalid property: gpusPerPod = 72: a pod runs on one node, and the nodes (compute trays) of a GB300 NVL72 rack (72x B300 @1.4 kW, 36x Grace) have 4 GPUs each; ask for at most 4 GPUs per pod and run more pods.',
    );
  });

  test('client blocks that together open everything', () => {
    const { hall } = rackHall();
    expect(errorOf(() => hall.addInferenceService('svc', { ...container, gpusPerPod: 4, clientCidrs: ['0.0.0.0/1', '128.0.0.0/1'] }))).toBe(
      'CampusConfigError: [site/hall/svc] invalid property: clientCidrs = ["0.0.0.0/1","128.0.0.0/1"]: together cover every address (like a /0 block, which also contains the pod network); give the narrow blocks of the miners, clients or pool',
    );
  });

  test('egress blocks that together open a port to everything', () => {
    const { hall } = rackHall();
    expect(errorOf(() => hall.addTrainingJob('job', { ...container, gpusPerPod: 4, egress: [{ cidr: '::/1', port: 443 }, { cidr: '8000::/1', port: 443 }] }))).toBe(
      'CampusConfigError: [site/hall/job] invalid property: egress = [{"cidr":"::/1","port":443},{"cidr":"8000::/1","port":443}]: the blocks for port TCP/443 together cover every address (like a /0 block, which also contains the pod network); give the narrow blocks of the miners, clients or pool',
    );
  });

  test.each<[string, string]>([
    ['stratum+tcp://..:3333', 'has host .., which is not a valid host name'],
    ['stratum+tcp://[:]:3333', 'has host [:], which is not an IPv6 address'],
    ['stratum+tcp://999.1.1.1:3333', 'has host 999.1.1.1, which is not an IPv4 address'],
  ])('a pool URL %s', (url, problem) => {
    const { campus, bus, air } = smallCampus();
    const pod = new MiningPod(campus, 'pod-1', { model: S21, count: 1, bus, cooling: air });
    expect(errorOf(() => new StratumProxy(campus, 'proxy', { pods: [pod], image: 'r/x:1', pools: [{ url, egressCidrs: ['203.0.113.0/24'] }], minerCidrs: ['10.0.0.0/8'] }))).toBe(
      `CampusConfigError: [site/proxy] invalid property: pools[0].url = ${JSON.stringify(url)}: ${problem}; write a host name (e.g. pool.example), an IPv4 address or an IPv6 address in brackets (e.g. [2001:db8::1])`,
    );
  });
});

test('an App of another campus as scope is still a construct, so only a Campus check refuses it', () => {
  const other = new App({ outdir: '/nonexistent' });
  const { bus, air } = smallCampus();
  expect(errorOf(() => new MiningPod(other, 'pod-1', { model: S21, count: 1, bus, cooling: air }))).toBe(
    'CampusConfigError: [pod-1] a MiningPod must be created inside a Campus, but none of its scopes is one. Pass the Campus (or a construct inside it) as the scope.',
  );
});

describe('a subject that quotes what the user wrote is escaped once', () => {
  test('a hardware id holding a bracket', () => {
    const asic = { id: 'acme-x1', vendor: 'Acme', model: 'X1', powerW: 3_300, hashrateThs: 250, efficiencyJTh: 13.2, cooling: 'air' as const, source: { citation: 'c', quality: 'q' } };
    expect(errorOf(() => defineAsicModel({ ...asic, id: '[object Object]' } as Any))).toBe(
      'CampusConfigError: [hardware model [object Object\\]] invalid property: id = "[object Object]": must be lower-case letters, digits and "-", starting and ending with a letter or digit',
    );
  });
});
