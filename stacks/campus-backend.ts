/**
 * Where a campus keeps its Terraform state: one state per site, local for a first try, remote
 * (S3, GCS, Azure Blob Storage, a Kubernetes Secret, HCP Terraform) for a team.
 *
 * Each factory takes only where the state lives, never a credential: Terraform reads those
 * from the environment of whoever runs `cdktf deploy` (see each factory), so cdk.tf.json,
 * which is committed to pull requests and CI logs, holds no secret. The state's name within
 * the store (key, prefix, secret or workspace) is derived from the campus id, so several
 * sites in one app never share a state.
 */
import { AzurermBackend, CloudBackend, GcsBackend, LocalBackend, NamedCloudWorkspace, S3Backend, TerraformBackend, TerraformRemoteState, type S3BackendConfig } from 'cdktf';
import type { Construct } from 'constructs';
import { z } from 'zod';
import { configErrorFromZod } from '../domain/config-error';
import { DNS_1123_LABEL, LIBRARY_VALUE } from '../constructs/props';

/** State in S3, locked with an S3 lock file (Terraform 1.10 or later) and encrypted at rest. */
export interface S3StateProps {
  /** The bucket that holds the states. */
  readonly bucket: string;
  /** The bucket's AWS region, e.g. "us-east-1". */
  readonly region: string;
  /**
   * Folder of the states in the bucket: the campus `west-texas-1` keeps its state at
   * `<keyPrefix>/west-texas-1.tfstate`.
   * @default 'hybrid-campus'
   */
  readonly keyPrefix?: string;
  /**
   * A DynamoDB table to lock with as well, for a team still moving off DynamoDB locking.
   * @default none - S3 native locking (`use_lockfile`) only
   */
  readonly dynamodbTable?: string;
  /**
   * A KMS key (ARN or alias) to encrypt the state with.
   * @default the bucket's default encryption (SSE-S3)
   */
  readonly kmsKeyId?: string;
  /**
   * A role to assume for state access (its ARN).
   * @default none - the credentials of the environment
   */
  readonly roleArn?: string;
}

/** State in a Google Cloud Storage bucket (locked by GCS itself). */
export interface GcsStateProps {
  /** The bucket that holds the states. */
  readonly bucket: string;
  /**
   * Folder of the states in the bucket: the campus `west-texas-1` keeps its state under
   * `<prefix>/west-texas-1/`.
   * @default 'hybrid-campus'
   */
  readonly prefix?: string;
  /**
   * A service account to impersonate for state access.
   * @default none - the credentials of the environment
   */
  readonly impersonateServiceAccount?: string;
}

/** State in an Azure Blob Storage container (locked with blob leases), signed in with Microsoft Entra ID. */
export interface AzurermStateProps {
  /** The storage account. */
  readonly storageAccountName: string;
  /** The blob container in that account. */
  readonly containerName: string;
  /**
   * The storage account's resource group. Needed only when Terraform should look up an
   * access key; with Entra ID sign-in (the default) it is not.
   * @default none
   */
  readonly resourceGroupName?: string;
  /**
   * Folder of the states in the container: the campus `west-texas-1` keeps its state at
   * `<keyPrefix>/west-texas-1.tfstate`.
   * @default 'hybrid-campus'
   */
  readonly keyPrefix?: string;
  /**
   * Sign in with OpenID Connect (workload identity federation, e.g. from CI).
   * @default false - Azure CLI, managed identity or ARM_* environment variables
   */
  readonly useOidc?: boolean;
}

/** State in a Kubernetes Secret (locked with a Lease), in the cluster the kubeconfig points at. */
export interface KubernetesStateProps {
  /**
   * The namespace of the Secret.
   * @default 'default'
   */
  readonly namespace?: string;
  /**
   * Use the service account of the pod Terraform runs in (CI inside the cluster).
   * @default false - the kubeconfig in KUBE_CONFIG_PATH
   */
  readonly inClusterConfig?: boolean;
}

/** State in HCP Terraform (or Terraform Enterprise): one workspace per site. */
export interface CloudStateProps {
  /** The organization. */
  readonly organization: string;
  /**
   * Prepended to the campus id to name its workspace: with 'campus-', the campus
   * `west-texas-1` uses the workspace `campus-west-texas-1`.
   * @default '' - the workspace is named like the campus
   */
  readonly workspacePrefix?: string;
  /**
   * The project the workspaces belong to.
   * @default the organization's default project
   */
  readonly project?: string;
  /**
   * The host of Terraform Enterprise.
   * @default 'app.terraform.io'
   */
  readonly hostname?: string;
}

const name = (what: string) => z.string({ error: `must be a string (${what})` }).trim().min(1, { error: `must not be empty (${what})` });
const folder = (what: string) =>
  z
    .string({ error: `must be a string (${what})` })
    .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, { error: `must be a path of letters, digits, ".", "_", "-" separated by "/", without a leading or trailing "/" (${what})` });

const SCHEMAS = {
  s3: z.strictObject({
    bucket: name('S3 bucket name'),
    region: name('AWS region, e.g. "us-east-1"'),
    keyPrefix: folder('folder of the states in the bucket').default('hybrid-campus'),
    dynamodbTable: name('DynamoDB table name').optional(),
    kmsKeyId: name('KMS key ARN or alias').optional(),
    roleArn: name('IAM role ARN').optional(),
  }),
  gcs: z.strictObject({
    bucket: name('GCS bucket name'),
    prefix: folder('folder of the states in the bucket').default('hybrid-campus'),
    impersonateServiceAccount: name('service account e-mail').optional(),
  }),
  azurerm: z.strictObject({
    storageAccountName: name('storage account name'),
    containerName: name('blob container name'),
    resourceGroupName: name('resource group name').optional(),
    keyPrefix: folder('folder of the states in the container').default('hybrid-campus'),
    useOidc: z.boolean({ error: 'must be true or false' }).optional(),
  }),
  kubernetes: z.strictObject({
    namespace: z
      .string({ error: 'must be a string' })
      .regex(DNS_1123_LABEL, { error: 'must be a Kubernetes namespace name (a DNS-1123 label)' })
      .default('default'),
    inClusterConfig: z.boolean({ error: 'must be true or false' }).optional(),
  }),
  cloud: z.strictObject({
    organization: name('HCP Terraform organization'),
    workspacePrefix: z
      .string({ error: 'must be a string' })
      .regex(/^[A-Za-z0-9_-]*$/, { error: 'must hold only letters, digits, "-" and "_" (a workspace name prefix)' })
      .default(''),
    project: name('HCP Terraform project').optional(),
    hostname: name('host name, e.g. "app.terraform.io"').optional(),
  }),
} as const;

type Kind = keyof typeof SCHEMAS | 'local';

function parse<K extends keyof typeof SCHEMAS>(kind: K, props: unknown): z.infer<(typeof SCHEMAS)[K]> {
  const parsed = SCHEMAS[kind].safeParse(props ?? {});
  if (!parsed.success) throw configErrorFromZod(`CampusBackend.${kind}`, props ?? {}, parsed.error);
  return parsed.data as z.infer<(typeof SCHEMAS)[K]>;
}

/** The Kubernetes backend (state in a Secret), which cdktf has no class for. */
class KubernetesSecretBackend extends TerraformBackend {
  public constructor(
    scope: Construct,
    private readonly attributes: Record<string, unknown>,
  ) {
    super(scope, 'backend', 'kubernetes');
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return { ...this.attributes };
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    return { ...this.attributes };
  }

  public getRemoteStateDataSource(scope: Construct, id: string): TerraformRemoteState {
    return new KubernetesRemoteState(scope, id, { ...this.attributes, workspace: '${terraform.workspace}' });
  }
}

class KubernetesRemoteState extends TerraformRemoteState {
  public constructor(scope: Construct, id: string, config: Record<string, unknown>) {
    super(scope, id, 'kubernetes', config);
  }
}

/**
 * Where a campus keeps its Terraform state. Pass one as `backend` in CampusProps; each site
 * gets a state of its own in that store.
 */
export class CampusBackend {
  /**
   * A local state file, `terraform.<campus>.tfstate` in the project root, written as a path
   * relative to the stack folder so cdk.tf.json is the same on every machine. For a first try.
   */
  public static local(): CampusBackend {
    return new CampusBackend('local', (scope, site) => new LocalBackend(scope, { path: `../../../terraform.${site}.tfstate` }));
  }

  /**
   * Amazon S3: key `<keyPrefix>/<campus>.tfstate`, `encrypt = true`, `use_lockfile = true`
   * (S3 native locking, Terraform 1.10 or later). Credentials come from the AWS environment
   * (AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, SSO, an instance or CI role).
   */
  public static s3(props: S3StateProps): CampusBackend {
    const p = parse('s3', props);
    return new CampusBackend('s3', (scope, site) => {
      const config = {
        bucket: p.bucket,
        key: `${p.keyPrefix}/${site}.tfstate`,
        region: p.region,
        encrypt: true,
        // S3 native locking; cdktf 0.21 has no typed field for it, keysToSnakeCase writes use_lockfile.
        useLockfile: true,
        ...(p.dynamodbTable !== undefined ? { dynamodbTable: p.dynamodbTable } : {}),
        ...(p.kmsKeyId !== undefined ? { kmsKeyId: p.kmsKeyId } : {}),
        ...(p.roleArn !== undefined ? { assumeRole: { roleArn: p.roleArn } } : {}),
      };
      return new S3Backend(scope, config as S3BackendConfig);
    });
  }

  /**
   * Google Cloud Storage: prefix `<prefix>/<campus>`. Credentials come from the environment
   * (GOOGLE_APPLICATION_CREDENTIALS, GOOGLE_BACKEND_CREDENTIALS or gcloud's application default).
   */
  public static gcs(props: GcsStateProps): CampusBackend {
    const p = parse('gcs', props);
    return new CampusBackend(
      'gcs',
      (scope, site) =>
        new GcsBackend(scope, {
          bucket: p.bucket,
          prefix: `${p.prefix}/${site}`,
          ...(p.impersonateServiceAccount !== undefined ? { impersonateServiceAccount: p.impersonateServiceAccount } : {}),
        }),
    );
  }

  /**
   * Azure Blob Storage: key `<keyPrefix>/<campus>.tfstate`, signed in with Microsoft Entra ID
   * (`use_azuread_auth = true`), so no storage access key is needed. Credentials come from the
   * Azure CLI, a managed identity or the ARM_* environment variables (ARM_CLIENT_ID, ...).
   */
  public static azurerm(props: AzurermStateProps): CampusBackend {
    const p = parse('azurerm', props);
    return new CampusBackend(
      'azurerm',
      (scope, site) =>
        new AzurermBackend(scope, {
          storageAccountName: p.storageAccountName,
          containerName: p.containerName,
          key: `${p.keyPrefix}/${site}.tfstate`,
          useAzureadAuth: true,
          ...(p.resourceGroupName !== undefined ? { resourceGroupName: p.resourceGroupName } : {}),
          ...(p.useOidc !== undefined ? { useOidc: p.useOidc } : {}),
        }),
    );
  }

  /**
   * A Kubernetes Secret `tfstate-default-hybrid-campus-<campus>` in `namespace`. The cluster
   * comes from the kubeconfig in KUBE_CONFIG_PATH (or the pod's service account with
   * `inClusterConfig`).
   */
  public static kubernetes(props: KubernetesStateProps = {}): CampusBackend {
    const p = parse('kubernetes', props);
    return new CampusBackend(
      'kubernetes',
      (scope, site) =>
        new KubernetesSecretBackend(scope, {
          secret_suffix: `hybrid-campus-${site}`,
          namespace: p.namespace,
          ...(p.inClusterConfig !== undefined ? { in_cluster_config: p.inClusterConfig } : {}),
        }),
    );
  }

  /**
   * HCP Terraform or Terraform Enterprise: the workspace `<workspacePrefix><campus>`. The
   * token comes from `terraform login` or TF_TOKEN_<host> (e.g. TF_TOKEN_app_terraform_io).
   */
  public static cloud(props: CloudStateProps): CampusBackend {
    const p = parse('cloud', props);
    return new CampusBackend(
      'cloud',
      (scope, site) =>
        new CloudBackend(scope, {
          organization: p.organization,
          workspaces: new NamedCloudWorkspace(`${p.workspacePrefix}${site}`, p.project),
          ...(p.hostname !== undefined ? { hostname: p.hostname } : {}),
        }),
    );
  }

  private constructor(
    /** Which store: 'local', 's3', 'gcs', 'azurerm', 'kubernetes' or 'cloud'. */
    public readonly kind: Kind,
    private readonly create: (scope: Construct, site: string) => TerraformBackend,
  ) {
    // Made by a static factory: the props bound checks do not walk it as plain data.
    Object.defineProperty(this, LIBRARY_VALUE, { value: true });
  }

  /** Adds the backend for the campus `site` to its stack. */
  public bind(stack: Construct, site: string): TerraformBackend {
    return this.create(stack, site);
  }
}
