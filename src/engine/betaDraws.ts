/**
 * Beta(α, β) draws for α, β ≥ 1 — beta-PERT's (src/engine/distributions.ts) — by rejection under a
 * tabulated hat: exact, two of the generator's outputs per try, and about three times as fast as
 * the two gamma draws it replaced (bench/simulation.bench.ts compares them; the gamma pair is kept
 * in bench/alternatives/pertGamma.ts).
 *
 * The density g(x) = x^(α−1) (1 − x)^(β−1) on [0, 1] (unnormalised: only ratios matter) is
 * unimodal for α, β ≥ 1, its mode at m = (α − 1) / (α + β − 2). Cut [0, 1] into K equal intervals;
 * on each, the hat is g's largest value (g(m) on the interval that holds m, else the end nearer m)
 * and the squeeze its smallest (the farther end). A try:
 * 1. u from the generator: t = u · H, H the hat's area; the interval i holding t in the hat's
 *    cumulative areas (a guide table finds it in a step or two), and x the point of that interval at
 *    t's place within it — x is distributed by the hat, through one uniform, as an inverse CDF is;
 * 2. v from the generator: y = v · hat(i). Accept x if y ≤ squeeze(i) (about 99 tries in 100);
 *    else if y ≤ g(x), computed with Math.log and Math.exp; else try again.
 * Accepted points are distributed by g exactly (rejection sampling). The hat is raised, and the
 * squeeze lowered, by a relative 2⁻⁴⁰ so that rounding in their computation can never make them
 * cross g.
 *
 * A table depends only on (α, β); the tables of a run's PERT quantities are made on first use and
 * kept (a few kilobytes each). Only +, −, ×, ÷, Math.log and Math.exp are used, so the draws are
 * bit-identical in the app, its workers and the CLI.
 */
import { nextUniform, type RandomState } from './random';

/** Intervals of a table. A power of two: j / K is exact, which the guide table relies on. */
const K = 128;
/** Per interval i, at [STRIDE · i …]: cumulative hat area before it, 1 / hat, hat, squeeze; the total area at [STRIDE · K]. */
const STRIDE = 4;
const RAISE = 1 + 2 ** -40;
const LOWER = 1 - 2 ** -40;

export interface BetaTable {
  readonly alpha: number;
  readonly beta: number;
  /** STRIDE numbers per interval (see STRIDE), then the hat's total area. */
  readonly cells: Float64Array;
  /** guide[j]: the interval holding the cumulative area (j / K) · H, where a try whose u has ⌊u · K⌋ = j starts its search. */
  readonly guide: Int32Array;
}

/** log g(x), with 0 · log 0 taken as 0 (α = 1 or β = 1 at an end). */
function logDensity(alpha1: number, beta1: number, x: number): number {
  return (alpha1 === 0 ? 0 : alpha1 * Math.log(x)) + (beta1 === 0 ? 0 : beta1 * Math.log(1 - x));
}

function makeTable(alpha: number, beta: number): BetaTable {
  if (!(alpha >= 1 && beta >= 1 && Number.isFinite(alpha + beta))) throw new RangeError(`a beta table needs α, β ≥ 1 (got ${alpha}, ${beta})`);
  const alpha1 = alpha - 1;
  const beta1 = beta - 1;
  const g = (x: number): number => Math.exp(logDensity(alpha1, beta1, x));
  const mode = alpha1 + beta1 > 0 ? alpha1 / (alpha1 + beta1) : 0.5;
  // The hat takes g at the ends from just inside [0, 1]: with α or β a hair above 1, g(0) or g(1)
  // is 0 while g is about 1 at every double beside it (0^ε = 0, but (2⁻⁵³)^ε ≈ 1), and its mode
  // may round onto the end. The squeeze takes the ends themselves, never above g.
  const inside = (x: number): number => (x <= 0 ? Number.MIN_VALUE : x >= 1 ? 1 - 2 ** -53 : x);
  const cells = new Float64Array(STRIDE * K + 1);
  let area = 0;
  let left = g(0);
  let leftInside = g(inside(0));
  for (let i = 0; i < K; i++) {
    const right = g((i + 1) / K);
    const rightInside = g(inside((i + 1) / K));
    const holdsMode = mode > i / K && mode < (i + 1) / K;
    const hat = Math.max(leftInside, rightInside, holdsMode ? g(mode) : 0) * RAISE;
    const at = STRIDE * i;
    cells[at] = area;
    cells[at + 1] = 1 / hat;
    cells[at + 2] = hat;
    cells[at + 3] = Math.min(left, right) * LOWER;
    area += hat;
    left = right;
    leftInside = rightInside;
  }
  cells[STRIDE * K] = area;
  const guide = new Int32Array(K);
  let i = 0;
  for (let j = 0; j < K; j++) {
    const t = (j / K) * area;
    while (i < K - 1 && (cells[STRIDE * (i + 1)] as number) <= t) i++;
    guide[j] = i;
  }
  return { alpha, beta, cells, guide };
}

/** Tables made so far, by α (then searched for β). */
const tables = new Map<number, BetaTable[]>();
/** Past this many tables the cache starts again (a long session of edits makes a new one per PERT range edited). */
const MOST_TABLES = 512;
let tableCount = 0;

/** The table of Beta(α, β), α, β ≥ 1 (made on first use, then kept). */
export function betaTable(alpha: number, beta: number): BetaTable {
  const same = tables.get(alpha);
  if (same !== undefined) for (const table of same) if (table.beta === beta) return table;
  if (tableCount >= MOST_TABLES) {
    tables.clear();
    tableCount = 0;
  }
  const table = makeTable(alpha, beta);
  const list = tables.get(alpha);
  if (list === undefined) tables.set(alpha, [table]);
  else list.push(table);
  tableCount += 1;
  return table;
}

/** One Beta(α, β) draw in [0, 1] from the table (see the file comment), advancing `state`. */
export function betaDraw(table: BetaTable, state: RandomState): number {
  const { cells, guide } = table;
  const alpha1 = table.alpha - 1;
  const beta1 = table.beta - 1;
  const total = cells[STRIDE * K] as number;
  for (;;) {
    const u = nextUniform(state);
    const t = u * total;
    // t < total (u < 1 − 2⁻³³, far from rounding up to the total): the search stops by interval K − 1.
    let i = guide[(u * K) | 0] as number;
    while (t >= (cells[STRIDE * (i + 1)] as number)) i++;
    const at = STRIDE * i;
    const within = (t - (cells[at] as number)) * (cells[at + 1] as number);
    const x = (i + (within < 1 ? within : 1)) * (1 / K);
    const y = nextUniform(state) * (cells[at + 2] as number);
    if (y <= (cells[at + 3] as number)) return x;
    if (y <= Math.exp(logDensity(alpha1, beta1, x))) return x;
  }
}
