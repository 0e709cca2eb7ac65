/**
 * The bridge (waterfall) between two scenarios: why `to`'s end-year total differs from `from`'s,
 * assumption by assumption.
 *
 * Method — substitution in a fixed order. Start from `from`; replace one group of assumptions at a
 * time by `to`'s; after each replacement evaluate the intermediate model with the real
 * `forecast()` and read its end-year total. A step's delta is the change that replacement made.
 * The order, which is part of the answer (substitution is path-dependent: a growth change is
 * worth more on a bigger base), is:
 *
 *  1. base year and base size, together (a size belongs to its year);
 *  2. trend growth (baseGrowth);
 *  3. each driver, matched by id, impact, start year, ramp and enabled together: first `from`'s
 *     drivers in `from`'s order — changed to `to`'s version, or removed when `to` lacks it — then
 *     the drivers only `to` has, in `to`'s order, added;
 *  4. the end year (horizon), last: steps 1–3 read the total in `from`'s end year, this step
 *     moves the reading to `to`'s.
 *
 * Every step is kept, also those that change nothing (delta exactly 0): the UI may collapse them.
 *
 * The steps telescope: step i's `cumulative` is the evaluated end-year total after i
 * substitutions, the first step's delta is measured from `fromTotal`, and the last step's
 * cumulative is `toTotal` itself (the last model evaluated is `to`). So Σ delta = toTotal −
 * fromTotal, up to floating-point rounding of the subtractions (≪ 1e-9 relative).
 *
 * What is not a step:
 * - Dimensions. They split the total into members and never change it (DESIGN.md §3: every
 *   dimension adds up to the same total), so they cannot explain a difference in the total. The
 *   intermediate models carry none, which changes nothing in their totals and saves the work.
 * - The unit. A bridge between models in different units subtracts unlike numbers; `unitsDiffer`
 *   says so and the UI warns.
 * - Ranges and simulation settings: they shape the uncertainty, not the forecast.
 *
 * Defaults, read as the file reads them: a driver without a `startYear` starts the year after the
 * base year. Step 1 moves the base year, so such a driver moves with it there; its own step then
 * only changes what differs as written. Two scenarios with the same drivers as written (the seed's)
 * thus get all-zero driver steps, and the timing shift shows in step 1 — matching the assumption
 * diff, which compares drivers as written.
 *
 * One case needs care: when `to` starts in or after `from`'s end year, `from`'s end year would lie
 * before the intermediate model's base year. The intermediate models then end in `to`'s base year
 * (where the total is the base size), and step 1 includes that move of the reading year.
 */
import { driverEnabled, driverRampYears } from '../model/defaults';
import type { Driver, Model } from '../model/types';
import { forecast } from './forecast';

export type BridgeStepKind = 'base' | 'growth' | 'driver' | 'horizon';

/** What the step's substitution did to the assumptions it covers, as written. */
export type BridgeChange = 'changed' | 'unchanged' | 'added' | 'removed';

export interface BridgeStep {
  /** `base`, `growth`, `driver:<driverId>` or `horizon`: stable, unique within a bridge. */
  id: string;
  kind: BridgeStepKind;
  /** For people: "Trend growth", a driver's name with "(added)" or "(removed)", "End year 2032 → 2030". */
  label: string;
  change: BridgeChange;
  /** Change of the end-year total made by this step, in the model unit. */
  delta: number;
  /** The end-year total after this step. */
  cumulative: number;
}

export interface BridgeResult {
  /** `from`'s total in its end year. */
  fromTotal: number;
  /** `to`'s total in its end year. */
  toTotal: number;
  fromYear: number;
  toYear: number;
  /** `from`'s unit; every delta is in it (see `unitsDiffer`). */
  unit: string;
  /** The two models use different units: the difference subtracts unlike numbers. */
  unitsDiffer: boolean;
  /** In the order described in the file comment; Σ delta = toTotal − fromTotal. */
  steps: BridgeStep[];
}

/** The total in the model's end year, by the real engine. */
function endTotal(model: Model): number {
  const total = forecast(model).total;
  return total[total.length - 1] as number;
}

/** Two drivers act alike when everything the total reads is equal, as written. */
function sameDriver(a: Driver, b: Driver): boolean {
  return (
    a.impact.value === b.impact.value &&
    a.startYear === b.startYear &&
    driverRampYears(a) === driverRampYears(b) &&
    driverEnabled(a) === driverEnabled(b)
  );
}

export function bridgeSteps(from: Model, to: Model): BridgeResult {
  const fromTotal = endTotal(from);
  const toTotal = endTotal(to);
  const steps: BridgeStep[] = [];
  let previous = fromTotal;
  const record = (id: string, kind: BridgeStepKind, label: string, change: BridgeChange, cumulative: number): void => {
    steps.push({ id, kind, label, change, delta: cumulative - previous, cumulative });
    previous = cumulative;
  };

  // Dimensions never change the total (see the file comment): the intermediate models leave them out.
  let current: Model = { ...from, dimensions: [] };

  // 1. Base year and base size. The reading year stays `from`'s end year unless `to` starts later.
  const baseYearChanged = from.baseYear !== to.baseYear;
  current = {
    ...current,
    baseYear: to.baseYear,
    baseSize: to.baseSize,
    endYear: Math.max(from.endYear, to.baseYear),
  };
  record(
    'base',
    'base',
    baseYearChanged ? `Base year ${from.baseYear} → ${to.baseYear} and size` : 'Base size',
    baseYearChanged || from.baseSize.value !== to.baseSize.value ? 'changed' : 'unchanged',
    endTotal(current),
  );

  // 2. Trend growth.
  current = { ...current, baseGrowth: to.baseGrowth };
  record('growth', 'growth', 'Trend growth', from.baseGrowth.value === to.baseGrowth.value ? 'unchanged' : 'changed', endTotal(current));

  // 3. Drivers: `from`'s in its order (changed or removed), then those only `to` has (added).
  const toById = new Map(to.drivers.map((d) => [d.id, d] as const));
  const fromIds = new Set(from.drivers.map((d) => d.id));
  let drivers = [...from.drivers];
  for (const driver of from.drivers) {
    const replacement = toById.get(driver.id);
    if (replacement) {
      drivers = drivers.map((d) => (d.id === driver.id ? replacement : d));
      current = { ...current, drivers };
      record(`driver:${driver.id}`, 'driver', replacement.name, sameDriver(driver, replacement) ? 'unchanged' : 'changed', endTotal(current));
    } else {
      drivers = drivers.filter((d) => d.id !== driver.id);
      current = { ...current, drivers };
      record(`driver:${driver.id}`, 'driver', `${driver.name} (removed)`, 'removed', endTotal(current));
    }
  }
  for (const driver of to.drivers) {
    if (fromIds.has(driver.id)) continue;
    drivers = [...drivers, driver];
    current = { ...current, drivers };
    record(`driver:${driver.id}`, 'driver', `${driver.name} (added)`, 'added', endTotal(current));
  }

  // 4. The end year. Everything else of `to` that the total reads is in place now; evaluating `to`
  // itself makes the last cumulative exactly `toTotal` (the drivers above may sit in another
  // order than `to`'s, which can only move the sum in its last bits).
  const horizonChanged = current.endYear !== to.endYear;
  record(
    'horizon',
    'horizon',
    horizonChanged ? `End year ${current.endYear} → ${to.endYear}` : 'End year',
    from.endYear === to.endYear ? 'unchanged' : 'changed',
    toTotal,
  );

  return {
    fromTotal,
    toTotal,
    fromYear: from.endYear,
    toYear: to.endYear,
    unit: from.unit,
    unitsDiffer: from.unit !== to.unit,
    steps,
  };
}
