/**
 * The campus's curtailment plan as a ConfigMap in the mining namespace, for whatever
 * curtailment controller the operator runs: key `curtailment-plan.json`, in the format of
 * ./curtailment-plan-document.ts (interruptible pods, least efficient first, with their kW).
 * With `controller`, also the controller's Deployment, which mounts the plan read-only at
 * /etc/hybrid-campus/curtailment-plan.json (env `CURTAILMENT_PLAN`), and its NetworkPolicy
 * (DNS and the `controller.egress` endpoints, e.g. the miners' management network and the
 * grid operator's dispatch endpoint; no ingress).
 */
import { createHash } from 'crypto';
import { Lazy } from 'cdktf';
import { Construct } from 'constructs';
import { z } from 'zod';
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { CampusConfigError } from '../../domain/config-error';
import type { TimelineEvaluation } from '../../domain/evaluate';
import type { MiningPodModel } from '../../domain/model';
import type { PodAllocation } from '../../domain/mining-caps';
import { inServiceAt } from '../../domain/timeline';
import { deployedWhen } from '../plant/deployed-when';
import { CURTAILMENT_PLAN_FILE_NAME, curtailmentPlan, renderCurtailmentPlan } from './curtailment-plan-document';
import { requireSameCampus } from '../plant/campus-scope';
import { type WorkloadCampus, requireWorkloadCampus } from './workload-campus';
import { LABEL_CAMPUS, LABEL_COMPONENT, LABEL_NAME, LABEL_PART_OF, LABEL_WORKLOAD_CLASS } from './labels';
import { MiningPod } from '../plant/mining-pod';
import { argsSchema, cidrRuleListSchema, constructOf, mebibytes, millicores, parseProps, checkConstructArgs } from '../props';
import { pinnedImageSchema } from './image-schema';
import { securePodSpec } from './secure-pod';
import { type CidrRule, WorkloadNetworkPolicy } from './workload-network-policy';
import { dependOn } from './depends-on';

export const CURTAILMENT_PLAN_MOUNT_PATH = '/etc/hybrid-campus';

export interface CurtailmentControllerProps {
  /** The controller image, pinned: a tag other than `latest`, or a digest. */
  readonly image: string;
  /**
   * What the controller must reach (miner management network, grid dispatch endpoint).
   * @default - none: DNS only
   */
  readonly egress?: readonly CidrRule[];
  /**
   * CPU in millicores, as request and limit.
   * @default 200
   */
  readonly cpuMillicores?: number;
  /**
   * Memory in MiB, as request and limit.
   * @default 128
   */
  readonly memoryMib?: number;
  /**
   * Container arguments.
   * @default - the image's own command and arguments
   */
  readonly args?: readonly string[];
}

export interface CurtailmentPlanProps {
  /**
   * The pods the plan covers.
   * @default - every mining pod of the campus, including pods declared after the plan
   */
  readonly pods?: readonly MiningPod[];
  /**
   * The curtailment controller to run next to the plan.
   * @default - none: the plan is published for a controller deployed elsewhere
   */
  readonly controller?: CurtailmentControllerProps;
}

const schema = z.strictObject({
  pods: z.array(constructOf(MiningPod, 'MiningPod')).min(1, { error: 'must list at least one MiningPod, or be left out for all of them' }).optional(),
  controller: z
    .strictObject({
      image: pinnedImageSchema,
      egress: cidrRuleListSchema.default([]),
      cpuMillicores: millicores('controller CPU').default(200),
      memoryMib: mebibytes('controller memory').default(128),
      args: argsSchema.optional(),
    })
    .optional(),
});

export class CurtailmentPlan extends Construct {
  public readonly campus: WorkloadCampus;
  public readonly namespace: string;
  public readonly configMap: ConfigMapV1;
  public readonly controller?: DeploymentV1;
  public readonly controllerNetworkPolicy?: WorkloadNetworkPolicy;
  private readonly pods?: readonly MiningPod[];
  /** The last rendered plan and the evaluation it was rendered from. */
  private rendered?: { readonly evaluation: TimelineEvaluation; readonly text: string; sha256?: string };

  public constructor(scope: Construct, id: string, props: CurtailmentPlanProps = {}) {
    super(scope, checkConstructArgs('CurtailmentPlan', scope, id));
    this.campus = requireWorkloadCampus(this, 'CurtailmentPlan');
    const p = parseProps(this, schema, props);
    p.pods?.forEach((pod, i) => requireSameCampus(this, this.campus, `pods[${i}]`, pod, 'MiningPod'));
    this.pods = p.pods;
    deployedWhen(this, (month) => this.coveredPods().some((pod) => inServiceAt(pod, month)));
    const ns = this.campus.workloadNamespace('mining');
    this.namespace = ns.name;
    this.campus.claimKubernetesName('ConfigMap', this.namespace, id, this);
    const labels = {
      [LABEL_NAME]: id,
      [LABEL_COMPONENT]: 'curtailment-plan',
      [LABEL_CAMPUS]: this.campus.campusName,
      [LABEL_WORKLOAD_CLASS]: 'mining',
      [LABEL_PART_OF]: 'hybrid-campus',
    };
    const dependsOn = [ns.namespace];
    // One lazy value: the pods are read at synth, when the campus is complete.
    this.configMap = new ConfigMapV1(this, 'config-map', {
      metadata: { name: id, namespace: this.namespace, labels },
      data: { [CURTAILMENT_PLAN_FILE_NAME]: Lazy.stringValue({ produce: () => this.render() }) },
    });
    dependOn(this.configMap, dependsOn);
    if (!p.controller) return;

    const c = p.controller;
    const name = `${id}-controller`;
    if (name.length > 63) {
      throw new CampusConfigError(
        `[${this.node.path}] the controller's name '${name}' (${name.length} characters) is longer than the 63 characters a Kubernetes label value may have. ` +
          `Shorten the id '${id}' to at most 52 characters.`,
      );
    }
    for (const kind of ['Deployment', 'NetworkPolicy']) this.campus.claimKubernetesName(kind, this.namespace, name, this);
    const selector = { [LABEL_NAME]: name, [LABEL_COMPONENT]: 'curtailment-controller' };
    const controllerLabels = { ...labels, ...selector };
    const podSpec = securePodSpec({
      containerName: 'controller',
      image: c.image,
      args: c.args,
      env: [{ name: 'CURTAILMENT_PLAN', value: `${CURTAILMENT_PLAN_MOUNT_PATH}/${CURTAILMENT_PLAN_FILE_NAME}` }],
      cpuMillicores: c.cpuMillicores,
      memoryMib: c.memoryMib,
      scratchMib: 64,
      priorityClassName: this.campus.priorityClassName('mining'),
      volumeMounts: [{ name: 'plan', mountPath: CURTAILMENT_PLAN_MOUNT_PATH, readOnly: true }],
      volumes: [{ name: 'plan', configMap: { name: id } }],
    });
    this.controller = new DeploymentV1(this, 'controller', {
      metadata: { name, namespace: this.namespace, labels: controllerLabels },
      spec: {
        replicas: '1',
        // Never two controllers acting on the same plan at once.
        strategy: { type: 'Recreate' },
        selector: { matchLabels: selector },
        template: {
          // The plan's hash restarts the controller when the plan changes.
          metadata: { labels: controllerLabels, annotations: { 'hybrid-campus/curtailment-plan-sha256': Lazy.stringValue({ produce: () => this.renderSha256() }) } },
          spec: podSpec,
        },
      },
      waitForRollout: false,
    });
    dependOn(this.controller, [...dependsOn, this.configMap]);
    this.controllerNetworkPolicy = new WorkloadNetworkPolicy(this, 'controller-network-policy', {
      name,
      namespace: this.namespace,
      podLabels: selector,
      egressTo: c.egress,
      dependsOn,
    });
  }

  /**
   * The plan document, as written into the ConfigMap. Rendered once per evaluation of the campus
   * (every resolve of the ConfigMap and the controller's hash reads it): the campus evaluates
   * again, a new object, whenever a part is added or changed, and the plan reads nothing else
   * that can change (its pods are given once, or are the campus's parts).
   */
  public render(): string {
    const evaluation = this.campus.evaluate();
    if (this.rendered?.evaluation !== evaluation) this.rendered = { evaluation, text: this.renderFrom(evaluation) };
    return this.rendered.text;
  }

  /** The sha256 of `render()`, hashed once per rendered text. */
  private renderSha256(): string {
    const text = this.render();
    return (this.rendered!.sha256 ??= sha256(text));
  }

  private renderFrom(evaluation: TimelineEvaluation): string {
    const pods = this.coveredPods();
    // Each pod's figures (with its cap) from the last state of the timeline it is in service in;
    // for a chosen month that is the only state, and pods out of service then are left out.
    const evaluated = new Map<string, MiningPodModel>();
    const caps = new Map<string, PodAllocation>();
    for (const state of evaluation.states) {
      for (const pod of state.evaluation.budget.campus.miningPods) evaluated.set(pod.name, pod);
      for (const cap of state.evaluation.budget.allocation?.pods ?? []) caps.set(cap.name, cap);
    }
    const models = pods.filter((pod) => evaluated.has(pod.node.id)).map((pod) => evaluated.get(pod.node.id)!);
    return renderCurtailmentPlan(
      curtailmentPlan({
        campus: this.campus.campusName,
        pods: models,
        caps,
        commitments: this.campus.commitments.filter((c) => this.campus.inServiceNow(c)),
        asOf: this.campus.asOf,
      }),
    );
  }

  /** The pods the plan covers: those given, or every pod of the campus. */
  private coveredPods(): MiningPod[] {
    return this.pods ? [...new Set(this.pods)] : (this.campus.partsOfKind('mining-pod') as unknown as MiningPod[]);
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
