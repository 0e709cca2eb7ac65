/**
 * fast-check generators of VALID models and workspaces (DESIGN.md §3–4).
 *
 * Shared by the engine's property tests and the workspace file's save → load round trip, so every
 * value generated here must be one the file format accepts:
 * - ids are unique within the whole model (drivers, dimensions, members at any depth), contain no
 *   `/` (member keys are `dimension/member/child` paths) and scenario and claim ids are unique in a
 *   workspace;
 * - baseYear < endYear, at most 50 years in all (endYear − baseYear ≤ 49, so both readings of
 *   "at most 50 years" hold);
 * - the shares of every list are in [0, 1] and sum to 1 within 1e-12: integer weights are
 *   normalised and the last share is set to 1 − Σ others;
 * - every range has low ≤ value ≤ high (shares keep their range inside [0, 1]);
 * - optional fields (`range`, `source`, `note`, `children`, a driver's `startYear` / `rampYears` /
 *   `enabled`, a member's `growthDelta`, a scenario's `notes`, a claim's `member` / `tolerance`) are
 *   sometimes present and sometimes absent — absent, never present-but-undefined, so a JSON round
 *   trip gives back an equal object;
 * - no -0 anywhere (JSON writes it as 0, which would make a round trip look lossy).
 *
 * Rates are kept within ±0.6 per year by default (`rateLimit`): wide enough that growth sometimes
 * falls below −100%, narrow enough to be a plausible file.
 */
import fc from 'fast-check';
import type { Distribution, Quantity, Range } from '../../src/model/quantity';
import type {
  Claim,
  ClaimOp,
  Dimension,
  Driver,
  Member,
  Model,
  Scenario,
  SimulationSettings,
  Workspace,
} from '../../src/model/types';
import { WORKSPACE_FORMAT, WORKSPACE_VERSION } from '../../src/model/types';
import type { QuantityRef } from '../../src/model/quantityRef';
import { hasVisibleText, unsafeTextReason } from '../../src/model/names';

export interface ModelArbitraryOptions {
  /** Most years in the model (baseYear … endYear inclusive), 2–50. Default 50. */
  maxYears?: number;
  /** Most dimensions. Default 4. */
  maxDimensions?: number;
  /** Most members in one list. Default 6. */
  maxMembers?: number;
  /** Deepest nesting below a dimension's top-level members (0 = no children). Default 2. */
  maxDepth?: number;
  /** Most drivers. Default 6. */
  maxDrivers?: number;
  /**
   * Bound on every rate (baseGrowth, impacts, growth premiums): values in [−rateLimit, rateLimit].
   * Default 0.6. The engine's tests raise it to 1 so that clamps and collapsed lists are common.
   */
  rateLimit?: number;
  /**
   * Sometimes numbers at the edges of what a file allows (issue 9): shares of 0, 1e-300 or the
   * smallest double 5e-324 beside siblings that take the rest; growth premiums of −1 (a member
   * that collapses when its parent stops growing) or just above it; base sizes of 0, 5e-324,
   * 1e-300 or 10^15; base growth of −100% (the total collapses, or below −100% with a restraint)
   * or +1000%. Default false.
   */
  extremes?: boolean;
}

export interface WorkspaceArbitraryOptions extends ModelArbitraryOptions {
  /** Most scenarios, ≥ 1. Default 3. */
  maxScenarios?: number;
  /** Most claims. Default 6. */
  maxClaims?: number;
}

const DISTRIBUTION_VALUES: readonly Distribution[] = ['triangular', 'uniform', 'pert', 'normal'];
const CLAIM_OPS: readonly ClaimOp[] = ['approx', 'atLeast', 'atMost'];
const DEFAULT_RATE_LIMIT = 0.6;

/** JSON cannot tell -0 from 0; keep generated numbers round-trippable. */
function noNegativeZero(x: number): number {
  return x === 0 ? 0 : x;
}

/**
 * A finite double in [min, max] without -0. Mostly spread evenly over the interval (fc.double alone
 * favours tiny magnitudes and the bounds, so rates would nearly all be ≈ 0 and the interesting
 * arithmetic — clamps, collapses — would rarely happen), sometimes fc.double's edge cases.
 */
function finite(min: number, max: number): fc.Arbitrary<number> {
  const STEPS = 1_000_000;
  return fc
    .oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0, max: STEPS }).map((k) => Math.min(max, min + ((max - min) * k) / STEPS)) },
      { weight: 1, arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }) },
    )
    .map(noNegativeZero);
}

/** An object with `key` only when the generated value is defined (never `key: undefined`). */
function withOptional<T extends object, K extends string, V>(
  base: fc.Arbitrary<T>,
  key: K,
  value: fc.Arbitrary<V>,
): fc.Arbitrary<T & Partial<Record<K, V>>> {
  // freq 2: absent half the time, so both shapes are common.
  return fc.tuple(base, fc.option(value, { nil: undefined, freq: 2 })).map(([object, v]) =>
    v === undefined ? object : { ...object, [key]: v },
  );
}

/** Short, human-looking, non-blank text (names, sources, notes). Sometimes non-ASCII. */
const text: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 24 }),
    fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }),
  )
  // The model's own rule for a name (src/model/names.ts), not a copy of it: "⠀" (U+2800, a blank
  // Braille cell) passed a trim() and was then, rightly, refused by the file's schema.
  .filter((s) => hasVisibleText(s) && unsafeTextReason(s) === undefined);

/** A slug for an id: lower-case letters, digits and dashes, never `/`. Uniqueness is added later. */
const slug: fc.Arbitrary<string> = fc.stringMatching(/^[a-z][a-z0-9-]{0,7}$/);

/**
 * A quantity whose value is drawn from [min, max]; its range, when present, widens the value by a
 * non-negative amount on each side and is clipped to [min, max] (so shares stay in [0, 1]).
 */
export function arbitraryQuantity(min: number, max: number): fc.Arbitrary<Quantity> {
  return arbitraryQuantityAround(finite(min, max), min, max);
}

function arbitraryQuantityAround(value: fc.Arbitrary<number>, min: number, max: number): fc.Arbitrary<Quantity> {
  const span = max - min;
  const range = (v: number): fc.Arbitrary<Range> =>
    fc
      .record({
        below: finite(0, span / 4),
        above: finite(0, span / 4),
        dist: fc.constantFrom(...DISTRIBUTION_VALUES),
      })
      // v − below ≤ v ≤ v + above holds exactly in floating point for below, above ≥ 0.
      .map(({ below, above, dist }) => ({
        low: noNegativeZero(Math.max(min, v - below)),
        high: noNegativeZero(Math.min(max, v + above)),
        dist,
      }));
  return value.chain((v) => {
    let q: fc.Arbitrary<Quantity> = fc.constant({ value: v });
    q = withOptional(q, 'range', range(v));
    q = withOptional(q, 'source', text);
    q = withOptional(q, 'note', text);
    return q;
  });
}

/**
 * Shares of a list of `n` members: integer weights (zeros allowed, not all zero) normalised, the
 * last share set to 1 − Σ others so the list sums to 1 within 1e-12.
 */
export function arbitraryShares(n: number): fc.Arbitrary<number[]> {
  return fc
    .array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1000 })), { minLength: n, maxLength: n })
    .filter((weights) => weights.some((w) => w > 0))
    .map((weights) => {
      const sum = weights.reduce((a, b) => a + b, 0);
      const shares = weights.map((w) => w / sum);
      let others = 0;
      for (let i = 0; i < n - 1; i++) others += shares[i] ?? 0;
      // Rounding can leave `others` a hair above 1 when the last weight is 0: clamp at 0.
      shares[n - 1] = noNegativeZero(Math.max(0, 1 - others));
      return shares;
    });
}

/** Shares at the edge of [0, 1]: the smallest double, a subnormal, tiny, and zero. */
const EDGE_SHARES = [5e-324, 1e-320, 1e-300, 1e-200, 1e-20, 0] as const;

/**
 * Shares of a list of `n` members (arbitraryShares), where any member but the last may be given a
 * share from EDGE_SHARES; the last takes 1 − Σ others, so the list still sums to 1.
 */
function arbitraryEdgeShares(n: number): fc.Arbitrary<number[]> {
  const edge = fc.option(fc.constantFrom(...EDGE_SHARES), { nil: undefined, freq: 2 });
  return fc.tuple(arbitraryShares(n), fc.array(edge, { minLength: n, maxLength: n })).map(([shares, edges]) => {
    const out = shares.map((share, i) => (i < n - 1 ? (edges[i] ?? share) : share));
    let others = 0;
    for (let i = 0; i < n - 1; i++) others += out[i] ?? 0;
    out[n - 1] = noNegativeZero(Math.max(0, 1 - others));
    return out;
  });
}

/** A growth premium: any rate, or (with extremes) −1 or just above it, often. */
function arbitraryGrowthDelta(rateLimit: number, extremes: boolean): fc.Arbitrary<Quantity> {
  if (!extremes) return arbitraryQuantity(-rateLimit, rateLimit);
  return fc.oneof(
    arbitraryQuantity(-rateLimit, rateLimit),
    fc.constant({ value: -1 }),
    arbitraryQuantity(-1, -0.9),
  );
}

/** The shape of a member tree before ids are assigned. */
interface MemberDraft {
  name: string;
  share: Quantity;
  growthDelta?: Quantity;
  children?: MemberDraft[];
}

function arbitraryMemberList(maxMembers: number, depthLeft: number, rateLimit: number, extremes: boolean): fc.Arbitrary<MemberDraft[]> {
  return fc.integer({ min: 1, max: maxMembers }).chain((n) =>
    fc
      .tuple(
        extremes ? arbitraryEdgeShares(n) : arbitraryShares(n),
        fc.array(
          fc.record({
            name: text,
            growthDelta: fc.option(arbitraryGrowthDelta(rateLimit, extremes), { nil: undefined, freq: 2 }),
            children:
              depthLeft > 0
                ? // One member in four has children: nesting multiplies the size of a model.
                  fc.oneof(
                    { weight: 3, arbitrary: fc.constant(undefined) },
                    { weight: 1, arbitrary: arbitraryMemberList(maxMembers, depthLeft - 1, rateLimit, extremes) },
                  )
                : fc.constant(undefined),
          }),
          { minLength: n, maxLength: n },
        ),
        fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      )
      .chain(([shares, members]) =>
        fc.tuple(...shares.map((s) => shareQuantity(s))).map((shareQuantities) =>
          members.map((m, i) => {
            const draft: MemberDraft = { name: m.name, share: shareQuantities[i] ?? { value: 0 } };
            if (m.growthDelta !== undefined) draft.growthDelta = m.growthDelta;
            if (m.children !== undefined) draft.children = m.children;
            return draft;
          }),
        ),
      ),
  );
}

/** A share quantity with the given value (its range, when present, stays within [0, 1]). */
function shareQuantity(value: number): fc.Arbitrary<Quantity> {
  return arbitraryQuantityAround(fc.constant(value), 0, 1);
}

/** Gives every node a unique id: `<slug>-<counter>`, the counter shared by the whole model. */
class IdSource {
  private next = 0;
  constructor(private readonly slugs: readonly string[]) {}
  id(): string {
    const n = this.next++;
    return `${this.slugs[n % this.slugs.length] ?? 'id'}-${n}`;
  }
}

function toMembers(drafts: readonly MemberDraft[], ids: IdSource): Member[] {
  return drafts.map((d) => {
    const m: Member = { id: ids.id(), name: d.name, share: d.share };
    if (d.growthDelta !== undefined) m.growthDelta = d.growthDelta;
    if (d.children !== undefined) m.children = toMembers(d.children, ids);
    return m;
  });
}

interface DriverDraft {
  name: string;
  impact: Quantity;
  startOffset?: number;
  rampYears?: number;
  enabled?: boolean;
}

function arbitraryDriverDraft(rateLimit: number): fc.Arbitrary<DriverDraft> {
  let d: fc.Arbitrary<DriverDraft> = fc.record({ name: text, impact: arbitraryQuantity(-rateLimit, rateLimit) });
  // An offset in [0, 1): scaled onto baseYear+1 … endYear once the years are known.
  d = withOptional(d, 'startOffset', fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }));
  d = withOptional(d, 'rampYears', fc.integer({ min: 1, max: 10 }));
  d = withOptional(d, 'enabled', fc.boolean());
  return d;
}

/** A valid model (DESIGN.md §3): see the file comment for what "valid" covers. */
export function arbitraryModel(options: ModelArbitraryOptions = {}): fc.Arbitrary<Model> {
  const maxYears = Math.min(50, Math.max(2, options.maxYears ?? 50));
  const maxDimensions = options.maxDimensions ?? 4;
  const maxMembers = options.maxMembers ?? 6;
  const maxDepth = options.maxDepth ?? 2;
  const maxDrivers = options.maxDrivers ?? 6;
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const extremes = options.extremes ?? false;
  const baseSize = arbitraryQuantity(0.001, 10_000).map(positiveLowBound);
  const baseGrowth = arbitraryQuantity(-rateLimit, rateLimit);

  return fc
    .record({
      unit: fc.constantFrom('USD bn', 'USD m', 'EUR bn', 'units'),
      baseYear: fc.integer({ min: 1990, max: 2100 }),
      span: fc.integer({ min: 1, max: maxYears - 1 }),
      baseSize: extremes
        ? fc.oneof(baseSize, fc.constantFrom(0, 5e-324, 1e-300, 1e15).map((value): Quantity => ({ value })))
        : baseSize,
      baseGrowth: extremes ? fc.oneof(baseGrowth, fc.constantFrom(-1, 10).map((value): Quantity => ({ value }))) : baseGrowth,
      drivers: fc.array(arbitraryDriverDraft(rateLimit), { maxLength: maxDrivers }),
      dimensions: fc.array(fc.record({ name: text, members: arbitraryMemberList(maxMembers, maxDepth, rateLimit, extremes) }), {
        maxLength: maxDimensions,
      }),
      simulation: fc.record<SimulationSettings>({
        samples: fc.integer({ min: 1, max: 100_000 }),
        seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      }),
      slugs: fc.array(slug, { minLength: 1, maxLength: 8 }),
    })
    .map(({ unit, baseYear, span, baseSize, baseGrowth, drivers, dimensions, simulation, slugs }) => {
      const ids = new IdSource(slugs);
      const endYear = baseYear + span;
      return {
        unit,
        baseYear,
        endYear,
        baseSize,
        baseGrowth,
        drivers: drivers.map((d): Driver => {
          const driver: Driver = { id: ids.id(), name: d.name, impact: d.impact };
          if (d.startOffset !== undefined) driver.startYear = baseYear + 1 + Math.floor(d.startOffset * span);
          if (d.rampYears !== undefined) driver.rampYears = d.rampYears;
          if (d.enabled !== undefined) driver.enabled = d.enabled;
          return driver;
        }),
        dimensions: dimensions.map(
          (dim): Dimension => ({ id: ids.id(), name: dim.name, members: toMembers(dim.members, ids) }),
        ),
        simulation,
      };
    });
}

/** The base size's range must not reach 0 or below: a market of size ≤ 0 is not a market. */
function positiveLowBound(q: Quantity): Quantity {
  if (q.range === undefined || q.range.low > 0) return q;
  return { ...q, range: { ...q.range, low: Math.min(q.value, 0.001) } };
}

/** Every member path `dimensionId/memberId[/childId…]` of a model, depth first. */
export function memberPaths(model: Model): string[] {
  const paths: string[] = [];
  const walk = (prefix: string, members: readonly Member[]): void => {
    for (const m of members) {
      const key = `${prefix}/${m.id}`;
      paths.push(key);
      if (m.children) walk(key, m.children);
    }
  };
  for (const d of model.dimensions) walk(d.id, d.members);
  return paths;
}

/**
 * A claim about a model: usually about its own years and members, sometimes about a year outside
 * them or a member it lacks (a valid claim that a scenario cannot check).
 */
export function arbitraryClaim(model: Model, id: string): fc.Arbitrary<Claim> {
  const paths = memberPaths(model);
  const year = fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: model.baseYear, max: model.endYear }) },
    { weight: 1, arbitrary: fc.integer({ min: model.baseYear - 10, max: model.endYear + 10 }) },
  );
  // Ids in this model are `<slug>-<n>`; a path of two bare slugs is one the model cannot have.
  const unknownPath = fc.tuple(slug, slug).map(([a, b]) => `${a}/${b}`);
  const member =
    paths.length > 0
      ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...paths) }, { weight: 1, arbitrary: unknownPath })
      : unknownPath;
  const common = fc.record({
    label: text,
    op: fc.constantFrom(...CLAIM_OPS),
    source: text,
  });
  const size = fc
    .record({ common, year, value: finite(0, 10_000), member: fc.option(member, { nil: undefined }) })
    .chain(({ common: c, year: y, value, member: m }) =>
      withOptional(
        fc.constant({ id, ...c, metric: 'size' as const, year: y, value, ...(m === undefined ? {} : { member: m }) }),
        'tolerance',
        finite(0, 100),
      ),
    );
  const share = fc
    .record({ common, year, value: finite(0, 1), member })
    .chain(({ common: c, year: y, value, member: m }) =>
      withOptional(fc.constant({ id, ...c, metric: 'share' as const, year: y, value, member: m }), 'tolerance', finite(0, 0.1)),
    );
  const cagr = fc
    .record({ common, from: year, length: fc.integer({ min: 1, max: 20 }), value: finite(-0.5, 0.5), member: fc.option(member, { nil: undefined }) })
    .chain(({ common: c, from, length, value, member: m }) =>
      withOptional(
        fc.constant({
          id,
          ...c,
          metric: 'cagr' as const,
          fromYear: from,
          toYear: from + length,
          value,
          ...(m === undefined ? {} : { member: m }),
        }),
        'tolerance',
        finite(0, 0.1),
      ),
    );
  return fc.oneof(size, share, cagr);
}

/** A valid workspace (DESIGN.md §4): 1+ scenarios with unique ids, claims with unique ids. */
export function arbitraryWorkspace(options: WorkspaceArbitraryOptions = {}): fc.Arbitrary<Workspace> {
  const maxScenarios = Math.max(1, options.maxScenarios ?? 3);
  const maxClaims = options.maxClaims ?? 6;
  const scenario = fc.record({ name: text, model: arbitraryModel(options) });
  return fc
    .record({
      title: text,
      scenarios: fc.array(withOptional(scenario, 'notes', fc.oneof(fc.constant(''), text)), {
        minLength: 1,
        maxLength: maxScenarios,
      }),
      scenarioSlugs: fc.array(slug, { minLength: 1, maxLength: 4 }),
      claimCount: fc.integer({ min: 0, max: maxClaims }),
      activePick: fc.nat(),
    })
    .chain(({ title, scenarios, scenarioSlugs, claimCount, activePick }) => {
      const ids = new IdSource(scenarioSlugs);
      const withIds: Scenario[] = scenarios.map((s) => ({ id: ids.id(), ...s }));
      const first = withIds[0];
      if (first === undefined) throw new Error('unreachable: at least one scenario');
      const claims = Array.from({ length: claimCount }, (_, i) => arbitraryClaim(first.model, `claim-${i}`));
      // Pins (format version 2) address quantities of the first scenario; sometimes there are none.
      const pinnable = pinnableRefs(first.model);
      const presentation = fc.option(fc.record({ pins: fc.subarray(pinnable, { maxLength: Math.min(8, pinnable.length) }) }), { nil: undefined });
      return fc.tuple(fc.tuple(...claims), presentation).map(
        ([cs, pins]): Workspace => ({
          format: WORKSPACE_FORMAT,
          version: WORKSPACE_VERSION,
          title,
          activeScenario: withIds[activePick % withIds.length]?.id ?? first.id,
          claims: cs,
          scenarios: withIds,
          ...(pins ? { presentation: pins } : {}),
        }),
      );
    });
}

/** Every quantity a presenter could pin in `model`. */
function pinnableRefs(model: Model): QuantityRef[] {
  const refs: QuantityRef[] = [{ kind: 'baseSize' }, { kind: 'baseGrowth' }];
  for (const driver of model.drivers) refs.push({ kind: 'driverImpact', driverId: driver.id });
  const visit = (members: readonly Member[], path: string[]) => {
    for (const member of members) {
      const memberPath = [...path, member.id];
      refs.push({ kind: 'memberShare', path: memberPath }, { kind: 'memberGrowthDelta', path: memberPath });
      if (member.children) visit(member.children, memberPath);
    }
  };
  for (const dimension of model.dimensions) visit(dimension.members, [dimension.id]);
  return refs;
}
