/**
 * The Analysis view's engine calls (issue 11) in the shape the worker takes them: plain data in
 * and out (a structured clone crosses the worker boundary; a function does not), so locked members
 * come as a list of member paths rather than a predicate. src/engine/worker.ts exposes these as
 * `tornado`, `goalSeek` and `calibrate`; the main thread can call them directly where it has no
 * worker. A request the model cannot answer throws `AnalysisInputError` with a message naming it
 * (Comlink passes the message on).
 */
import type { QuantityRef } from '../model/quantityRef';
import type { Claim, Model } from '../model/types';
import type { AnalysisMetric } from './analysisMetric';
import { calibrate, DEFAULT_CALIBRATION_REFS, type CalibrationResult } from './calibration';
import { goalSeek, type GoalSeekResult, type GoalTarget } from './goalSeek';
import type { LockedMembers } from './quantityParameters';
import { tornado, type TornadoResult } from './sensitivity';

/** Member paths `[dimensionId, memberId, …]` whose shares stay when a sibling's is set. */
export type LockedPaths = readonly (readonly string[])[];

/** The predicate the engine takes for a list of locked paths. */
export function lockedByPaths(paths: LockedPaths = []): LockedMembers {
  const keys = new Set(paths.map((path) => path.join('/')));
  return (path) => keys.has(path.join('/'));
}

export const analysisApi = {
  /** The tornado of `metric` over every ranged quantity of `model`. */
  tornado(model: Model, metric: AnalysisMetric, locked?: LockedPaths): TornadoResult {
    return tornado(model, metric, { locked: lockedByPaths(locked) });
  },
  /** The value of `ref` that reaches `target`, or the closest. */
  goalSeek(model: Model, claims: readonly Claim[], target: GoalTarget, ref: QuantityRef, locked?: LockedPaths): GoalSeekResult {
    return goalSeek(model, claims, target, ref, { locked: lockedByPaths(locked) });
  },
  /** The values of `refs` (default: base size and trend growth) that best meet `claims`. */
  calibrate(model: Model, claims: readonly Claim[], refs: readonly QuantityRef[] = DEFAULT_CALIBRATION_REFS, locked?: LockedPaths): CalibrationResult {
    return calibrate(model, claims, refs, { locked: lockedByPaths(locked) });
  },
};
