/**
 * The app `cdktf synth` runs (cdktf.json): every bundled example campus, one stack each.
 */
import { runCampusApp } from '../stacks/run-campus-app';
import { buildBundledExamples } from './bundled';

process.exitCode = runCampusApp((app) => {
  buildBundledExamples(app);
});
