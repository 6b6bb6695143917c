import { App, Testing } from 'cdktf';
import { ASIC_MODELS } from '../../catalog/hardware-catalog';
import { CoolingSystem } from '../../constructs/plant/cooling-system';
import { PowerBus } from '../../constructs/plant/power-bus';
import { Campus, type CampusProps } from '../../stacks/campus';

/**
 * A campus with one N+1 bus of two 5 MW feeds (10 MW usable, 5 MW firm) and one 1 MW air cooling system, in
 * a fresh test app.
 */
export function smallCampus(props: Partial<CampusProps> = {}, id = 'site') {
  const app: App = Testing.app();
  const campus = new Campus(app, id, { gridRegion: 'ERCOT', interconnectLimitMw: 100, ...props });
  const bus = new PowerBus(campus, 'bus', {
    redundancy: 'N+1',
    feeds: [
      { name: 'f1', capacityMw: 5 },
      { name: 'f2', capacityMw: 5 },
    ],
  });
  const air = new CoolingSystem(campus, 'air', { type: 'air', capacityKw: 1_000, pue: 1.1, bus });
  return { app, campus, bus, air };
}

export const S21 = ASIC_MODELS.BITMAIN_ANTMINER_S21;

export { errorOf } from './error-of';
