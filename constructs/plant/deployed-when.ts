/**
 * Synth for one month (the `hybrid-campus:date` context) deploys only what is in service then.
 * Kubernetes constructs that belong to dated parts (a hall's namespace and workloads, a pod
 * group's stratum proxy) say when they are deployed; the campus removes the others from the
 * tree when it is synthesized for a month. Without a month, everything is deployed.
 */
import type { IConstruct } from 'constructs';

const DEPLOYED_WHEN = new WeakMap<IConstruct, (month: string) => boolean>();

/** Declares that `construct` is deployed only in the months where `inService` holds. */
export function deployedWhen(construct: IConstruct, inService: (month: string) => boolean): void {
  DEPLOYED_WHEN.set(construct, inService);
}

/** Whether `construct` is deployed in `month` (true unless declared otherwise). */
export function isDeployedIn(construct: IConstruct, month: string): boolean {
  return DEPLOYED_WHEN.get(construct)?.(month) ?? true;
}

/** Removes, below `root`, every construct not deployed in `month` (and so everything under it). */
export function pruneForMonth(root: IConstruct, month: string): void {
  for (const child of root.node.children) {
    if (!isDeployedIn(child, month)) root.node.tryRemoveChild(child.node.id);
    else pruneForMonth(child, month);
  }
}
