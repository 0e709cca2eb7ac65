/**
 * A reference forecast written straight from the formulas of DESIGN.md §3 with plain arrays and
 * objects: no compile step, no typed arrays, no flattening, recursion where the text recurses. It
 * is slow and obviously right, and the fast engine (src/engine) must agree with it on random models.
 *
 * It follows the engine's warning policy too (see src/engine/evaluateForecast.ts): a warning marks
 * the year a clamp or collapse wiped a series out, and only while the parent is non-zero.
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
}

export function referenceForecast(model: Model): ReferenceForecast {
  const years: number[] = [];
  for (let y = model.baseYear; y <= model.endYear; y++) years.push(y);
  const warnings: ForecastWarning[] = [];

  // w(t) = 0 for t < s, else min(1, (t − s + 1) / r)
  const weight = (year: number, s: number, r: number): number => (year < s ? 0 : Math.min(1, (year - s + 1) / r));

  // g(t) = baseGrowth + Σ over enabled drivers of impact · w(t); T(t) = T(t − 1) · max(0, 1 + g(t))
  const total = [model.baseSize.value];
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
    if (1 + g < 0 && total[i - 1]! > 0) warnings.push({ kind: 'totalClamped', year, growth: g });
    total.push(total[i - 1]! * Math.max(0, 1 + g));
  }

  const series: ReferenceSeries[] = [];

  const split = (members: readonly Member[], parent: number[], listKey: string): void => {
    // gP(t) = P(t) / P(t − 1) − 1 (0 where P(t − 1) = 0)
    const gP = parent.map((p, i) => (i === 0 || parent[i - 1] === 0 ? 0 : p / parent[i - 1]! - 1));

    // u(y0) = σ; u(t) = u(t − 1) · max(0, 1 + gP(t) + δ)
    const us = members.map((member) => {
      const key = `${listKey}/${member.id}`;
      const delta = memberGrowthDelta(member);
      const u = [member.share.value];
      for (let i = 1; i < years.length; i++) {
        const factor = 1 + gP[i]! + delta;
        if (factor < 0 && u[i - 1]! > 0 && parent[i]! > 0) warnings.push({ kind: 'memberClamped', key, year: years[i]! });
        u.push(u[i - 1]! * Math.max(0, factor));
      }
      return u;
    });

    const sums = years.map((_, i) => {
      let sum = 0;
      for (const u of us) sum += u[i]!;
      return sum;
    });
    sums.forEach((sum, i) => {
      if (sum === 0 && (i === 0 || sums[i - 1]! > 0) && parent[i]! > 0) {
        warnings.push({ kind: 'listCollapsed', parentKey: listKey, year: years[i]! });
      }
    });

    members.forEach((member, m) => {
      // share(t) = u(t) / Σu (0 for a collapsed list); value(t) = P(t) · share(t)
      const shares = us[m]!.map((u, i) => (sums[i]! > 0 ? u / sums[i]! : 0));
      const values = shares.map((share, i) => parent[i]! * share);
      const key = `${listKey}/${member.id}`;
      series.push({ key, values, shares });
      if (member.children !== undefined && member.children.length > 0) split(member.children, values, key);
    });
  };

  for (const dimension of model.dimensions) split(dimension.members, total, dimension.id);

  return { years, total, growth, series, warnings };
}
