import { Testing, Tokenization } from 'cdktf';
import { CampusConfigError } from '../../domain/config-error';
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

  test('a logical id overridden after the workloads are made is the one depended on, even if dependsOn was read before', () => {
    const { campus, hall } = campusWithHall();
    const service = hall.addInferenceService('chat', { ...INFERENCE, replicas: 1 });
    expect(service.service.dependsOn).toHaveLength(1);
    hall.namespace!.workloadNamespace.namespace.overrideLogicalId('hall_namespace');
    expect(byName(campus, 'kubernetes_service_v1').chat.depends_on).toEqual(['kubernetes_namespace_v1.hall_namespace']);
  });

  test('dependsOn is one array: an entry pushed onto it is written', () => {
    const { campus, hall } = campusWithHall();
    const service = hall.addInferenceService('chat', { ...INFERENCE, replicas: 1 });
    expect(service.service.dependsOn).toBe(service.service.dependsOn);
    service.service.dependsOn!.push('kubernetes_secret_v1.other');
    const ns = `kubernetes_namespace_v1.${hall.namespace!.workloadNamespace.namespace.friendlyUniqueId}`;
    expect(byName(campus, 'kubernetes_service_v1', false).chat.depends_on).toEqual([ns, 'kubernetes_secret_v1.other']);
  });

  test('a target in another stack is refused with one message', () => {
    const first = campusWithHall('site-a');
    const second = campusWithHall('site-b');
    const namespace = second.hall.addInferenceService('chat', { ...INFERENCE, replicas: 1 }).service;
    const resource = first.hall.addInferenceService('chat', { ...INFERENCE, replicas: 1 }).service;
    expect(() => dependOn(resource, [namespace])).toThrow(
      new CampusConfigError(
        '[site-a/hall-1/chat/service] dependsOn: site-b/hall-1/chat/service is in stack site-b, not in site-a; ' +
          'a resource can only depend on resources of its own stack, so make the target in the same campus',
      ),
    );
  });

  test('a dependency captures no stack trace, unlike the token cdktf makes for a dependsOn config entry', () => {
    const { hall } = campusWithHall();
    const service = hall.addInferenceService('chat', { ...INFERENCE, replicas: 1 });
    const [token] = service.service.dependsOn!;
    expect(Tokenization.reverseString(token).firstToken?.creationStack).toEqual([]);
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
