/**
 * The bundled example campuses, in the order the app synthesizes them (examples/main.ts, one
 * stack each). Tests and benches that need every example build them from this list, so that an
 * example added here reaches all of them.
 */
import type { Construct } from 'constructs';
import type { Campus } from '../stacks/campus';
import { ercot300 } from './ercot-300';
import { flexibleMining } from './flexible-mining';
import { phasedConversion } from './phased-conversion';
import { retrofit } from './retrofit';

/** Each example's builder, with its default id. */
export const BUNDLED_EXAMPLES = [ercot300, retrofit, phasedConversion, flexibleMining] as const;

/** Builds every bundled example in `scope`; their campuses, in order. */
export function buildBundledExamples(scope: Construct): Campus[] {
  return BUNDLED_EXAMPLES.map((build) => build(scope).campus);
}
