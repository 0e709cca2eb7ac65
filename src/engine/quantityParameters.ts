/**
 * The engine's side of "what if this one quantity were x" (issue 11): tornado, goal seek and
 * calibration set quantities in a compiled model's parameters and evaluate again into reused
 * buffers — no model is copied and nothing is rebuilt per value, which is what makes 2·k
 * forecasts of a tornado cost microseconds.
 *
 * - A share moves as the slider moves it: its unlocked siblings rebalanced by the one share rule
 *   (`rebalanceShares`), starting from the model's shares every time.
 * - `restrictedStructure` evaluates only the lists a set of metrics reads (none for the total: it
 *   depends on base size, trend growth and drivers alone; a member depends on the lists on its
 *   path), and `dependsOn` says whether a quantity can change such a metric at all.
 */
import { getQuantity, quantityBounds, quantityKind, type QuantityRef } from '../model/quantityRef';
import { rebalanceShares, type RebalanceResult } from '../model/rebalanceShares';
import type { Model } from '../model/types';
import { AnalysisInputError } from './analysisMetric';
import type { ClaimLocation } from './claimStatus';
import { compileModel, type ForecastParameters, type ForecastStructure } from './compiledModel';
import { createForecastBuffers, evaluateForecast, type ForecastBuffers } from './evaluateForecast';
import type { Forecast, ForecastLayout } from './forecastTypes';
import { seriesIndex } from './seriesAccess';

/** Whether the member at `path` is locked: its share stays when a sibling's share is set. */
export type LockedMembers = (path: readonly string[]) => boolean;

export interface QuantityEvaluator {
  model: Model;
  layout: ForecastLayout;
  structure: ForecastStructure;
  /** The parameters evaluated: the model's, but for what `set` changed. */
  parameters: ForecastParameters;
  buffers: ForecastBuffers;
  /** The buffers read as a forecast (what `measureMetric` and `measureClaim` read). */
  reading: Pick<Forecast, 'layout' | 'total' | 'values'>;
  /** `ref` at `value` in `parameters` (a share rebalancing its siblings); all else as it was. */
  set(ref: QuantityRef, value: number): void;
  /** `ref` (a share: its whole list) back at the model's values. */
  reset(ref: QuantityRef): void;
  /** Evaluates `parameters` into `buffers`, only the lists of `structure` (default: all). */
  evaluate(structure?: ForecastStructure): void;
  /** The model's value of `ref`; undefined when the model has no such quantity. */
  valueOf(ref: QuantityRef): number | undefined;
  /**
   * The values `ref` can take here: its kind's bounds (`quantityBounds`), a size above 0, and a
   * share no more than what its locked siblings leave (exactly that with no unlocked sibling to
   * give way: the share rule's clamp) — so a solver never reports a share the slider would not give.
   */
  interval(ref: QuantityRef): { min: number; max: number };
}

export function quantityEvaluator(model: Model, locked: LockedMembers = () => false): QuantityEvaluator {
  const compiled = compileModel(model);
  const { structure } = compiled;
  const original = compiled.parameters;
  const parameters: ForecastParameters = {
    ...original,
    driverImpact: original.driverImpact.slice(),
    share: original.share.slice(),
    growthDelta: original.growthDelta.slice(),
  };
  const buffers = createForecastBuffers(structure);
  const { layout } = structure;

  const seriesOf = (path: readonly string[]): number => {
    const s = seriesIndex(layout, path.join('/'));
    if (s < 0) throw new AnalysisInputError(`this model has no member ${path.join('/')}`);
    return s;
  };
  const driverOf = (driverId: string): number => {
    const d = model.drivers.findIndex((x) => x.id === driverId);
    if (d < 0) throw new AnalysisInputError(`this model has no driver ${driverId}`);
    return d;
  };

  /** The share rule (`rebalanceShares`) applied to the model's shares of `ref`'s list, `ref` set to `value`. */
  const rebalanced = (ref: { path: string[] }, value: number): RebalanceResult => {
    const s = seriesOf(ref.path);
    const list = siblingsOf(layout, s);
    const parentPath = ref.path.slice(0, -1);
    return rebalanceShares(
      list.map((i) => original.share[i] as number),
      list.map((i) => i !== s && locked([...parentPath, (layout.series[i] as { memberId: string }).memberId])),
      list.indexOf(s),
      value,
    );
  };

  return {
    model,
    layout,
    structure,
    parameters,
    buffers,
    reading: { layout, total: buffers.total, values: buffers.values },
    set(ref, value) {
      switch (ref.kind) {
        case 'baseSize':
          parameters.baseSize = value;
          return;
        case 'baseGrowth':
          parameters.baseGrowth = value;
          return;
        case 'driverImpact':
          parameters.driverImpact[driverOf(ref.driverId)] = value;
          return;
        case 'memberGrowthDelta':
          parameters.growthDelta[seriesOf(ref.path)] = value;
          return;
        case 'memberShare': {
          const s = seriesOf(ref.path);
          const { shares } = rebalanced(ref, value);
          siblingsOf(layout, s).forEach((i, k) => (parameters.share[i] = shares[k] as number));
          return;
        }
      }
    },
    reset(ref) {
      switch (ref.kind) {
        case 'baseSize':
          parameters.baseSize = original.baseSize;
          return;
        case 'baseGrowth':
          parameters.baseGrowth = original.baseGrowth;
          return;
        case 'driverImpact': {
          const d = driverOf(ref.driverId);
          parameters.driverImpact[d] = original.driverImpact[d] as number;
          return;
        }
        case 'memberGrowthDelta': {
          const s = seriesOf(ref.path);
          parameters.growthDelta[s] = original.growthDelta[s] as number;
          return;
        }
        case 'memberShare':
          for (const i of siblingsOf(layout, seriesOf(ref.path))) parameters.share[i] = original.share[i] as number;
          return;
      }
    },
    evaluate(restricted = structure) {
      evaluateForecast(restricted, parameters, buffers, null);
    },
    interval(ref) {
      const { min, max } = quantityBounds(quantityKind(ref));
      if (ref.kind === 'baseSize') return { min: Math.max(min, Number.MIN_VALUE), max };
      if (ref.kind !== 'memberShare') return { min, max };
      // Asked of the share rule itself: what it gives for the lowest and the highest share.
      return { min: rebalanced(ref, 0).applied, max: rebalanced(ref, 1).applied };
    },
    valueOf(ref) {
      return ref.kind === 'memberGrowthDelta' && getQuantity(model, ref) === undefined && seriesIndex(layout, ref.path.join('/')) >= 0
        ? 0
        : getQuantity(model, ref)?.value;
    },
  };
}

/** The series of the list member `s` is in, itself included, in list order. */
function siblingsOf(layout: ForecastLayout, s: number): number[] {
  const info = layout.series[s]!;
  return info.parent < 0 ? layout.dimensions[info.dimensionIndex]!.members : layout.series[info.parent]!.children;
}

/** `s` and every member above it, bottom up. */
function ancestry(layout: ForecastLayout, s: number): number[] {
  const chain: number[] = [];
  for (let i = s; i >= 0; i = layout.series[i]!.parent) chain.push(i);
  return chain;
}

/**
 * Whether `ref` can change any of the metrics at `locations`: base size, trend growth and drivers
 * move everything; a member's share or premium only the members of its own list and below — so a
 * metric of member m depends on it only when its list is on m's path, and the total never does.
 */
export function dependsOn(layout: ForecastLayout, ref: QuantityRef, locations: readonly ClaimLocation[]): boolean {
  if (ref.kind !== 'memberShare' && ref.kind !== 'memberGrowthDelta') return true;
  const r = seriesIndex(layout, ref.path.join('/'));
  if (r < 0) return false;
  const { parent, dimensionIndex } = layout.series[r]!;
  return locations.some(
    (location) =>
      location.series >= 0 &&
      ancestry(layout, location.series).some((a) => layout.series[a]!.parent === parent && layout.series[a]!.dimensionIndex === dimensionIndex),
  );
}

/**
 * `structure` cut down to the lists the metrics at `locations` read — the lists on their members'
 * paths, in evaluation order — so evaluating it fills the total and those members' rows exactly as
 * the whole evaluation would (a list depends only on its parent and its own parameters).
 */
export function restrictedStructure(structure: ForecastStructure, locations: readonly ClaimLocation[]): ForecastStructure {
  const { layout, listCount, listOffsets, listMembers, listParent, listKeys } = structure;
  const listOf = new Int32Array(structure.seriesCount);
  for (let l = 0; l < listCount; l++) for (let k = listOffsets[l] as number; k < (listOffsets[l + 1] as number); k++) listOf[listMembers[k] as number] = l;
  const needed = new Set<number>();
  for (const location of locations) if (location.series >= 0) for (const a of ancestry(layout, location.series)) needed.add(listOf[a] as number);
  const lists = [...needed].sort((a, b) => a - b);
  const offsets = [0];
  const members: number[] = [];
  for (const l of lists) {
    for (let k = listOffsets[l] as number; k < (listOffsets[l + 1] as number); k++) members.push(listMembers[k] as number);
    offsets.push(members.length);
  }
  return {
    ...structure,
    listCount: lists.length,
    listParent: Int32Array.from(lists, (l) => listParent[l] as number),
    listOffsets: Int32Array.from(offsets),
    listMembers: Int32Array.from(members),
    listKeys: lists.map((l) => listKeys[l] as string),
  };
}
