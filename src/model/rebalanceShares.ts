/**
 * How shares move (DESIGN.md §3, last paragraph): the one home of the rule, used by the share
 * slider, by adding and removing members, and by the share import.
 *
 * Setting member `index`'s share to `target`: clamp the target to [0, 1 − locked siblings]; split
 * what is left over the unlocked siblings in proportion to their current shares (equally where they
 * are all 0). Locked members never move. Adding a member is setting a new member's share from 0;
 * removing one is setting its share to 0 and taking it out.
 *
 * Whatever the shares — subnormal (5e-324), 0, 1 − ε, hundreds of members — the result stays in
 * [0, 1] and sums to 1 to within `SHARE_SUM_TOLERANCE`: the proportions are taken relative to the
 * largest share (so `rest × share / freeSum` can never underflow to nothing, issue 9), and the
 * rounding left in the sum goes to the largest member that may move.
 */
import type { Range } from './quantity';

export interface RebalanceResult {
  shares: number[];
  /** The share actually given to the member, after clamping. */
  applied: number;
  /** True when the requested share could not be honoured exactly. */
  clamped: boolean;
}

/**
 * How far from 1 a list's sum may be left. Shares that already add up to within this stay exactly
 * as they were typed: 0.45 + 0.25 + 0.3 is 1.0000000000000002 in binary, and rewriting 0.45 as
 * 0.44999999999999996 would show in the file for no reason.
 */
export const SHARE_SUM_TOLERANCE = 1e-12;

export function rebalanceShares(
  shares: readonly number[],
  locked: readonly boolean[],
  index: number,
  target: number,
): RebalanceResult {
  if (index < 0 || index >= shares.length) throw new RangeError(`no member at index ${index}`);
  if (!Number.isFinite(target)) throw new RangeError('a share must be a finite number');

  let lockedSum = 0;
  const free: number[] = [];
  shares.forEach((share, i) => {
    if (i === index) return;
    if (locked[i]) lockedSum += share;
    else free.push(i);
  });

  const available = Math.min(1, Math.max(0, 1 - lockedSum));
  // With no unlocked sibling to absorb the change, the member must take exactly what is left.
  const applied = free.length === 0 ? available : Math.min(Math.max(target, 0), available);
  const rest = available - applied;

  const next = shares.slice();
  next[index] = applied;
  const parts = splitInProportion(free.map((i) => shares[i]!), rest);
  free.forEach((i, k) => {
    next[i] = parts[k]!;
  });
  settle(next, free.length > 0 ? free : [index], 1);
  return { shares: next, applied: next[index]!, clamped: next[index] !== target };
}

/**
 * `amount` split over `weights` in proportion to them (equally where they are all 0), each part
 * in [0, amount], the parts summing to `amount` to within `SHARE_SUM_TOLERANCE`. Weights that
 * already sum to `amount` are returned as they are. Weights are shares: finite and ≥ 0.
 */
export function splitInProportion(weights: readonly number[], amount: number): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const whole = Math.max(0, amount);
  let total = 0;
  let largest = 0;
  for (const w of weights) {
    total += w;
    if (w > largest) largest = w;
  }
  if (Math.abs(total - whole) <= SHARE_SUM_TOLERANCE && weights.every((w) => w >= 0 && w <= whole)) return weights.slice();
  let parts: number[];
  if (!(largest > 0)) parts = weights.map(() => whole / n);
  else {
    // Ratios to the largest weight lie in [0, 1] and sum to at least 1: no underflow, even when
    // every weight is subnormal.
    const ratios = weights.map((w) => Math.max(0, w) / largest);
    const ratioSum = ratios.reduce((a, b) => a + b, 0);
    parts = ratios.map((r) => whole * (r / ratioSum));
  }
  settle(parts, parts.map((_, i) => i), whole);
  return parts;
}

/**
 * Puts what the rounding left between `values`' sum and `whole` on the largest of the values at
 * `movable`, when it is more than `SHARE_SUM_TOLERANCE`; keeps every value in [0, whole].
 */
function settle(values: number[], movable: readonly number[], whole: number): void {
  let sum = 0;
  for (const v of values) sum += v;
  const drift = whole - sum;
  if (Math.abs(drift) <= SHARE_SUM_TOLERANCE || movable.length === 0) return;
  let largest = movable[0]!;
  for (const i of movable) if (values[i]! > values[largest]!) largest = i;
  values[largest] = Math.min(whole, Math.max(0, values[largest]! + drift));
}

/**
 * A share's range carried along when rebalancing moves its value from `before` to `after` (a
 * sibling of the share a user set, issue 10): scaled with the value — the rebalancing scales the
 * siblings in proportion, so "±20% of the share" stays ±20% — or, from a share of 0 (which has no
 * proportion to keep), shifted by the change. Where that would leave [0, 1] the range is clipped,
 * and it always keeps `low ≤ after ≤ high`.
 */
export function carryShareRange(range: Range, before: number, after: number): Range {
  if (before === after) return range;
  const factor = after / before;
  let low: number;
  let high: number;
  if (before > 0 && Number.isFinite(factor)) {
    low = range.low * factor;
    high = range.high * factor;
  } else {
    low = range.low + (after - before);
    high = range.high + (after - before);
  }
  return { low: Math.min(Math.max(0, low), after), high: Math.max(Math.min(1, high), after), dist: range.dist };
}
