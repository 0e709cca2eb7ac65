/**
 * A reference forecast written straight from the formulas of DESIGN.md §3 with plain arrays and
 * objects: no compile step, no typed arrays, no flattening, recursion where the text recurses. It
 * is slow and obviously right, and the fast engine (src/engine) must agree with it on random models.
 *
 * Its numbers cannot overflow or underflow: every u, Σu, P and value is a `Wide` number, a double
 * mantissa with an exponent of its own (m · 2^e). Where a double would not have overflowed or
 * underflowed, each operation rounds exactly as the plain double operation does (rounding does not
 * depend on the exponent), so on ordinary models this is the plain formula bit for bit; on extreme
 * ones (a share of 5e-324 whose siblings collapse, a u that compounds past 1e308) it goes on being
 * the formula, with no trick of the engine's (renormalising, the 2^64 rule) copied in. Only the
 * results are turned into doubles.
 *
 * Two readings it shares with the engine, both from issue 9 (see src/engine/evaluateForecast.ts):
 * a list whose parent is 0 in year t or t − 1 keeps its shares of t − 1; a factor is r + δ with
 * r = P(t)/P(t − 1) (DESIGN.md's 1 + gP + δ, gP = r − 1, rounded once).
 * It follows the engine's warning policy too: a warning marks the year a clamp or collapse wiped a
 * series out, and only while the parent is non-zero; a total that no double can hold is named.
 */
import { driverEnabled, driverRampYears, driverStartYear, memberGrowthDelta } from '../../src/model/defaults';
import type { Member, Model } from '../../src/model/types';
import type { ForecastWarning } from '../../src/engine/forecastTypes';

export interface ReferenceSeries {
  key: string;
  values: number[];
  shares: number[];
}

export interface ReferenceForecast {
  years: number[];
  total: number[];
  growth: number[];
  /** Every member series, depth first. */
  series: ReferenceSeries[];
  warnings: ForecastWarning[];
  /** Each list's parent in every year, unrounded (`Wide.toNumber` would flush it to 0), by list key. */
  parents: Map<string, Wide[]>;
}

/** x · 2^k, in steps that keep 2^k representable. */
function scale(x: number, k: number): number {
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

/**
 * A number m · 2^e with any whole e and a double m within [2^-400, 2^400] in magnitude (or 0, or
 * not finite): m is brought back near 1 only when it leaves that range, so that products and sums
 * of two m never overflow or underflow, and every operation rounds as the double operation does.
 */
export class Wide {
  private constructor(
    readonly m: number,
    readonly e: number,
  ) {}

  static of(x: number, e = 0): Wide {
    const size = Math.abs(x);
    if ((size >= 2 ** -400 && size <= 2 ** 400) || x === 0 || !Number.isFinite(x)) return new Wide(x, x === 0 ? 0 : e);
    const k = Math.round(Math.log2(size));
    return new Wide(scale(x, -k), e + k);
  }

  static readonly ZERO = Wide.of(0);

  times(other: Wide): Wide {
    return Wide.of(this.m * other.m, this.e + other.e);
  }

  over(other: Wide): Wide {
    return Wide.of(this.m / other.m, this.e - other.e);
  }

  plus(other: Wide): Wide {
    if (this.m === 0) return other;
    if (other.m === 0) return this;
    return this.e >= other.e
      ? Wide.of(this.m + scale(other.m, other.e - this.e), this.e)
      : Wide.of(scale(this.m, this.e - other.e) + other.m, other.e);
  }

  isZero(): boolean {
    return this.m === 0;
  }

  isPositive(): boolean {
    return this.m > 0;
  }

  isNegative(): boolean {
    return this.m < 0;
  }

  /** The nearest double: 0 or a subnormal below 2^-1022, Infinity above the largest double. */
  toNumber(): number {
    return scale(this.m, this.e);
  }
}

export function referenceForecast(model: Model): ReferenceForecast {
  const years: number[] = [];
  for (let y = model.baseYear; y <= model.endYear; y++) years.push(y);
  const warnings: ForecastWarning[] = [];

  // w(t) = 0 for t < s, else min(1, (t − s + 1) / r)
  const weight = (year: number, s: number, r: number): number => (year < s ? 0 : Math.min(1, (year - s + 1) / r));

  // g(t) = baseGrowth + Σ over enabled drivers of impact · w(t); T(t) = T(t − 1) · max(0, 1 + g(t))
  const total = [Wide.of(model.baseSize.value)];
  const growth = [0];
  for (let i = 1; i < years.length; i++) {
    const year = years[i]!;
    let g = model.baseGrowth.value;
    for (const driver of model.drivers) {
      if (driverEnabled(driver)) {
        g += driver.impact.value * weight(year, driverStartYear(driver, model), driverRampYears(driver));
      }
    }
    growth.push(g);
    if (1 + g < 0 && total[i - 1]!.isPositive()) warnings.push({ kind: 'totalClamped', year, growth: g });
    total.push(total[i - 1]!.times(Wide.of(Math.max(0, 1 + g))));
    if (!Number.isFinite(total[i]!.toNumber()) && Number.isFinite(total[i - 1]!.toNumber())) warnings.push({ kind: 'totalOverflow', year });
  }

  const series: ReferenceSeries[] = [];
  const parents = new Map<string, Wide[]>();

  const split = (members: readonly Member[], parent: Wide[], listKey: string): void => {
    parents.set(listKey, parent);
    // u(y0) = σ; u(t) = u(t − 1) · max(0, r(t) + δ), r(t) = P(t) / P(t − 1);
    // u(t) = u(t − 1) where P(t) or P(t − 1) is 0 (with wide numbers, only a parent that stays 0).
    const us = members.map((member) => {
      const key = `${listKey}/${member.id}`;
      const delta = Wide.of(memberGrowthDelta(member));
      const u = [Wide.of(member.share.value)];
      for (let i = 1; i < years.length; i++) {
        if (parent[i]!.isZero() || parent[i - 1]!.isZero()) {
          u.push(u[i - 1]!);
          continue;
        }
        const factor = parent[i]!.over(parent[i - 1]!).plus(delta);
        if (factor.isNegative() && u[i - 1]!.isPositive()) warnings.push({ kind: 'memberClamped', key, year: years[i]! });
        u.push(factor.isNegative() ? Wide.ZERO : u[i - 1]!.times(factor));
      }
      return u;
    });

    const sums = years.map((_, i) => {
      let sum = Wide.ZERO;
      for (const u of us) sum = sum.plus(u[i]!);
      return sum;
    });
    sums.forEach((sum, i) => {
      if (sum.isZero() && (i === 0 || sums[i - 1]!.isPositive()) && parent[i]!.isPositive()) {
        warnings.push({ kind: 'listCollapsed', parentKey: listKey, year: years[i]! });
      }
    });

    members.forEach((member, m) => {
      // share(t) = u(t) / Σu (0 for a collapsed list); value(t) = P(t) · share(t)
      const shares = us[m]!.map((u, i) => (sums[i]!.isPositive() ? u.over(sums[i]!) : Wide.ZERO));
      const values = shares.map((share, i) => parent[i]!.times(share));
      const key = `${listKey}/${member.id}`;
      series.push({ key, values: values.map((v) => v.toNumber()), shares: shares.map((s) => s.toNumber()) });
      if (member.children !== undefined && member.children.length > 0) split(member.children, values, key);
    });
  };

  for (const dimension of model.dimensions) split(dimension.members, total, dimension.id);

  return { years, total: total.map((t) => t.toNumber()), growth, series, warnings, parents };
}
