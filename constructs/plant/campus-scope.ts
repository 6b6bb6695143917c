/**
 * How a part finds the campus it belongs to, without importing the Campus stack (which imports
 * the parts). The Campus marks itself with CAMPUS_SCOPE; parts walk up their scopes to it.
 */
import type { IConstruct } from 'constructs';
import { CampusConfigError } from '../../domain/config-error';
import type { TimelineEvaluation } from '../../domain/evaluate';
import type { DemandResponseCommitment } from '../../domain/model';

export const CAMPUS_SCOPE = Symbol.for('hybrid-campus/campus');

/** A registered part: anything that can describe itself to the budget engine. */
export interface CampusPart extends IConstruct {
  /** Identifies the kind of part, e.g. "mining-pod". */
  readonly partKind: string;
}

/** What parts need from their campus. Implemented by `Campus`. */
export interface CampusScope extends IConstruct {
  readonly campusName: string;
  /** Adds a part to the campus's budget. */
  registerPart(part: CampusPart): void;
  /** The month chosen with the `hybrid-campus:date` context, if any. */
  readonly asOf?: string;
  /** The campus's demand-response commitments. */
  readonly commitments: readonly DemandResponseCommitment[];
  /** Whether a dated part is in service at the chosen month (always true without one). */
  inServiceNow(part: { readonly inService?: string; readonly retire?: string }): boolean;
  /** The budget and check results at every state of the timeline. */
  evaluate(): TimelineEvaluation;
  /** Tells the campus a registered part changed (e.g. a pod was given a retirement date). */
  partChanged(): void;
  /** Error messages (failures) the campus's budget checks raise about the construct at `path`. */
  failuresAt(path: string): string[];
  /** The registered parts of one kind (e.g. "gpu-hall"), in declaration order. */
  partsOfKind(partKind: string): readonly CampusPart[];
  /**
   * Reserves a Kubernetes object name in the campus's cluster; throws a CampusConfigError naming
   * both constructs when it is already taken. `where` is a namespace, or "cluster" for
   * cluster-scoped objects.
   */
  claimKubernetesName(kind: string, where: string, name: string, claimant: IConstruct): void;
}

export function isCampusScope(x: unknown): x is CampusScope {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[CAMPUS_SCOPE] === true;
}

/** The campus a construct belongs to, or undefined when it is not inside one. */
export function findCampus(construct: IConstruct): CampusScope | undefined {
  return construct.node.scopes.slice().reverse().find(isCampusScope);
}

/** The campus a part is declared in; throws a clear error when there is none. */
export function requireCampus(part: IConstruct, kind: string): CampusScope {
  const campus = findCampus(part);
  if (!campus) {
    throw new CampusConfigError(
      `[${part.node.path}] a ${kind} must be created inside a Campus, but none of its scopes is one. ` +
        `Pass the Campus (or a construct inside it) as the scope.`,
    );
  }
  return campus;
}

/** Refuses a reference to a part of another campus (e.g. a pod fed by a bus of another site). */
export function requireSameCampus(part: IConstruct, campus: CampusScope, field: string, target: IConstruct, targetKind: string): void {
  const targetCampus = findCampus(target);
  if (targetCampus !== campus) {
    const owner = targetCampus ? `campus '${targetCampus.campusName}'` : 'no campus';
    throw new CampusConfigError(
      `[${part.node.path}] ${field} = ${targetKind} '${target.node.id}' (${target.node.path}) belongs to ${owner}, not to ` +
        `campus '${campus.campusName}'. Use a ${targetKind} declared in campus '${campus.campusName}'.`,
    );
  }
}

/** Adds the validation that reports the campus's budget failures for this construct. */
export function validateWithCampus(part: IConstruct, campus: CampusScope): void {
  part.node.addValidation({ validate: () => campus.failuresAt(part.node.path) });
}
