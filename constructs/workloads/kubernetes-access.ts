/**
 * The kubernetes provider of a campus stack, configured from Terraform variables so that no
 * cluster address or credential is written into cdk.tf.json.
 *
 * Variables (set with TF_VAR_kubeconfig_path / TF_VAR_kube_context, or -var at deploy):
 * - kubeconfig_path: path of the kubeconfig file. Default "~/.kube/config".
 * - kube_context: context to use from it. Default "" (the kubeconfig's current context).
 */
import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';

export interface KubernetesAccessProps {
  /**
   * Default for the kubeconfig_path variable.
   * @default '~/.kube/config'
   */
  readonly defaultKubeconfigPath?: string;
}

export class KubernetesAccess extends Construct {
  public readonly provider: KubernetesProvider;

  public constructor(scope: Construct, id: string, props: KubernetesAccessProps = {}) {
    super(scope, id);
    const kubeconfigPath = new TerraformVariable(this, 'kubeconfig_path', {
      type: 'string',
      default: props.defaultKubeconfigPath ?? '~/.kube/config',
      description: 'Path of the kubeconfig file for the cluster that runs this campus\'s workloads.',
    });
    kubeconfigPath.overrideLogicalId('kubeconfig_path');
    const kubeContext = new TerraformVariable(this, 'kube_context', {
      type: 'string',
      default: '',
      description: 'Context to use from the kubeconfig; empty for its current context.',
    });
    kubeContext.overrideLogicalId('kube_context');
    this.provider = new KubernetesProvider(this, 'kubernetes', {
      configPath: kubeconfigPath.stringValue,
      configContext: kubeContext.stringValue,
    });
  }
}
