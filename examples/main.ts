/**
 * The app `cdktf synth` runs (cdktf.json): every bundled example campus, one stack each.
 */
import { runCampusApp } from '../stacks/run-campus-app';
import { ercot300 } from './ercot-300';
import { flexibleMining } from './flexible-mining';
import { phasedConversion } from './phased-conversion';
import { retrofit } from './retrofit';

process.exitCode = runCampusApp((app) => {
  ercot300(app);
  retrofit(app);
  phasedConversion(app);
  flexibleMining(app);
});
