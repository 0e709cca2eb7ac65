/**
 * The compile step of the forecast: a model turned into flat parameter arrays once, so that the
 * evaluate step (`evaluateForecast`) touches nothing but typed arrays.
 *
 * The result has two halves:
 * - `structure` — what depends on the model's shape: years, the lists of members and their parents,
 *   and each driver's weight w(t) per year (start year, ramp and enabled never change during a
 *   simulation, so the weights are computed here and not per draw);
 * - `parameters` — the numbers a user assumes: baseSize, baseGrowth, each driver's impact, each
 *   member's share σ and growth premium δ. A Monte-Carlo simulation overwrites these in place for
 *   every draw and evaluates again, rebuilding nothing.
 */
import { driverEnabled, driverRampYears, driverStartYear, memberGrowthDelta } from '../model/defaults';
import type { Member, Model } from '../model/types';
import { buildLayout } from './forecastLayout';
import type { ForecastLayout } from './forecastTypes';

export interface ForecastStructure {
  layout: ForecastLayout;
  yearCount: number;
  seriesCount: number;
  driverCount: number;
  /**
   * w(t) of driver d at `driverWeights[d * yearCount + t]`, drivers in model order. A disabled
   * driver's row is all zeros, so it adds nothing to g(t) whatever its impact.
   */
  driverWeights: Float64Array;
  /** Number of member lists (each dimension's top level, and each member's children). */
  listCount: number;
  /**
   * Lists in evaluation order: a list comes after the list holding its parent, so the parent's
   * values exist when the list is evaluated.
   */
  listParent: Int32Array;
  /** List l's members are `listMembers[listOffsets[l] … listOffsets[l + 1] − 1]` (series indices). */
  listOffsets: Int32Array;
  listMembers: Int32Array;
  /** Names a list in warnings: the dimension id for a top-level list, else the parent member's key. */
  listKeys: readonly string[];
}

export interface ForecastParameters {
  baseSize: number;
  baseGrowth: number;
  /** Impact of each driver, model order (also for disabled drivers: their weight is 0). */
  driverImpact: Float64Array;
  /** Base share σ of each series, layout order. */
  share: Float64Array;
  /** Growth premium δ of each series over its parent, layout order. */
  growthDelta: Float64Array;
}

export interface CompiledModel {
  structure: ForecastStructure;
  parameters: ForecastParameters;
}

/**
 * Compiles `model`. Pass the `layout` of an earlier forecast of a model with the same structure to
 * keep it (consumers hold on to it across a slider drag); it is checked against the model, and a
 * stale layout is an error rather than a silently misattributed series.
 */
export function compileModel(model: Model, layout: ForecastLayout = buildLayout(model)): CompiledModel {
  const yearCount = model.endYear - model.baseYear + 1;
  if (!Number.isInteger(yearCount) || yearCount < 1) {
    throw new RangeError(`years must run from baseYear to a later endYear (got ${model.baseYear}–${model.endYear})`);
  }
  if (layout.years.length !== yearCount || layout.years[0] !== model.baseYear) {
    throw new Error('layout does not match the model: its years differ');
  }

  const seriesCount = layout.series.length;
  const share = new Float64Array(seriesCount);
  const growthDelta = new Float64Array(seriesCount);

  // Read σ and δ in the layout's depth-first order, checking that the layout is this model's.
  if (layout.dimensions.length !== model.dimensions.length) {
    throw new Error('layout does not match the model: it has a different number of dimensions');
  }
  let next = 0;
  const readList = (members: readonly Member[], dimensionIndex: number, parent: number): void => {
    for (const member of members) {
      const index = next++;
      const info = layout.series[index];
      if (info === undefined || info.memberId !== member.id || info.parent !== parent || info.dimensionIndex !== dimensionIndex) {
        throw new Error(`layout does not match the model at member ${member.id}`);
      }
      share[index] = member.share.value;
      growthDelta[index] = memberGrowthDelta(member);
      if (member.children !== undefined) readList(member.children, dimensionIndex, index);
    }
  };
  model.dimensions.forEach((dimension, d) => {
    if (layout.dimensions[d]?.id !== dimension.id) throw new Error(`layout does not match the model at dimension ${dimension.id}`);
    readList(dimension.members, d, -1);
  });
  if (next !== seriesCount) throw new Error('layout does not match the model: it has a different number of members');

  // The lists: each dimension's top level, then every member's children in series order. A
  // parent's index is below its children's (depth first), so ordering children lists by parent
  // index puts every list after the list holding its parent.
  const listParent: number[] = [];
  const listOffsets: number[] = [0];
  const listMembers: number[] = [];
  const listKeys: string[] = [];
  const addList = (parent: number, key: string, members: readonly number[]): void => {
    listParent.push(parent);
    listKeys.push(key);
    listMembers.push(...members);
    listOffsets.push(listMembers.length);
  };
  for (const dimension of layout.dimensions) addList(-1, dimension.id, dimension.members);
  layout.series.forEach((info, index) => {
    if (info.children.length > 0) addList(index, info.key, info.children);
  });

  const driverCount = model.drivers.length;
  const driverWeights = new Float64Array(driverCount * yearCount);
  const driverImpact = new Float64Array(driverCount);
  model.drivers.forEach((driver, d) => {
    driverImpact[d] = driver.impact.value;
    if (!driverEnabled(driver)) return;
    const start = driverStartYear(driver, model);
    const ramp = driverRampYears(driver);
    for (let t = 0; t < yearCount; t++) {
      driverWeights[d * yearCount + t] = driverWeight(model.baseYear + t, start, ramp);
    }
  });

  return {
    structure: {
      layout,
      yearCount,
      seriesCount,
      driverCount,
      driverWeights,
      listCount: listParent.length,
      listParent: Int32Array.from(listParent),
      listOffsets: Int32Array.from(listOffsets),
      listMembers: Int32Array.from(listMembers),
      listKeys,
    },
    parameters: {
      baseSize: model.baseSize.value,
      baseGrowth: model.baseGrowth.value,
      driverImpact,
      share,
      growthDelta,
    },
  };
}

/** DESIGN.md §3: w(t) = 0 for t < s, else min(1, (t − s + 1) / r). */
export function driverWeight(year: number, startYear: number, rampYears: number): number {
  return year < startYear ? 0 : Math.min(1, (year - startYear + 1) / rampYears);
}
