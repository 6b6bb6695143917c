/**
 * A hardware model object passed to many pods or halls is parsed once while its data stays the
 * same (constructs/props.ts hardwareOf, issue 12: the examples' 406 pods each parsed the same
 * catalog model); a model changed in any way a schema can see is parsed again.
 */
import { asicModelSchema, type AsicModel } from '../../catalog/hardware-model';
import { ASIC_MODELS } from '../../catalog/hardware-catalog';
import { MiningPod } from '../../constructs/plant/mining-pod';
import { plainDataKey } from '../../constructs/props';
import { errorOf, smallCampus } from './helpers';

const S21 = ASIC_MODELS.BITMAIN_ANTMINER_S21;

describe("a hardware model's parse is reused while its data is the same", () => {
  afterEach(() => jest.restoreAllMocks());

  test('one model object for three pods is parsed once; each pod gets its own copy, equal to the model', () => {
    const parse = jest.spyOn(asicModelSchema, 'safeParse');
    const model: AsicModel = { ...S21, source: { ...S21.source } };
    const { campus, bus, air } = smallCampus();
    const pods = [1, 2, 3].map((n) => new MiningPod(campus, `pod-${n}`, { model, count: 10, bus, cooling: air }));
    expect(parse).toHaveBeenCalledTimes(1);
    expect(pods[1].model).toEqual(model);
    expect(pods[1].model).not.toBe(pods[0].model);
    expect(pods[2].model.source).not.toBe(pods[0].model.source);
  });

  test('a model changed to a bad figure after the first pod is refused for the next pod', () => {
    const model = { ...S21, source: { ...S21.source } };
    const { campus, bus, air } = smallCampus();
    new MiningPod(campus, 'pod-1', { model, count: 10, bus, cooling: air });
    (model as { powerW: number }).powerW = -1;
    expect(errorOf(() => new MiningPod(campus, 'pod-2', { model, count: 10, bus, cooling: air }))).toContain(
      'invalid property: model = {"kind":"asic","id":"bitmain-antminer-s21","vendor":"Bitmain","model":"Antmin...: is not a valid hardware model; an ASIC model is needed',
    );
  });

  test('a model changed to another good figure gives the next pod the new figure', () => {
    const model = { ...S21, source: { ...S21.source } };
    const { campus, bus, air } = smallCampus();
    const first = new MiningPod(campus, 'pod-1', { model, count: 10, bus, cooling: air });
    (model.source as { notes?: string }).notes = 'measured again';
    const second = new MiningPod(campus, 'pod-2', { model, count: 10, bus, cooling: air });
    expect(first.model.source.notes).toBeUndefined();
    expect(second.model.source.notes).toBe('measured again');
  });

  test('an unknown key set to undefined after the first pod is refused, as a first parse refuses it', () => {
    const model = { ...S21, source: { ...S21.source } };
    const { campus, bus, air } = smallCampus();
    new MiningPod(campus, 'pod-1', { model, count: 10, bus, cooling: air });
    (model as Record<string, unknown>).extra = undefined;
    expect(errorOf(() => new MiningPod(campus, 'pod-2', { model, count: 10, bus, cooling: air }))).toContain('is not a valid hardware model');
  });
});

describe('plainDataKey', () => {
  test('tells apart what JSON does not: -0, NaN, Infinity, a key set to undefined, a hole, a non-enumerable key', () => {
    const keys = [
      { a: 0 },
      { a: -0 },
      { a: NaN },
      { a: null },
      { a: Infinity },
      { a: '0' },
      {},
      { a: undefined },
      { a: [1, , 3] }, // eslint-disable-line no-sparse-arrays
      { a: [1, undefined, 3] },
      Object.defineProperty({}, 'a', { value: 0, enumerable: false }),
      Object.assign(Object.create(null), { a: 0 }),
    ].map(plainDataKey);
    expect(keys.every((k) => typeof k === 'string')).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('is the same for equal plain data', () => {
    expect(plainDataKey({ a: [1, { b: 'x' }], c: true })).toBe(plainDataKey({ a: [1, { b: 'x' }], c: true }));
  });

  test('is undefined for what is not plain data, which is then never reused', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    let deep: unknown = 1;
    for (let i = 0; i < 13; i++) deep = { deep };
    for (const value of [
      { get a() { return 1; } },
      { [Symbol('s')]: 1 },
      { f: () => 1 },
      { d: new Date(0) },
      new (class Model {})(),
      { n: 1n },
      cyclic,
      deep,
    ]) {
      expect(plainDataKey(value)).toBeUndefined();
    }
  });
});

describe('a polluted Object.prototype', () => {
  afterEach(() => {
    delete (Object.prototype as { polluted?: number }).polluted;
  });

  test('gives the same configuration error as without the reuse, not a TypeError from the key', () => {
    const { campus, bus, air } = smallCampus();
    (Object.prototype as { polluted?: number }).polluted = 1;
    const message = errorOf(() => new MiningPod(campus, 'p1', { model: S21, count: 1, bus, cooling: air }));
    expect(message).toMatch(/^CampusConfigError: \[site\/p1\] 2 invalid properties: model = .*polluted = 1: /s);
  });

  test('refuses a model parsed before the pollution, as a first parse after it does (the kept parse is not reused)', () => {
    const { campus, bus, air } = smallCampus();
    new MiningPod(campus, 'p0', { model: S21, count: 1, bus, cooling: air });
    (Object.prototype as { polluted?: number }).polluted = 1;
    expect(errorOf(() => new MiningPod(campus, 'p1', { model: S21, count: 1, bus, cooling: air }))).toMatch(
      /^CampusConfigError: \[site\/p1\] 2 invalid properties: model = .*: is not a valid hardware model; .*polluted = 1: /s,
    );
    // Props without a prototype inherit no key: only the model (which does) is refused.
    const props = Object.assign(Object.create(null), { model: S21, count: 1, bus, cooling: air });
    expect(errorOf(() => new MiningPod(campus, 'p2', props))).toBe(
      'CampusConfigError: [site/p2] invalid property: model = {"kind":"asic","id":"bitmain-antminer-s21","vendor":"Bitmain","model":"Antmin...: is not a valid hardware model; an ASIC model is needed: pick one from ASIC_MODELS, or build it with defineAsicModel(), which names the bad field',
    );
  });
});
