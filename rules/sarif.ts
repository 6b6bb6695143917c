/**
 * rules.sarif: the findings of one campus as a SARIF 2.1.0 log with one run, for GitHub code
 * scanning (upload with github/codeql-action/upload-sarif) and other SARIF viewers.
 *
 * - tool.driver.rules: every rule that ran, with shortDescription (its statement),
 *   fullDescription and help (statement and source), helpUri when the rule has one, and
 *   defaultConfiguration.level;
 * - results: one per finding, level, message, a logical location naming the construct path
 *   (kind "resource"), and `suppressions` with the reason as `justification` when suppressed;
 * - physical location: code scanning requires each result to have one
 *   (physicalLocation.artifactLocation.uri). Synth cannot know which source file and line
 *   declared a construct, so the result points at the file synth wrote the resource to:
 *   `cdktf.out/stacks/<campus>/cdk.tf.json` (cdktf's default output folder, relative to the
 *   repository root where cdktf.json is), with the construct path as a logical location;
 * - partialFingerprints: rule id, path and target, so an alert keeps its identity across runs
 *   even when the message's figures change; findings that share all three (rules give each
 *   finding a target of its own, so this is a fallback) are told apart by their rank among
 *   them, in the findings' sorted order.
 */
import { createHash } from 'crypto';
import type { RuleRunResult } from './run-rules';

export const SARIF_FILE_NAME = 'rules.sarif';
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_TOOL_NAME = 'hybrid-campus';
export const SARIF_TOOL_URI = 'https://github.com/hybrid-campus/hybrid-campus#rules';

export interface SarifOptions {
  readonly campus: string;
  /** The tool version shown in the log (the package version). */
  readonly toolVersion: string;
}

export function renderSarif(result: RuleRunResult, options: SarifOptions): string {
  const ruleIndex = new Map(result.rules.map((r, i) => [r.id, i]));
  const uri = `cdktf.out/stacks/${options.campus}/cdk.tf.json`;
  const seen = new Map<string, number>();
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: SARIF_TOOL_NAME,
            version: options.toolVersion,
            informationUri: SARIF_TOOL_URI,
            rules: result.rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.statement },
              fullDescription: { text: `${r.statement} Source: ${r.source}.` },
              help: { text: `${r.statement}\nSource: ${r.source}.${r.suppressible === false ? '\nThis rule cannot be suppressed.' : ''}` },
              ...(r.helpUri !== undefined ? { helpUri: r.helpUri } : {}),
              defaultConfiguration: { level: r.level },
              properties: { source: r.source, suppressible: r.suppressible !== false },
            })),
          },
        },
        automationDetails: { id: `hybrid-campus/rules/${options.campus}/` },
        results: result.findings.map((f) => {
          const base = [f.ruleId, f.path, f.target ?? ''].join('\u0000');
          const rank = seen.get(base) ?? 0;
          seen.set(base, rank + 1);
          const identity = rank === 0 ? base : `${base}\u0000${rank}`;
          return {
            ruleId: f.ruleId,
            ruleIndex: ruleIndex.get(f.ruleId)!,
            level: f.level,
            message: { text: `[${f.path}] ${f.ruleId}: ${f.message}` },
            locations: [
              {
                physicalLocation: { artifactLocation: { uri } },
                logicalLocations: [{ fullyQualifiedName: f.target !== undefined ? `${f.path} ${f.target}` : f.path, name: f.path.split('/').pop()!, kind: 'resource' }],
              },
            ],
            partialFingerprints: { 'hybridCampusFinding/v1': createHash('sha256').update(identity).digest('hex') },
            ...(f.suppressed ? { suppressions: [{ kind: f.suppressed.origin === 'code' ? 'inSource' : 'external', status: 'accepted', justification: f.suppressed.reason }] } : {}),
          };
        }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
