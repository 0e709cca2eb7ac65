/**
 * The ranges of the seed workspace (src/model/seedWorkspace.ts): how uncertain each of its numbers
 * is, and why. Every quantity of the seed gets its range here, from one of a few rules, and the
 * rule's words are added to the quantity's note — so the range and the reason given for it are
 * made in one place and can never disagree.
 *
 * The reason joins the note's reasoning as a last sentence, `Range: …` — before any statement with
 * no check (src/model/uncheckedStatements.ts), so the Source/Assumed badge and the print summary
 * show it with the rest of the reasoning. It names the rule ("±20% of the share"), not the numbers
 * (the slider shows those): numbers judged alike keep one shared note, which the print summary
 * numbers once.
 */
import type { Distribution, Quantity, Range } from './quantity';
import { quantityBounds, quantityKind, type QuantityRef } from './quantityRef';

/** How far a range reaches from the value. */
export type Spread =
  /** value × (1 − fraction) … value × (1 + fraction), e.g. ±20% of a share. */
  | { kind: 'relative'; fraction: number }
  /** value − points … value + points, for rates: 0.01 is one percentage point. */
  | { kind: 'points'; points: number }
  /** A floor: value … value × (1 + fraction). The source says "over" the value. */
  | { kind: 'floorRelative'; fraction: number }
  /** A floor for a rate: value … value + points. */
  | { kind: 'floorPoints'; points: number };

export interface RangeRule {
  spread: Spread;
  /** Why the range is as wide as it is: one clause, no full stop. */
  why: string;
  /** Shares are fractions of a whole: their range is kept inside [0, 1]. */
  share?: boolean;
  dist?: Distribution;
}

const percent = (fraction: number): string => `${Number((fraction * 100).toPrecision(6))}%`;
const points = (rate: number): string => {
  const n = Number((rate * 100).toPrecision(6));
  return `${n} ${n === 1 ? 'point' : 'points'} a year`;
};

/** The spread in words: "±50% of the value", "±1 point a year", "from the value up to 10% more". */
function spreadWords(spread: Spread): string {
  switch (spread.kind) {
    case 'relative':
      return `±${percent(spread.fraction)} of the value`;
    case 'points':
      return `±${points(spread.points)}`;
    case 'floorRelative':
      return `from the value up to ${percent(spread.fraction)} more`;
    case 'floorPoints':
      return `from the value up to ${points(spread.points)} more`;
  }
}

/** The sentence a rule adds to a note. */
export function rangeReason(rule: RangeRule): string {
  return `Range: ${spreadWords(rule.spread)}, ${rule.dist ?? 'triangular'} — ${rule.why}.`;
}

/** Six significant digits: 0.28, not 0.27999999999999997, in the file and the link. */
const tidy = (x: number): number => Number(x.toPrecision(6));

/** The range a rule gives a value: low ≤ value ≤ high, inside [0, 1] for a share. */
export function rangeOf(value: number, rule: RangeRule): Range {
  const { spread } = rule;
  let a: number;
  let b: number;
  switch (spread.kind) {
    case 'relative':
      a = value * (1 - spread.fraction);
      b = value * (1 + spread.fraction);
      break;
    case 'points':
      a = value - spread.points;
      b = value + spread.points;
      break;
    case 'floorRelative':
      a = value;
      b = value * (1 + spread.fraction);
      break;
    case 'floorPoints':
      a = value;
      b = value + spread.points;
      break;
  }
  // A negative value (a restraint) scaled by (1 ± f) comes out high before low.
  let low = Math.min(tidy(Math.min(a, b)), value);
  let high = Math.max(tidy(Math.max(a, b)), value);
  if (rule.share === true) {
    low = Math.max(0, low);
    high = Math.min(1, high);
  }
  return { low, high, dist: rule.dist ?? 'triangular' };
}

/** `note` with the reason for a range as its last sentence. */
export function noteWithRangeReason(note: string | undefined, rule: RangeRule): string {
  return [note?.trim() ?? '', rangeReason(rule)].filter((part) => part !== '').join(' ');
}

/** A quantity with the range `rule` gives its value, and the rule's reason added to its note. */
export function ranged(quantity: Omit<Quantity, 'range'>, rule: RangeRule): Quantity {
  const out: Quantity = { value: quantity.value, range: rangeOf(quantity.value, rule) };
  if (quantity.source !== undefined) out.source = quantity.source;
  out.note = noteWithRangeReason(quantity.note, rule);
  return out;
}

/** The seed's rules, one per kind of number. */
export const SEED_RANGES = {
  /** The report names each driver but gives no weight. */
  driverImpact: {
    spread: { kind: 'relative', fraction: 0.5 },
    why: 'the report gives no weight, so only the rough size of the effect is known',
  },
  /** A share the report does not give. */
  assumedShare: {
    spread: { kind: 'relative', fraction: 0.2 },
    why: 'a judgement, not a figure from the report',
    share: true,
  },
  /** A share the report gives as a round figure ("approximately 40%", "30%"), or derived from two. */
  reportedShare: {
    spread: { kind: 'relative', fraction: 0.05 },
    why: 'the report gives a round figure ("approximately", "around" or plain) and no range, read as good to about a twentieth',
    share: true,
  },
  /** A growth premium the report does not give. */
  growthPremium: {
    spread: { kind: 'points', points: 0.01 },
    why: 'the report gives no growth premium, and a point a year either way changes a segment’s path visibly without overturning it',
  },
  /** The consensus scenario's residual trend: what the drivers do not carry of the 5.2%. */
  residualTrend: {
    spread: { kind: 'points', points: 0.01 },
    why: 'the report’s 5.2% is its point estimate and comes with no range; its uncertainty is carried here and by the drivers’ ranges',
  },
  /** The consensus base, derived from "over $20 billion by 2028" at 5.2% a year. */
  consensusBase: {
    spread: { kind: 'floorRelative', fraction: 0.1 },
    why:
      '"over $20 billion" is a floor, not a range: the base it implies at 5.2% a year is the lowest the report allows, and about ' +
      '$22 B in 2028 the most "over" suggests. The 5.2% is read as the report’s point estimate: its uncertainty is in the ' +
      'trend’s and the drivers’ ranges',
  },
  /** The narrow definition's base, derived from "approximately $6 billion by 2028". */
  narrowBase: {
    spread: { kind: 'relative', fraction: 0.05 },
    why: '"approximately $6 billion" is a round figure with no range, read as good to about a twentieth; the "over 30%" it is derived with is a floor, kept in the trend’s range',
  },
  /** The narrow definition's trend, from "a CAGR of over 30%". */
  narrowTrend: {
    spread: { kind: 'floorPoints', points: 0.05 },
    why: '"over 30%" is a floor, not a range: trend and drivers give 30.2% a year, and up to 35% is read as the most "over 30%" suggests',
  },
} as const satisfies Record<string, RangeRule>;

/**
 * The seed's rule for each kind of number, the range "Add range" gives a quantity that has none:
 * a driver's impact ±50%, a share ±20% of itself, a growth premium or the trend ±1 point a year,
 * the market's size ±5% (the seed's rule for a round figure).
 */
export const DEFAULT_RANGE_RULES: Readonly<Record<QuantityRef['kind'], RangeRule>> = {
  baseSize: SEED_RANGES.narrowBase,
  baseGrowth: SEED_RANGES.residualTrend,
  driverImpact: SEED_RANGES.driverImpact,
  memberShare: SEED_RANGES.assumedShare,
  memberGrowthDelta: SEED_RANGES.growthPremium,
};

/**
 * The range a quantity of `ref`'s kind gets when a user adds one to its `value`, within the
 * bounds of its kind (a trend of −99.5% gets no low end below −100%).
 */
export function defaultRange(ref: QuantityRef, value: number): Range {
  const { low, high, dist } = rangeOf(value, DEFAULT_RANGE_RULES[ref.kind]);
  const { min, max } = quantityBounds(quantityKind(ref));
  return { low: Math.max(min, low), high: Math.min(max, high), dist };
}
