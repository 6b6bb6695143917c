import * as fs from 'fs';
import * as path from 'path';
import { ASIC_MODELS, GPU_SYSTEMS } from '../../catalog/hardware-catalog';
import { asicModelSchema, defineAsicModel, defineGpuSystem, gpuSystemSchema } from '../../catalog/hardware-model';
import { errorOf } from '../constructs/error-of';

// The project's reference data, beside the project root (shared/reference/hardware-catalog.json).
const REFERENCE = path.join(__dirname, '..', '..', '..', 'shared', 'reference', 'hardware-catalog.json');

interface ReferenceEntry {
  vendor: string;
  model: string;
  kind: string;
  powerW: number;
  hashrateThs?: number;
  efficiencyJTh?: number;
  gpus?: number;
  cooling: string;
  source: string;
  sourceQuality: string;
}

describe('hardware catalog', () => {
  const reference: ReferenceEntry[] = JSON.parse(fs.readFileSync(REFERENCE, 'utf8'));
  const all = [...Object.values(ASIC_MODELS), ...Object.values(GPU_SYSTEMS)];

  test('holds every model of the reference, with the same figures and source', () => {
    expect(all).toHaveLength(reference.length);
    for (const ref of reference) {
      const entry = all.find((e) => e.vendor === ref.vendor && e.model === ref.model);
      expect(entry).toBeDefined();
      expect(entry!.kind).toBe(ref.kind);
      expect(entry!.powerW).toBe(ref.powerW);
      expect(entry!.source.citation).toBe(ref.source);
      expect(entry!.source.quality).toBe(ref.sourceQuality);
      if (entry!.kind === 'asic') {
        expect(entry!.hashrateThs).toBe(ref.hashrateThs);
        expect(entry!.efficiencyJTh).toBe(ref.efficiencyJTh);
        expect(entry!.cooling).toBe(ref.cooling);
      } else {
        expect(entry!.gpus).toBe(ref.gpus);
        expect(entry!.cooling).toBe(ref.cooling.startsWith('liquid') ? 'direct-to-chip' : ref.cooling);
      }
    }
  });

  test('every entry passes its own schema and has a unique id', () => {
    for (const m of Object.values(ASIC_MODELS)) expect(asicModelSchema.safeParse(m).success).toBe(true);
    for (const g of Object.values(GPU_SYSTEMS)) expect(gpuSystemSchema.safeParse(g).success).toBe(true);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
  });

  test('liquid-only racks need direct-to-chip cooling, hydro and immersion miners their own', () => {
    expect(GPU_SYSTEMS.NVIDIA_GB200_NVL72_RACK.cooling).toBe('direct-to-chip');
    expect(GPU_SYSTEMS.NVIDIA_GB300_NVL72_RACK.cooling).toBe('direct-to-chip');
    expect(ASIC_MODELS.BITMAIN_ANTMINER_S21_HYD.cooling).toBe('hydro');
    expect(ASIC_MODELS.BITMAIN_ANTMINER_S21_XP_IMMERSION.cooling).toBe('immersion');
  });

  test('defineAsicModel returns a frozen model of kind asic', () => {
    const m = defineAsicModel({
      id: 'acme-x1',
      vendor: 'Acme',
      model: 'X1',
      powerW: 3000,
      hashrateThs: 200,
      efficiencyJTh: 15,
      cooling: 'air',
      source: { citation: 'Acme X1 datasheet rev 2', quality: 'vendor datasheet' },
    });
    expect(m.kind).toBe('asic');
    expect(Object.isFrozen(m)).toBe(true);
  });

  test('defineAsicModel names each bad field and its value', () => {
    expect(
      errorOf(() =>
        defineAsicModel({
          id: 'my-miner',
          vendor: 'X',
          model: 'Y',
          powerW: 0,
          hashrateThs: 100,
          efficiencyJTh: 15,
          cooling: 'air',
          source: { citation: '', quality: 'x' },
        }),
      ),
    ).toBe(
      'CampusConfigError: [hardware model my-miner] 2 invalid properties: powerW = 0: must be greater than 0 (rated wall power per miner, in W); source.citation = "": give the URL or document the figures come from',
    );
  });

  test('defineGpuSystem refuses an unknown cooling and a fractional GPU count', () => {
    expect(
      errorOf(() =>
        defineGpuSystem({
          kind: 'gpu-rack',
          id: 'my-rack',
          vendor: 'X',
          model: 'Y',
          powerW: 100_000,
          gpus: 7.5,
          cooling: 'immersion' as 'air',
          source: { citation: 'datasheet', quality: 'vendor' },
        }),
      ),
    ).toBe(
      'CampusConfigError: [hardware model my-rack] 2 invalid properties: gpus = 7.5: must be a whole number; cooling = "immersion": must be "air", "direct-to-chip" or "unspecified"',
    );
  });
});
