/**
 * Small hand-made campus models for engine tests. Numbers are round so that expectations can be
 * computed by hand in each test.
 */
import type { BusModel, CampusModel, CoolingModel, FeedModel, GpuHallModel, MiningPodModel } from '../../domain/model';

export function feed(name: string, ratingKw: number, extra: Partial<FeedModel> = {}): FeedModel {
  return { name, source: 'utility', ratingKw, maxUtilization: 1, ratingBasis: `${ratingKw / 1000} MW contracted`, ...extra };
}

export function bus(name: string, feeds: FeedModel[], redundancy: BusModel['redundancy'] = 'N'): BusModel {
  return { name, path: `site/${name}`, redundancy, feeds };
}

export function cooling(name: string, busName: string, power: CoolingModel['power'], capacityKw = 100_000, type: CoolingModel['type'] = 'air'): CoolingModel {
  return { name, path: `site/${name}`, type, capacityKw, power, bus: busName };
}

export function pod(name: string, busName: string, coolingName: string, itKw: number, extra: Partial<MiningPodModel> = {}): MiningPodModel {
  return {
    kind: 'mining-pod',
    name,
    path: `site/${name}`,
    bus: busName,
    cooling: coolingName,
    itKw,
    firm: false,
    coolingRequirement: 'air',
    hardware: 'Test Miner',
    hardwareId: 'test-miner',
    count: 1,
    spares: 0,
    minerPowerW: itKw * 1000,
    minerHashrateThs: 100,
    hashrateThs: 100,
    efficiencyJTh: 20,
    curtailSeconds: 60,
    priority: 0,
    ...extra,
  };
}

export function hall(name: string, busName: string, coolingName: string, itKw: number, extra: Partial<GpuHallModel> = {}): GpuHallModel {
  return {
    kind: 'gpu-hall',
    name,
    path: `site/${name}`,
    bus: busName,
    cooling: coolingName,
    itKw,
    firm: true,
    coolingRequirement: 'air',
    hardware: 'Test GPU Server',
    hardwareId: 'test-gpu',
    systemKind: 'gpu-server',
    count: 1,
    gpus: 8,
    systemPowerW: itKw * 1000,
    overheadKw: 0,
    operator: { kind: 'self' },
    ...extra,
  };
}

/** An auto-capped pod: `count` miners between minW and maxW (rated power maxW), 17.5 J/TH. */
export function autoPod(name: string, busName: string, coolingName: string, count: number, minW: number, maxW: number, extra: Partial<MiningPodModel> = {}): MiningPodModel {
  return pod(name, busName, coolingName, (count * maxW) / 1000, {
    count,
    minerPowerW: maxW,
    minerHashrateThs: maxW / 17.5,
    hashrateThs: (count * maxW) / 17.5,
    efficiencyJTh: 17.5,
    powerControl: { mode: 'auto', minW, maxW },
    ...extra,
  });
}

export function campus(parts: Partial<CampusModel> = {}): CampusModel {
  return {
    name: 'site',
    path: 'site',
    gridRegion: 'ERCOT',
    interconnectLimitKw: 1_000_000,
    warnUtilization: 0.9,
    buses: [],
    coolingSystems: [],
    miningPods: [],
    gpuHalls: [],
    auxiliaryLoads: [],
    ...parts,
  };
}
