/**
 * The evaluate step of the forecast (DESIGN.md §3): fills preallocated typed arrays from a compiled
 * model's structure and parameters. Nothing is allocated here except a warning when a clamp or a
 * collapse actually happens, so a simulation can call it for every draw.
 *
 * Each list is evaluated in passes over contiguous rows (series-major), not year by year across
 * members, so the inner loops walk memory in order:
 * 0. the parent's growth ratio r(t) = P(t) / P(t − 1) for each year, with the rules below;
 * 1. u(t) of each member, written into its `shares` row (u(t) needs only u(t − 1) and r(t)), and
 *    added to Σu(t) as it goes — members in list order, as the formula's sum reads. A tight loop
 *    does the plain product while it needs no care; a clamp, a KEEP year, a tiny factor or an m
 *    leaving its range hands the member over to `evaluateMemberCarefully` for the rest of its years
 *    (kept out of the loop, the rare cases cost the common one ~1% instead of ~15%);
 * 2. share(t) = u(t) / Σu(t) in place, and value(t) = P(t) · share(t).
 * (Measured on the large model: fusing the sum into pass 1 saved ~8%; multiplying by 1/Σu instead
 * of dividing saved nothing, so the division stays and the result matches the formula bit for bit.)
 *
 * Arithmetic that stays finite for every valid file (issue 9). Shares are u / Σu, so multiplying
 * every u of a list by the same positive number changes nothing; the engine uses that, and only
 * that, to keep the numbers representable:
 * - u is held as m · 2^e: a member's m is rescaled by a power of two (exact) whenever it leaves
 *   [2^-500, 2^500], the exponent going to e. A share of 5e-324 (the smallest double) whose
 *   siblings collapse, or a share of 1e-300 whose u would compound past 1e308, stays exact; in
 *   files whose u never leaves that range (all ordinary ones) no rescale happens and the numbers
 *   are bit for bit those of the plain formula.
 * - Factors are r(t) + δ — the formula's 1 + gP(t) + δ with gP = r − 1, in one rounding instead of
 *   three. Where r(t) ≥ 2^64 (a parent recovering from a subnormal value: 5e-324 → 100 is a ratio
 *   of 2e323, which overflows) every factor is taken as 1: (r + δ) / r rounds to 1 for any rate a
 *   file allows, so this is the same split without the overflow.
 * - Where the parent is 0 in year t or t − 1, the list keeps its shares of t − 1 (issue 9 asked for
 *   this reading). In exact arithmetic a parent at 0 stays at 0 (zero is absorbing), so there the
 *   split is only what the shares chart shows; DESIGN.md's gP = P(t)/P(t − 1) − 1 would be −1 in
 *   the year it falls and wipe out every member without a positive premium. A double, though, can
 *   be 0 for a year and then not be — a member of 5e-324 of a market of 0.4 underflows to 0 and is
 *   4 · 5e-324 the year after — and that is the only way a parent comes back from 0. Its true
 *   growth that year is then beyond 2^64, where every factor is 1 (above), so DESIGN.md's "gP = 0
 *   where P(t − 1) = 0" (factors 1 + δ, which wipe out a part with δ = −1) is read as "keep the
 *   shares" too: the parts come back in the proportions they had.
 * What stays approximate: a parent whose value is itself subnormal (below 2^-1022, with fewer
 * bits) gives its list a rounded r(t). The list still adds up to it, but its split may differ from
 * exact arithmetic — in a part of the market worth less than 10^-307 of a unit (the property tests
 * compare such lists with the reference only by the invariants).
 * Only the total can exceed the largest double (every member is a fraction of its parent), and the
 * file limits keep it far below (10^15 growing 2,011-fold a year for 50 years is about 10^180); a
 * total that does overflow anyway (a model built beyond the limits) gets a `totalOverflow` warning.
 */
import type { ForecastParameters, ForecastStructure } from './compiledModel';
import type { ForecastWarning } from './forecastTypes';

/** The arrays one evaluation writes: outputs plus per-year scratch rows. */
export interface ForecastBuffers {
  total: Float64Array;
  growth: Float64Array;
  /** value(t) of series s at `values[s * yearCount + t]`. */
  values: Float64Array;
  /** share(t) of series s within its list, same indexing as `values`. */
  shares: Float64Array;
  /** Scratch: r(t) = P(t) / P(t − 1) of the list being evaluated (KEEP: every factor is 1). */
  parentRatio: Float64Array;
  /** Scratch: Σu(t) of the list being evaluated (relative to 2^listExponent(t) once rescaled). */
  listSum: Float64Array;
  /** Scratch: the power of two Σu(t) is relative to, in a list with rescaled members. */
  listExponent: Float64Array;
  /** Scratch: 1 for a member whose exponents e are in its values row (evaluated with care), else 0 (all e are 0). */
  withExponents: Uint8Array;
}

export function createForecastBuffers(structure: ForecastStructure): ForecastBuffers {
  const { yearCount, seriesCount } = structure;
  return {
    total: new Float64Array(yearCount),
    growth: new Float64Array(yearCount),
    values: new Float64Array(seriesCount * yearCount),
    shares: new Float64Array(seriesCount * yearCount),
    parentRatio: new Float64Array(yearCount),
    listSum: new Float64Array(yearCount),
    listExponent: new Float64Array(yearCount),
    withExponents: new Uint8Array(seriesCount),
  };
}

/**
 * r(t) that means "every member's factor is 1": the parent is 0, or grew ≥ 2^64-fold. NaN, so that
 * r + δ fails the one test of the factor the hot loop makes anyway and is handled off its path.
 */
const KEEP = NaN;
/** r(t) from this up: (r + δ) / r is 1 to the last bit for every |δ| ≤ 2^10. */
export const HUGE_RATIO = 2 ** 64;
/** m stays within [M_LOW, M_HIGH]; beyond, it is rescaled by a power of two. */
export const M_LOW = 2 ** -500;
export const M_HIGH = 2 ** 500;
/** A factor below this is applied in two exact steps, so that m · factor cannot underflow. */
export const F_LOW = 2 ** -400;

/** x · 2^k, exactly whenever the result is a normal number (2^k alone may not be representable). */
function timesPowerOfTwo(x: number, k: number): number {
  while (k > 1000) {
    x *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    x *= 2 ** -1000;
    k += 1000;
  }
  return x * 2 ** k;
}

/** The whole k nearest log2(x), for positive finite x: x · 2^-k is within [0.7, 1.5]. */
function exponentOf(x: number): number {
  return Math.round(Math.log2(x));
}

/**
 * Evaluates the forecast into `out`. Warnings go to `warnings` when given (pass null in a
 * simulation, which has no use for them).
 *
 * Warnings mark the year a clamp or a collapse wiped a series out — once, since zero is absorbing
 * (a zero total, u or list stays zero) — and only while the parent is non-zero: when a parent falls
 * to zero its parts follow it, and every list below it would otherwise report the echo of a cause
 * already reported higher up.
 */
export function evaluateForecast(
  structure: ForecastStructure,
  parameters: ForecastParameters,
  out: ForecastBuffers,
  warnings: ForecastWarning[] | null,
): void {
  const { yearCount: Y, driverCount, driverWeights, listCount, listParent, listOffsets, listMembers } = structure;
  const { baseGrowth, driverImpact, share, growthDelta } = parameters;
  const { total, growth, values, shares, parentRatio, listSum } = out;
  const years = structure.layout.years;

  // Total: T(y0) = baseSize; T(t) = T(t − 1) · max(0, 1 + g(t)), g(t) = baseGrowth + Σ impact · w(t).
  // Carried as m · 2^e like u (below), so that a base size of 5e-324 grows with all its bits; while
  // e is 0 (every ordinary file) T is m, the plain product.
  let m = parameters.baseSize;
  let e = 0;
  if (m > 0 && m < M_LOW) {
    e = exponentOf(m);
    m = timesPowerOfTwo(m, -e);
  }
  total[0] = parameters.baseSize;
  growth[0] = 0;
  for (let t = 1; t < Y; t++) {
    let g = baseGrowth;
    for (let d = 0; d < driverCount; d++) g += (driverImpact[d] as number) * (driverWeights[d * Y + t] as number);
    growth[t] = g;
    let factor = 1 + g;
    if (factor < 0) {
      if (warnings !== null && m > 0) warnings.push({ kind: 'totalClamped', year: years[t] as number, growth: g });
      factor = 0;
    }
    m *= factor;
    if (!(m >= M_LOW && m <= M_HIGH) && m > 0 && m < Infinity) {
      const shift = exponentOf(m);
      m = timesPowerOfTwo(m, -shift);
      e += shift;
    }
    const next = e === 0 ? m : timesPowerOfTwo(m, e);
    total[t] = next;
    if (warnings !== null && !Number.isFinite(next) && Number.isFinite(total[t - 1] as number)) {
      warnings.push({ kind: 'totalOverflow', year: years[t] as number });
    }
  }

  for (let l = 0; l < listCount; l++) {
    const parent = listParent[l] as number;
    // The parent series P: the total, or a row of `values` already filled (lists come in order).
    const P = parent < 0 ? total : values;
    const p0 = parent < 0 ? 0 : parent * Y;
    const first = listOffsets[l] as number;
    const end = listOffsets[l + 1] as number;

    // Pass 0: r(t) = P(t) / P(t − 1); KEEP where P(t) = 0, P(t − 1) = 0 (r = ∞) or r ≥ 2^64.
    parentRatio[0] = 1;
    for (let t = 1; t < Y; t++) {
      const now = P[p0 + t] as number;
      const r = now === 0 ? KEEP : now / (P[p0 + t - 1] as number);
      parentRatio[t] = r >= HUGE_RATIO ? KEEP : r; // (a NaN parent, beyond the file limits, is KEEP too)
    }

    // Pass 1: u(y0) = σ; u(t) = u(t − 1) · max(0, r(t) + δ), into the member's shares row as m, with
    // its exponent e (u = m · 2^e), where not 0, in its values row until pass 2 overwrites it; Σu(t)
    // accumulates alongside, which is exact while no member has been rescaled (every e is 0).
    listSum.fill(0);
    let rescaled = false;
    for (let k = first; k < end; k++) {
      const s = listMembers[k] as number;
      const row = s * Y;
      const delta = growthDelta[s] as number;
      let m = share[s] as number;
      if (m > 0 && m < M_LOW) {
        // A subnormal or tiny σ: start from a normal m, so that its products keep every bit.
        rescaled = evaluateMemberCarefully(structure, out, P, p0, s, delta, 0, m, 0, warnings) || rescaled;
        continue;
      }
      out.withExponents[s] = 0;
      shares[row] = m;
      listSum[0] = (listSum[0] as number) + m;
      // The plain formula while it needs no care: a factor ≥ 2^-400 and m within [2^-500, 2^500]
      // (every year of an ordinary file); anything else goes on in evaluateMemberCarefully.
      for (let t = 1; t < Y; t++) {
        const factor = (parentRatio[t] as number) + delta;
        const next = m * factor;
        if (!(factor >= F_LOW && next >= M_LOW && next <= M_HIGH)) {
          rescaled = evaluateMemberCarefully(structure, out, P, p0, s, delta, t, m, 0, warnings) || rescaled;
          break;
        }
        m = next;
        shares[row + t] = m;
        listSum[t] = (listSum[t] as number) + m;
      }
    }

    if (rescaled) sumRescaledList(structure, out, first, end);

    if (warnings !== null) {
      for (let t = 0; t < Y; t++) {
        if (listSum[t] === 0 && (t === 0 || (listSum[t - 1] as number) > 0) && (P[p0 + t] as number) > 0) {
          warnings.push({ kind: 'listCollapsed', parentKey: structure.listKeys[l] as string, year: years[t] as number });
        }
      }
    }

    // Pass 2: share(t) = u(t) / Σu(t) (0 for a collapsed list), value(t) = P(t) · share(t).
    if (rescaled) {
      splitRescaledList(structure, out, P, p0, first, end);
      continue;
    }
    for (let k = first; k < end; k++) {
      const row = (listMembers[k] as number) * Y;
      for (let t = 0; t < Y; t++) {
        const sum = listSum[t] as number;
        const s = sum > 0 ? (shares[row + t] as number) / sum : 0;
        shares[row + t] = s;
        values[row + t] = (P[p0 + t] as number) * s;
      }
    }
  }
}

/**
 * Pass 1 for member `s` from year `from` on, given u(from − 1) = m · 2^e (or, for from = 0, u(y0) =
 * σ = m): clamps with their warning, KEEP years, tiny factors and rescaling of m. Writes m, e and
 * the plain Σu as the fast loop does; returns whether m was ever rescaled (then Σu is recomputed).
 */
function evaluateMemberCarefully(
  structure: ForecastStructure,
  out: ForecastBuffers,
  P: Float64Array,
  p0: number,
  s: number,
  delta: number,
  from: number,
  m: number,
  e: number,
  warnings: ForecastWarning[] | null,
): boolean {
  const { yearCount: Y, layout } = structure;
  const { shares, values, listSum, parentRatio } = out;
  const row = s * Y;
  let rescaled = false;
  let t = from;
  // Years before `from` went through the fast loop: their e is 0.
  out.withExponents[s] = 1;
  values.fill(0, row, row + from);
  if (t === 0) {
    if (m > 0 && m < M_LOW) {
      e = exponentOf(m);
      m = timesPowerOfTwo(m, -e);
      rescaled = true;
    }
    shares[row] = m;
    values[row] = e;
    listSum[0] = (listSum[0] as number) + m;
    t = 1;
  }
  for (; t < Y; t++) {
    let factor = (parentRatio[t] as number) + delta;
    if (!(factor >= F_LOW)) {
      if (Number.isNaN(factor)) {
        factor = 1; // KEEP
      } else if (factor < 0) {
        if (warnings !== null && m > 0 && (P[p0 + t] as number) > 0) {
          warnings.push({ kind: 'memberClamped', key: layout.series[s]?.key ?? '', year: layout.years[t] as number });
        }
        factor = 0;
      } else if (factor > 0) {
        // A tiny positive factor: apply it as (factor · 2^400) · 2^-400, both exact.
        factor = timesPowerOfTwo(factor, 400);
        e -= 400;
        rescaled = true;
      }
    }
    m *= factor;
    if (!(m >= M_LOW && m <= M_HIGH) && m > 0 && m < Infinity) {
      const shift = exponentOf(m);
      m = timesPowerOfTwo(m, -shift);
      e += shift;
      rescaled = true;
    }
    shares[row + t] = m;
    values[row + t] = e;
    listSum[t] = (listSum[t] as number) + m;
  }
  return rescaled;
}

/**
 * Σu(t) of a list with rescaled members: each u = m · 2^e is first brought to m in [0.7, 1.5], then
 * summed relative to 2^E(t), E(t) the largest e — exact scalings, so where the plain sum would not
 * overflow or underflow this is the same sum, to the last bit. m and e are rewritten normalised.
 */
function sumRescaledList(structure: ForecastStructure, out: ForecastBuffers, first: number, end: number): void {
  const { yearCount: Y, listMembers } = structure;
  const { shares, values, listSum, listExponent } = out;
  // Every member's e goes into its values row from here on (the fast loop left them implicit).
  for (let k = first; k < end; k++) {
    const s = listMembers[k] as number;
    if (out.withExponents[s] === 0) {
      values.fill(0, s * Y, (s + 1) * Y);
      out.withExponents[s] = 1;
    }
  }
  for (let t = 0; t < Y; t++) {
    let top = -Infinity;
    for (let k = first; k < end; k++) {
      const i = (listMembers[k] as number) * Y + t;
      const m = shares[i] as number;
      if (!(m > 0 && m < Infinity)) continue;
      const shift = exponentOf(m);
      shares[i] = timesPowerOfTwo(m, -shift);
      const e = (values[i] as number) + shift;
      values[i] = e;
      if (e > top) top = e;
    }
    let sum = 0;
    for (let k = first; k < end; k++) {
      const i = (listMembers[k] as number) * Y + t;
      const m = shares[i] as number;
      if (m > 0 && m < Infinity) sum += timesPowerOfTwo(m, (values[i] as number) - top);
      else sum += m; // 0, or a NaN or Infinity that must show
    }
    listSum[t] = sum;
    listExponent[t] = top;
  }
}

/** Pass 2 for a list with rescaled members: share = (m / Σ) · 2^(e − E), value = (P · m / Σ) · 2^(e − E). */
function splitRescaledList(structure: ForecastStructure, out: ForecastBuffers, P: Float64Array, p0: number, first: number, end: number): void {
  const { yearCount: Y, listMembers } = structure;
  const { shares, values, listSum, listExponent } = out;
  for (let k = first; k < end; k++) {
    const row = (listMembers[k] as number) * Y;
    for (let t = 0; t < Y; t++) {
      const sum = listSum[t] as number;
      const m = shares[row + t] as number;
      if (!(sum > 0) || m === 0) {
        // A collapsed list (or a member at 0) is 0; a NaN stays one, for the checks to find.
        const zero = Number.isNaN(sum) ? NaN : 0;
        shares[row + t] = zero;
        values[row + t] = zero;
        continue;
      }
      const shift = (values[row + t] as number) - (listExponent[t] as number);
      const ratio = m / sum;
      shares[row + t] = timesPowerOfTwo(ratio, shift);
      values[row + t] = timesPowerOfTwo((P[p0 + t] as number) * ratio, shift);
    }
  }
}
