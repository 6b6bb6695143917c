/**
 * Runs one generated case the way `cdktf synth` runs a campus app (runCampusApp, writing into a
 * fresh output folder) and classifies what happened:
 *
 * - `clear-error`: refused with a message of the project's form, naming where ("[path] ...");
 * - `accepted`: a change that may be valid was accepted, and the output is sound;
 * - `crash`: something other than a CampusConfigError reached the user (a TypeError, another
 *   library's error), i.e. runCampusApp threw;
 * - `unreadable`: refused, but the message does not say where, shows `[object Object]` or a
 *   generic zod text, holds raw control characters or is huge;
 * - `accepted-invalid`: a change that is certainly invalid was accepted, or the output of an
 *   accepted app is unsound (NaN, a budget `campus report` cannot read, a bad Kubernetes name);
 * - `polluted`: Object.prototype or Array.prototype changed;
 * - `half-written`: a refused app left files behind;
 * - `hang`: the case ran over the time limit (decided by the worker pool, not here).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { runCampusApp } from '../../index';
import { buildApp, STEPS } from './campus-spec';
import { applyCase, type FuzzCase } from './mutations';
import { outputProblems, unreadableReason } from './oracles';
import type { CaseResult } from './outcomes';

function prototypeShape(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((p) => Object.getOwnPropertyNames(p).sort().join(','))
    .join('|');
}
const PROTOTYPES = prototypeShape();

function firstLine(text: string, max = 300): string {
  const line = text.split('\n')[0];
  return line.length > max ? `${line.slice(0, max)}...` : line;
}

/** Runs case `c` (the case's step index is into STEPS) and classifies the result. */
export function runCase(c: FuzzCase): CaseResult {
  const target = STEPS[c.step];
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-campus-fuzz-'));
  let stdout = '';
  let stderr = '';
  try {
    let rc: number;
    try {
      rc = runCampusApp((app) => void buildApp(app, { step: target, apply: (step, built) => applyCase(c, step, built) }), {
        app: new App({ outdir, stackTraces: false }),
        stdout: (t) => void (stdout += t),
        stderr: (t) => void (stderr += t),
        writeBudgetOnFailure: false,
      });
    } catch (error) {
      const e = error as Error;
      const frame = (e?.stack ?? '').split('\n').find((l) => l.includes(' at ')) ?? '';
      let text: string;
      try {
        text = `${e?.name}: ${firstLine(String(e?.message))} ${frame.trim()}`;
      } catch {
        text = 'an error that cannot be shown';
      }
      return { outcome: 'crash', detail: text };
    }
    if (prototypeShape() !== PROTOTYPES) return { outcome: 'polluted', detail: 'a prototype gained or lost a property' };
    if ((Object.prototype as Record<string, unknown>).polluted !== undefined) return { outcome: 'polluted', detail: 'Object.prototype.polluted' };
    if (rc !== 0) {
      const stacks = path.join(outdir, 'stacks');
      if (fs.existsSync(stacks) && fs.readdirSync(stacks).some((d) => fs.readdirSync(path.join(stacks, d)).length > 0)) {
        return { outcome: 'half-written', detail: firstLine(stderr) };
      }
      const reason = unreadableReason(stderr);
      return reason ? { outcome: 'unreadable', detail: `${reason}: ${firstLine(stderr)}` } : { outcome: 'clear-error', detail: firstLine(stderr) };
    }
    const problems = outputProblems(outdir, stdout, stderr);
    if (problems.length > 0) return { outcome: 'accepted-invalid', detail: problems.slice(0, 3).join('; ') };
    if (c.expect === 'invalid') return { outcome: 'accepted-invalid', detail: 'accepted, although the change is invalid' };
    return { outcome: 'accepted', detail: '' };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** A one-line description of a case. */
export function describeCase(c: FuzzCase): string {
  const step = STEPS[c.step];
  return `${step.family} ${step.key} (${c.kind}): ${c.label}`;
}
