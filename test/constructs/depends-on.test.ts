import { Testing } from 'cdktf';
import { dependOn } from '../../constructs/workloads/depends-on';
import '../../constructs/workloads/gpu-hall-workloads';
import { byName, campusWithHall, INFERENCE } from './workload-helpers';

describe('dependencies between workload resources', () => {
  test("an inference service's resources depend on the hall's namespace (and the deployment on its quota) by Terraform address", () => {
    const { campus, hall } = campusWithHall();
    hall.addInferenceService('chat', { ...INFERENCE, replicas: 1 });
    const namespace = hall.namespace!.workloadNamespace.namespace;
    const quota = hall.namespace!.quota;
    const ns = `kubernetes_namespace_v1.${namespace.friendlyUniqueId}`;
    expect(byName(campus, 'kubernetes_deployment_v1').chat.depends_on).toEqual([ns, `kubernetes_resource_quota_v1.${quota.friendlyUniqueId}`]);
    expect(byName(campus, 'kubernetes_service_v1').chat.depends_on).toEqual([ns]);
    expect(byName(campus, 'kubernetes_pod_disruption_budget_v1').chat.depends_on).toEqual([ns]);
    expect(byName(campus, 'kubernetes_network_policy_v1').chat.depends_on).toEqual([ns]);
  });

  test('a logical id overridden after the workloads are made is the one depended on', () => {
    const { campus, hall } = campusWithHall();
    const service = hall.addInferenceService('chat', { ...INFERENCE, replicas: 1 });
    hall.namespace!.workloadNamespace.namespace.overrideLogicalId('hall_namespace');
    expect(byName(campus, 'kubernetes_service_v1').chat.depends_on).toEqual(['kubernetes_namespace_v1.hall_namespace']);
    expect(service.service.dependsOn).toEqual(['kubernetes_namespace_v1.hall_namespace']);
  });

  test('assigning dependsOn afterwards replaces the list, as on any resource', () => {
    const { campus, hall } = campusWithHall();
    const service = hall.addInferenceService('chat', { ...INFERENCE, replicas: 1 });
    service.service.dependsOn = ['kubernetes_secret_v1.other'];
    expect(service.service.dependsOn).toEqual(['kubernetes_secret_v1.other']);
    expect(byName(campus, 'kubernetes_service_v1', false).chat.depends_on).toEqual(['kubernetes_secret_v1.other']);
    dependOn(service.service, []);
    expect(JSON.parse(Testing.synth(campus, false)).resource.kubernetes_service_v1[service.service.friendlyUniqueId].depends_on).toEqual([]);
  });
});
