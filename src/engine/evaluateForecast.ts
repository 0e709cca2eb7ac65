/**
 * The evaluate step of the forecast (DESIGN.md §3): fills preallocated typed arrays from a compiled
 * model's structure and parameters. Nothing is allocated here except a warning when a clamp or a
 * collapse actually happens, so a simulation can call it for every draw.
 *
 * Each list is evaluated in two passes over contiguous rows (series-major), not year by year
 * across members, so the inner loops walk memory in order:
 * 1. u(t) of each member, written into its `shares` row (u(t) needs only u(t − 1) and gP(t)), and
 *    added to Σu(t) as it goes — members in list order, as the formula's sum reads;
 * 2. share(t) = u(t) / Σu(t) in place, and value(t) = P(t) · share(t).
 * (Measured on the large model: fusing the sum into pass 1 saved ~8%; multiplying by 1/Σu instead
 * of dividing saved nothing, so the division stays and the result matches the formula bit for bit.)
 */
import type { ForecastParameters, ForecastStructure } from './compiledModel';
import type { ForecastWarning } from './forecastTypes';

/** The arrays one evaluation writes: outputs plus two per-year scratch rows. */
export interface ForecastBuffers {
  total: Float64Array;
  growth: Float64Array;
  /** value(t) of series s at `values[s * yearCount + t]`. */
  values: Float64Array;
  /** share(t) of series s within its list, same indexing as `values`. */
  shares: Float64Array;
  /** Scratch: gP(t) of the list being evaluated. */
  parentGrowth: Float64Array;
  /** Scratch: Σu(t) of the list being evaluated. */
  listSum: Float64Array;
}

export function createForecastBuffers(structure: ForecastStructure): ForecastBuffers {
  const { yearCount, seriesCount } = structure;
  return {
    total: new Float64Array(yearCount),
    growth: new Float64Array(yearCount),
    values: new Float64Array(seriesCount * yearCount),
    shares: new Float64Array(seriesCount * yearCount),
    parentGrowth: new Float64Array(yearCount),
    listSum: new Float64Array(yearCount),
  };
}

/**
 * Evaluates the forecast into `out`. Warnings go to `warnings` when given (pass null in a
 * simulation, which has no use for them).
 *
 * Warnings mark the year a clamp or a collapse wiped a series out — once, since zero is absorbing
 * (a zero total, u or list stays zero) — and only while the parent is non-zero: when a parent falls
 * to zero its growth is −100% and every list below it would otherwise report the echo of a cause
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
  const { total, growth, values, shares, parentGrowth, listSum } = out;
  const years = structure.layout.years;
  const series = structure.layout.series;

  // Total: T(y0) = baseSize; T(t) = T(t − 1) · max(0, 1 + g(t)), g(t) = baseGrowth + Σ impact · w(t).
  total[0] = parameters.baseSize;
  growth[0] = 0;
  for (let t = 1; t < Y; t++) {
    let g = baseGrowth;
    for (let d = 0; d < driverCount; d++) g += (driverImpact[d] as number) * (driverWeights[d * Y + t] as number);
    growth[t] = g;
    let factor = 1 + g;
    const previous = total[t - 1] as number;
    if (factor < 0) {
      if (warnings !== null && previous > 0) warnings.push({ kind: 'totalClamped', year: years[t] as number, growth: g });
      factor = 0;
    }
    total[t] = previous * factor;
  }

  for (let l = 0; l < listCount; l++) {
    const parent = listParent[l] as number;
    // The parent series P: the total, or a row of `values` already filled (lists come in order).
    const P = parent < 0 ? total : values;
    const p0 = parent < 0 ? 0 : parent * Y;
    const first = listOffsets[l] as number;
    const end = listOffsets[l + 1] as number;

    // gP(t) = P(t) / P(t − 1) − 1, and 0 where P(t − 1) = 0.
    parentGrowth[0] = 0;
    for (let t = 1; t < Y; t++) {
      const before = P[p0 + t - 1] as number;
      parentGrowth[t] = before === 0 ? 0 : (P[p0 + t] as number) / before - 1;
    }

    // Pass 1: u(y0) = σ; u(t) = u(t − 1) · max(0, 1 + gP(t) + δ), into the member's shares row;
    // Σu(t) accumulates alongside.
    listSum.fill(0);
    for (let k = first; k < end; k++) {
      const s = listMembers[k] as number;
      const row = s * Y;
      const delta = growthDelta[s] as number;
      let u = share[s] as number;
      shares[row] = u;
      listSum[0] = (listSum[0] as number) + u;
      for (let t = 1; t < Y; t++) {
        let factor = 1 + (parentGrowth[t] as number) + delta;
        if (factor < 0) {
          if (warnings !== null && u > 0 && (P[p0 + t] as number) > 0) {
            warnings.push({ kind: 'memberClamped', key: series[s]?.key ?? '', year: years[t] as number });
          }
          factor = 0;
        }
        u *= factor;
        shares[row + t] = u;
        listSum[t] = (listSum[t] as number) + u;
      }
    }

    if (warnings !== null) {
      for (let t = 0; t < Y; t++) {
        if (listSum[t] === 0 && (t === 0 || (listSum[t - 1] as number) > 0) && (P[p0 + t] as number) > 0) {
          warnings.push({ kind: 'listCollapsed', parentKey: structure.listKeys[l] as string, year: years[t] as number });
        }
      }
    }

    // Pass 2: share(t) = u(t) / Σu(t) (0 for a collapsed list), value(t) = P(t) · share(t).
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
