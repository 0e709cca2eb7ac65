/**
 * The defaults of DESIGN.md §3 for optional fields, in one place. The engine, the UI and the CLI
 * all read optional fields through these functions, never with their own fallbacks.
 */
import type { Claim, Driver, Member, Model, SimulationSettings } from './types';

export const DEFAULT_RAMP_YEARS = 1;
export const DEFAULT_SIMULATION = { samples: 10_000, seed: 1 } as const;

/**
 * The most samples one run of a simulation draws, in the app and on the command line: the top of
 * the samples setting (issue 10, "1k–200k"). Every sample of every series-year is held until the
 * statistics are taken, so memory grows with samples × series × years. A file may ask for more
 * (WORKSPACE_LIMITS.simulationSamples); it then runs at this many (`samplesToRun`).
 */
export const MAX_RUN_SAMPLES = 200_000;

/** The samples a run of `settings` draws: the model's `samples`, capped at MAX_RUN_SAMPLES. */
export function samplesToRun(settings: Pick<SimulationSettings, 'samples'>): number {
  return Math.min(settings.samples, MAX_RUN_SAMPLES);
}

export function driverStartYear(driver: Driver, model: Pick<Model, 'baseYear'>): number {
  return driver.startYear ?? model.baseYear + 1;
}

export function driverRampYears(driver: Driver): number {
  return driver.rampYears ?? DEFAULT_RAMP_YEARS;
}

export function driverEnabled(driver: Driver): boolean {
  return driver.enabled ?? true;
}

export function memberGrowthDelta(member: Member): number {
  return member.growthDelta?.value ?? 0;
}

/**
 * Tolerance of an `approx` claim when the claim gives none: 5% of the value for sizes, half a
 * percentage point for rates and shares.
 */
export function claimTolerance(claim: Claim): number {
  if (claim.tolerance !== undefined) return claim.tolerance;
  return claim.metric === 'size' ? Math.abs(claim.value) * 0.05 : 0.005;
}
