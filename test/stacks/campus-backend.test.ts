/**
 * CampusBackend: one remote (or local) state per site, no credential in cdk.tf.json, and one
 * stack per site in a portfolio app so `cdktf deploy <site>` deploys one.
 */
import * as fs from 'fs';
import * as path from 'path';
import { S3Backend, TerraformBackend, TerraformStack, Testing } from 'cdktf';
import { Campus } from '../../stacks/campus';
import { CampusBackend } from '../../stacks/campus-backend';
import { errorOf, smallCampus } from '../constructs/helpers';

/** The state settings in the campus's cdk.tf.json: terraform.backend, or terraform.cloud for HCP Terraform. */
function backendOf(backend: CampusBackend | undefined, id = 'west-texas-1'): Record<string, unknown> {
  const { app } = smallCampus(backend ? { backend } : {}, id);
  app.synth();
  const { terraform } = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', id, 'cdk.tf.json'), 'utf8'));
  const { required_providers: _providers, backend: stateBackend, ...others } = terraform;
  return stateBackend ?? others;
}

describe('CampusBackend', () => {
  test('default: a local state file named after the site, relative to the stack folder', () => {
    expect(backendOf(undefined)).toEqual({ local: { path: '../../../terraform.west-texas-1.tfstate' } });
    expect(backendOf(CampusBackend.local())).toEqual({ local: { path: '../../../terraform.west-texas-1.tfstate' } });
  });

  test('s3: a key per site, encrypted, with S3 native locking', () => {
    expect(backendOf(CampusBackend.s3({ bucket: 'acme-tfstate', region: 'us-east-1' }))).toEqual({
      s3: { bucket: 'acme-tfstate', key: 'hybrid-campus/west-texas-1.tfstate', region: 'us-east-1', encrypt: true, use_lockfile: true },
    });
  });

  test('s3: key prefix, DynamoDB lock table, KMS key and role', () => {
    const backend = CampusBackend.s3({
      bucket: 'acme-tfstate',
      region: 'eu-west-1',
      keyPrefix: 'campuses/prod',
      dynamodbTable: 'tf-locks',
      kmsKeyId: 'alias/tfstate',
      roleArn: 'arn:aws:iam::123456789012:role/tfstate',
    });
    expect(backendOf(backend)).toEqual({
      s3: {
        bucket: 'acme-tfstate',
        key: 'campuses/prod/west-texas-1.tfstate',
        region: 'eu-west-1',
        encrypt: true,
        use_lockfile: true,
        dynamodb_table: 'tf-locks',
        kms_key_id: 'alias/tfstate',
        assume_role: { role_arn: 'arn:aws:iam::123456789012:role/tfstate' },
      },
    });
  });

  test('gcs: a prefix per site', () => {
    expect(backendOf(CampusBackend.gcs({ bucket: 'acme-tfstate' }))).toEqual({ gcs: { bucket: 'acme-tfstate', prefix: 'hybrid-campus/west-texas-1' } });
    expect(backendOf(CampusBackend.gcs({ bucket: 'b', prefix: 'sites', impersonateServiceAccount: 'tf@acme.iam.gserviceaccount.com' }))).toEqual({
      gcs: { bucket: 'b', prefix: 'sites/west-texas-1', impersonate_service_account: 'tf@acme.iam.gserviceaccount.com' },
    });
  });

  test('azurerm: a blob per site, signed in with Entra ID (no access key)', () => {
    expect(backendOf(CampusBackend.azurerm({ storageAccountName: 'acmetfstate', containerName: 'tfstate' }))).toEqual({
      azurerm: { storage_account_name: 'acmetfstate', container_name: 'tfstate', key: 'hybrid-campus/west-texas-1.tfstate', use_azuread_auth: true },
    });
    expect(
      backendOf(CampusBackend.azurerm({ storageAccountName: 'a', containerName: 'c', resourceGroupName: 'rg', keyPrefix: 'k', useOidc: true })),
    ).toEqual({
      azurerm: { storage_account_name: 'a', container_name: 'c', key: 'k/west-texas-1.tfstate', use_azuread_auth: true, resource_group_name: 'rg', use_oidc: true },
    });
  });

  test('kubernetes: a Secret per site', () => {
    expect(backendOf(CampusBackend.kubernetes())).toEqual({ kubernetes: { secret_suffix: 'hybrid-campus-west-texas-1', namespace: 'default' } });
    expect(backendOf(CampusBackend.kubernetes({ namespace: 'tfstate', inClusterConfig: true }))).toEqual({
      kubernetes: { secret_suffix: 'hybrid-campus-west-texas-1', namespace: 'tfstate', in_cluster_config: true },
    });
  });

  test('kubernetes: another stack can read the site state (terraform_remote_state)', () => {
    const { app, campus } = smallCampus({ backend: CampusBackend.kubernetes({ namespace: 'tfstate' }) });
    const backend = campus.node.findAll().find(TerraformBackend.isBackend)!;
    const reader = new TerraformStack(app, 'reader');
    backend.getRemoteStateDataSource(reader, 'site-state', 'site');
    expect(JSON.parse(Testing.synth(reader)).data.terraform_remote_state).toEqual({
      'site-state': { backend: 'kubernetes', config: { secret_suffix: 'hybrid-campus-site', namespace: 'tfstate' }, workspace: '${terraform.workspace}' },
    });
  });

  test('cloud: a workspace per site', () => {
    expect(backendOf(CampusBackend.cloud({ organization: 'acme' }))).toEqual({ cloud: { organization: 'acme', workspaces: { name: 'west-texas-1' } } });
    expect(backendOf(CampusBackend.cloud({ organization: 'acme', workspacePrefix: 'campus-', project: 'power', hostname: 'tfe.acme.example' }))).toEqual({
      cloud: { organization: 'acme', workspaces: { name: 'campus-west-texas-1', project: 'power' }, hostname: 'tfe.acme.example' },
    });
  });

  test('a TerraformBackend added to the campus directly is kept', () => {
    const { app, campus } = smallCampus();
    new S3Backend(campus, { bucket: 'own', key: 'own.tfstate', region: 'us-east-1' });
    app.synth();
    expect(JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'site', 'cdk.tf.json'), 'utf8')).terraform.backend).toEqual({ s3: { bucket: 'own', key: 'own.tfstate', region: 'us-east-1' } });
  });

  test('a portfolio: one stack and one state per site; cdktf deploy <site> picks one', () => {
    const app = Testing.app();
    const backend = CampusBackend.s3({ bucket: 'acme-tfstate', region: 'us-east-1' });
    for (const id of ['west-texas-1', 'north-dakota-1']) new Campus(app, id, { gridRegion: 'ERCOT', interconnectLimitMw: 50, backend });
    app.synth();
    const manifest = JSON.parse(fs.readFileSync(path.join(app.outdir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.stacks).sort()).toEqual(['north-dakota-1', 'west-texas-1']);
    const keys = Object.keys(manifest.stacks)
      .sort()
      .map((stack) => JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8')).terraform.backend.s3.key);
    expect(keys).toEqual(['hybrid-campus/north-dakota-1.tfstate', 'hybrid-campus/west-texas-1.tfstate']);
  });

  test('takes no credential: unknown properties such as accessKey are refused', () => {
    const props = { bucket: 'b', region: 'us-east-1', accessKey: 'AKIA...' } as unknown as Parameters<typeof CampusBackend.s3>[0];
    expect(errorOf(() => CampusBackend.s3(props))).toBe(
      'CampusConfigError: [CampusBackend.s3] invalid property: accessKey = "AKIA...": is not a known property; check its spelling or remove it',
    );
  });

  test.each<[string, () => unknown, string]>([
    [
      's3 without a bucket',
      () => CampusBackend.s3({ region: 'us-east-1' } as never),
      '[CampusBackend.s3] invalid property: bucket = nothing (the field is missing): must be a string (S3 bucket name)',
    ],
    [
      's3 with an empty region',
      () => CampusBackend.s3({ bucket: 'b', region: ' ' }),
      '[CampusBackend.s3] invalid property: region = " ": must not be empty (AWS region, e.g. "us-east-1")',
    ],
    [
      's3 with a key prefix ending in /',
      () => CampusBackend.s3({ bucket: 'b', region: 'r', keyPrefix: 'sites/' }),
      '[CampusBackend.s3] invalid property: keyPrefix = "sites/": must be a path of letters, digits, ".", "_", "-" separated by "/", without a leading or trailing "/" (folder of the states in the bucket)',
    ],
    [
      'gcs without a bucket',
      () => CampusBackend.gcs({} as never),
      '[CampusBackend.gcs] invalid property: bucket = nothing (the field is missing): must be a string (GCS bucket name)',
    ],
    [
      'azurerm without a container',
      () => CampusBackend.azurerm({ storageAccountName: 'a' } as never),
      '[CampusBackend.azurerm] invalid property: containerName = nothing (the field is missing): must be a string (blob container name)',
    ],
    [
      'kubernetes with a bad namespace',
      () => CampusBackend.kubernetes({ namespace: 'TF State' }),
      '[CampusBackend.kubernetes] invalid property: namespace = "TF State": must be a Kubernetes namespace name (a DNS-1123 label)',
    ],
    [
      'cloud with a bad workspace prefix',
      () => CampusBackend.cloud({ organization: 'acme', workspacePrefix: 'campus/' }),
      '[CampusBackend.cloud] invalid property: workspacePrefix = "campus/": must hold only letters, digits, "-" and "_" (a workspace name prefix)',
    ],
  ])('refuses %s with one message naming the field, the value and the rule', (_, make, message) => {
    expect(errorOf(make)).toBe(`CampusConfigError: ${message}`);
  });

  test('a campus refuses a backend not made by CampusBackend', () => {
    const backend = { bucket: 'b' } as unknown as CampusBackend;
    expect(errorOf(() => smallCampus({ backend }))).toBe(
      'CampusConfigError: [site] invalid property: backend = {"bucket":"b"}: must be made with CampusBackend.s3(), .gcs(), .azurerm(), .kubernetes(), .cloud() or .local()',
    );
  });

  test('no secret in cdk.tf.json: every backend attribute is a name, a path or a flag', () => {
    const all = [
      CampusBackend.s3({ bucket: 'b', region: 'r' }),
      CampusBackend.gcs({ bucket: 'b' }),
      CampusBackend.azurerm({ storageAccountName: 'a', containerName: 'c' }),
      CampusBackend.kubernetes(),
      CampusBackend.cloud({ organization: 'o' }),
    ];
    const secretKeys = /access_key|secret|token|credentials|password|client_secret|sas_token|encryption_key/;
    for (const backend of all) {
      const text = JSON.stringify(backendOf(backend));
      expect(text.replace(/"secret_suffix"/, '')).not.toMatch(secretKeys);
    }
  });
});
