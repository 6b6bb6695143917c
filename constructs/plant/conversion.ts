/**
 * A conversion: mining pods retire on a month and a GPU hall takes their place, on the same bus
 * and, where the hardware allows, the same cooling system.
 *
 * This is how a hybrid site grows: mining uses new power at once, then pods are converted into
 * halls phase by phase, each phase reusing the power the pods gave up. Every check runs at every
 * date, so a phase that breaks the budget fails synth and names the month.
 */
import { Construct } from 'constructs';
import { z } from 'zod';
import { gpuSystemSchema, type GpuSystem } from '../../catalog/hardware-model';
import { CampusConfigError } from '../../domain/config-error';
import { COMPATIBLE_COOLING, canServe } from '../../domain/cooling-compatibility';
import { type CampusScope, requireCampus, requireSameCampus } from './campus-scope';
import { CoolingSystem } from './cooling-system';
import { GpuHall } from './gpu-hall';
import { MiningPod } from './mining-pod';
import { constructOf, hardwareOf, kubernetesNameSchema, monthSchema, parseProps, checkConstructArgs } from '../props';

/** The hall a conversion brings online. */
export interface ConvertedHallProps {
  /** Construct id (and name) of the new hall. */
  readonly id: string;
  /** The GPU server or rack model, from `GPU_SYSTEMS` or `defineGpuSystem`. */
  readonly system: GpuSystem;
  /** Installed systems. */
  readonly count: number;
  /** @default 0 - network and storage draw in kW */
  readonly overheadKw?: number;
  /** @default undefined - self-operated */
  readonly tenant?: string;
  /**
   * First month the hall is in service; the same month as the pods retire, or later.
   * @default the month the pods retire
   */
  readonly inService?: string;
  /**
   * Cooling for the hall.
   * @default the pods' cooling system, when they all share one whose type suits the hall's hardware
   */
  readonly cooling?: CoolingSystem;
}

export interface ConversionProps {
  /** The pods to retire. They must all be on one bus; the hall goes on that bus. */
  readonly pods: readonly MiningPod[];
  /** First month the pods are out of service, 'YYYY-MM'. */
  readonly retire: string;
  /** The hall that replaces them. */
  readonly hall: ConvertedHallProps;
}

const schema = z.strictObject({
  pods: z.array(constructOf(MiningPod, 'MiningPod')).min(1, { error: 'a conversion retires at least one pod' }),
  retire: monthSchema,
  hall: z.looseObject({
    id: kubernetesNameSchema,
    system: hardwareOf(gpuSystemSchema, {
      kinds: ['gpu-server', 'gpu-rack'],
      label: 'a GPU server or rack model',
      catalog: 'GPU_SYSTEMS',
      define: 'defineGpuSystem',
    }),
    inService: monthSchema.optional(),
    cooling: constructOf(CoolingSystem, 'CoolingSystem').optional(),
  }),
});

export class Conversion extends Construct {
  public readonly campus: CampusScope;
  /** The new hall. */
  public readonly hall: GpuHall;
  public readonly retire: string;

  public constructor(scope: Construct, id: string, props: ConversionProps) {
    super(scope, checkConstructArgs('Conversion', scope, id));
    this.campus = requireCampus(this, 'Conversion');
    const p = parseProps(this, schema, props);
    const fail = (message: string): never => {
      throw new CampusConfigError(`[${this.node.path}] ${message}`);
    };
    for (const pod of p.pods) {
      requireSameCampus(this, this.campus, 'pods', pod, 'MiningPod');
      if (pod.retire !== undefined) {
        fail(`pods: pod '${pod.node.id}' (${pod.node.path}) already retires in ${pod.retire}; a pod can be converted once. Remove it from this conversion.`);
      }
      if (pod.inService !== undefined && pod.inService >= p.retire) {
        fail(`retire = "${p.retire}": pod '${pod.node.id}' only comes into service in ${pod.inService}; retire it after that month.`);
      }
    }
    const buses = [...new Set(p.pods.map((pod) => pod.bus))];
    if (buses.length > 1) {
      fail(
        `pods: the pods are on ${buses.length} buses (${buses.map((b) => b.node.id).sort().join(', ')}); a hall goes on one bus. ` +
          `Split this into one conversion per bus.`,
      );
    }
    const hallInService = p.hall.inService ?? p.retire;
    if (hallInService < p.retire) {
      fail(
        `hall.inService = "${hallInService}": the hall would come online before the pods retire in ${p.retire}, so both would draw power. ` +
          `Bring the hall online in ${p.retire} or later.`,
      );
    }
    const requirement = p.hall.system.cooling;
    let cooling = p.hall.cooling;
    if (cooling === undefined) {
      const podCooling = [...new Set(p.pods.map((pod) => pod.cooling))];
      if (podCooling.length !== 1 || !canServe(podCooling[0].type, requirement)) {
        const found = podCooling.map((c) => `'${c.node.id}' (${c.type})`).sort().join(', ');
        fail(
          `hall.cooling: the pods' cooling ${found} cannot serve ${p.hall.system.model}, which needs ${requirement} cooling. ` +
            `Pass hall.cooling: a CoolingSystem of type ${COMPATIBLE_COOLING[requirement].join(' or ')}.`,
        );
      }
      cooling = podCooling[0];
    }
    this.retire = p.retire;
    for (const pod of p.pods) pod.retireOn(p.retire);
    const { id: hallId, cooling: _c, inService: _i, ...hallProps } = props.hall;
    this.hall = new GpuHall(this, hallId, { ...hallProps, bus: buses[0], cooling: cooling!, inService: hallInService });
  }
}
