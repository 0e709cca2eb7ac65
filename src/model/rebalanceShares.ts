/**
 * Linked share sliders (DESIGN.md §3, last paragraph).
 *
 * Setting member `index`'s share to `target`: clamp the target to [0, 1 − locked siblings]; split
 * what is left over the unlocked siblings in proportion to their current shares (equally where they
 * are all 0). Locked members never move.
 */
export interface RebalanceResult {
  shares: number[];
  /** The share actually given to the member, after clamping. */
  applied: number;
  /** True when the requested share could not be honoured exactly. */
  clamped: boolean;
}

export function rebalanceShares(
  shares: readonly number[],
  locked: readonly boolean[],
  index: number,
  target: number,
): RebalanceResult {
  if (index < 0 || index >= shares.length) throw new RangeError(`no member at index ${index}`);
  if (!Number.isFinite(target)) throw new RangeError('a share must be a finite number');

  let lockedSum = 0;
  let freeSum = 0;
  const free: number[] = [];
  shares.forEach((share, i) => {
    if (i === index) return;
    if (locked[i]) lockedSum += share;
    else {
      free.push(i);
      freeSum += share;
    }
  });

  const available = Math.max(0, 1 - lockedSum);
  // With no unlocked sibling to absorb the change, the member must take exactly what is left.
  const applied = free.length === 0 ? available : Math.min(Math.max(target, 0), available);
  const rest = available - applied;

  const next = shares.slice();
  next[index] = applied;
  for (const i of free) {
    next[i] = freeSum > 0 ? (rest * shares[i]!) / freeSum : rest / free.length;
  }
  return { shares: next, applied, clamped: applied !== target };
}

