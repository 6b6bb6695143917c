// The campus the smoke tests synthesize in a fresh project (scripts/smoke-fresh-project.sh):
// what a user writes after reading the README's "Use it in your own project".
import { App } from 'cdktf';
import { ASIC_MODELS, AuxiliaryLoad, Campus, CoolingSystem, GPU_SYSTEMS, GpuHall, MiningPod, PowerBus, runCampusApp } from 'hybrid-campus';
import { buildReport, loadBudgets, renderReportText } from 'hybrid-campus/report';

process.exitCode = runCampusApp((app: App) => {
  const campus = new Campus(app, 'smoke-site', { gridRegion: 'ERCOT', interconnectLimitMw: 120 });
  const bus = new PowerBus(campus, 'bus-a', {
    redundancy: 'N+1',
    feeds: [
      { name: 'xfmr-1', voltageKv: 34.5, currentA: 1200, phases: 3, powerFactor: 0.98 },
      { name: 'xfmr-2', voltageKv: 34.5, currentA: 1200, phases: 3, powerFactor: 0.98 },
    ],
  });
  const air = new CoolingSystem(campus, 'air-row-1', { type: 'air', capacityKw: 40_000, pue: 1.1, bus });
  const dlc = new CoolingSystem(campus, 'dlc-1', { type: 'direct-to-chip', capacityKw: 30_000, pue: 1.15, bus });
  new MiningPod(campus, 'pod-1', { model: ASIC_MODELS.BITMAIN_ANTMINER_S21_XP, count: 2_000, bus, cooling: air });
  new GpuHall(campus, 'hall-1', { system: GPU_SYSTEMS.NVIDIA_GB300_NVL72_RACK, count: 40, overheadKw: 800, bus, cooling: dlc });
  new AuxiliaryLoad(campus, 'office', { powerKw: 500, bus });
});

// The report API (package export "hybrid-campus/report") type-checks and loads too.
export const reportApi = { buildReport, loadBudgets, renderReportText };
