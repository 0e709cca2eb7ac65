/**
 * The workspace file format, version 1 (DESIGN.md §4), as zod schemas: every rule a file must
 * meet before its numbers reach the model.
 *
 * - Every object is strict: a field the format does not know is refused with its path, so a
 *   misspelt `baseSzie` can never fall back silently to a default and change the numbers.
 * - No schema has a default or a transform: what the file holds is what the model holds, and an
 *   optional field that is absent stays absent (so save → load is exact).
 * - Messages that depend on the rule are written here, in plain words; generic ones (a text where
 *   a number belongs, a missing field) come from `workspaceValidation.ts`.
 *
 * The schemas' output types are checked at compile time against `types.ts` (at the end of this
 * file), so the schema and the domain types cannot drift apart.
 */
import { z } from 'zod';
import { DISTRIBUTIONS } from './quantity';
import type { Quantity, Range } from './quantity';
import {
  WORKSPACE_FORMAT,
  WORKSPACE_VERSION,
  type Claim,
  type Dimension,
  type Driver,
  type Member,
  type Model,
  type Scenario,
  type SimulationSettings,
  type Workspace,
  type Presentation,
} from './types';
import { WORKSPACE_LIMITS as LIMITS } from './workspaceLimits';

// zod can compile object parsers with `new Function`; the app's Content-Security-Policy forbids
// eval, and even zod's probe for it is reported as a violation. A workspace validates in
// milliseconds without the compiler.
z.config({ jitless: true });
import { UNSAFE_KEYS } from './safeJson';

/** How far the shares of one list may stray from 1 (rounding in a file written by hand or by a spreadsheet). */
export const SHARE_SUM_TOLERANCE = 1e-6;

// ——— Numbers ————————————————————————————————————————————————————————————————————————————————————

/** Writes a number for a message: 4294967295 as 4,294,967,295 and 0.9500000000000001 as 0.95; years stay 2025. */
export function formatNumberForMessage(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) >= 100_000) return n.toLocaleString('en-US');
  return String(Number(n.toPrecision(10)));
}

interface Bounds {
  min: number;
  max: number;
  /** Words after "must be …"; default "between min and max". */
  says?: string;
  /** Words after "must be …" for a number above `max`, when `says` only speaks of the minimum. */
  saysAbove?: string;
  /** Whole numbers only (years, counts). */
  integer?: boolean;
}

/**
 * A finite number within bounds. `z.number()` already refuses NaN and ±Infinity (what `1e999`
 * parses to); the bounds carry their own messages so they can name the limits and the value found.
 */
function boundedNumber({ min, max, says, saysAbove, integer = false }: Bounds) {
  const rule = says ?? `between ${formatNumberForMessage(min)} and ${formatNumberForMessage(max)}`;
  const mustBe = (words: string) => (issue: { input: unknown }) =>
    typeof issue.input === 'number' ? `must be ${words}, not ${formatNumberForMessage(issue.input)}` : undefined;
  // A fraction where a whole number belongs is told the same rule (undefined leaves a text or a
  // missing value to the generic messages of workspaceValidation.ts).
  const base = integer ? z.int({ error: mustBe(rule) }) : z.number();
  return base.min(min, { error: mustBe(rule) }).max(max, { error: mustBe(saysAbove ?? rule) });
}

const shareBounds: Bounds = { min: 0, max: 1 };
const rateBounds: Bounds = {
  min: LIMITS.lowestRate,
  max: LIMITS.highestRate,
  says: `a yearly rate between ${LIMITS.lowestRate} and ${LIMITS.highestRate} (a fraction: 0.05 is 5%)`,
};
const sizeBounds: Bounds = {
  min: 0,
  max: LIMITS.largestSize,
  says: 'a size of 0 or more',
  saysAbove: `at most ${formatNumberForMessage(LIMITS.largestSize)}`,
};

const yearSchema = boundedNumber({
  min: LIMITS.earliestYear,
  max: LIMITS.latestYear,
  says: `a whole year between ${LIMITS.earliestYear} and ${LIMITS.latestYear}`,
  integer: true,
});

// ——— Text ———————————————————————————————————————————————————————————————————————————————————————

function text(maxLength: number, { required = false } = {}) {
  const schema = z.string().max(maxLength, {
    error: (issue) =>
      `is too long: ${String(issue.input).length.toLocaleString('en-US')} characters, at most ${maxLength.toLocaleString('en-US')}`,
  });
  return required ? schema.min(1, { error: 'must not be empty' }) : schema;
}

const shortText = text(LIMITS.shortText);
const longText = text(LIMITS.longText);
const nameSchema = text(LIMITS.shortText, { required: true });

/**
 * An id: short, not empty, and never a name that reaches an object's prototype — code that keeps
 * things by id in a plain object (`byId[activeScenario]`) must not find `constructor` there.
 */
const idSchema = text(LIMITS.shortText, { required: true }).refine((id) => !UNSAFE_KEYS.has(id), {
  error: (issue) => `"${String(issue.input)}" is reserved; choose another id`,
});

/** Dimension and member ids also form member paths (`region/na/us`), so they may not contain "/". */
const pathPartIdSchema = idSchema.refine((id) => !id.includes('/'), {
  error: 'must not contain "/" (it separates the parts of a member path such as region/na)',
});

const MEMBER_PATH = /^[^/]+(\/[^/]+)+$/;
const memberPathSchema = text(LIMITS.memberPath, { required: true }).regex(MEMBER_PATH, {
  error: 'must be a member path such as region/na: the dimension id, then member ids, joined by "/"',
});

// ——— Lists ——————————————————————————————————————————————————————————————————————————————————————

/**
 * A list of at most `max` items; `what` names them in messages ("scenarios", "members").
 * Item ids must be unique within the list: the first repeat is reported at its own `id`.
 */
function listOf<T extends z.ZodType<{ id: string }>>(item: T, what: string, { max }: { max: number }) {
  const schema = z.array(item).max(max, {
    error: (issue) =>
      `has ${(issue.input as unknown[]).length.toLocaleString('en-US')} ${what}, at most ${max.toLocaleString('en-US')} allowed`,
  });
  return schema.superRefine((list, ctx) => {
    const firstIndexOf = new Map<string, number>();
    list.forEach(({ id }, index) => {
      const first = firstIndexOf.get(id);
      if (first === undefined) firstIndexOf.set(id, index);
      else
        ctx.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `"${id}" is already the id of item [${first}] of this list; ids must be unique within a list`,
          input: id,
        });
    });
  });
}

// ——— Quantities —————————————————————————————————————————————————————————————————————————————————

function rangeSchema(bounds: Bounds) {
  return z
    .strictObject({
      low: boundedNumber(bounds),
      high: boundedNumber(bounds),
      dist: z.enum(DISTRIBUTIONS),
    })
    .superRefine((range, ctx) => {
      if (range.low > range.high) {
        ctx.addIssue({
          code: 'custom',
          message: `low (${formatNumberForMessage(range.low)}) must not be above high (${formatNumberForMessage(range.high)})`,
          input: range,
        });
      }
    });
}

/** A number the user can assume (DESIGN.md §3), within bounds for its value and its range. */
function quantitySchema(bounds: Bounds) {
  return z
    .strictObject({
      value: boundedNumber(bounds),
      range: rangeSchema(bounds).optional(),
      source: longText.optional(),
      note: longText.optional(),
    })
    .superRefine((quantity, ctx) => {
      const { value, range } = quantity;
      // An inverted range is reported on the range itself; saying the value is outside it too would be noise.
      if (range && range.low <= range.high && (value < range.low || value > range.high)) {
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message:
            `${formatNumberForMessage(value)} lies outside its range ` +
            `(low ${formatNumberForMessage(range.low)}, high ${formatNumberForMessage(range.high)})`,
          input: value,
        });
      }
    });
}

export const shareQuantitySchema = quantitySchema(shareBounds);
export const rateQuantitySchema = quantitySchema(rateBounds);
export const sizeQuantitySchema = quantitySchema(sizeBounds);

// ——— Members and dimensions —————————————————————————————————————————————————————————————————————

/** The shares of one list of members must add up to 1: they split their parent whole. */
function checkSharesSumToOne<T extends { share: { value: number } }>(members: T[], ctx: z.RefinementCtx<T[]>) {
  if (members.length === 0) return;
  const sum = members.reduce((total, member) => total + member.share.value, 0);
  if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) {
    ctx.addIssue({
      code: 'custom',
      message: `shares sum to ${formatNumberForMessage(sum)}, must sum to 1`,
      input: members,
    });
  }
}

/** One list of members: a dimension's, or a member's children. */
function memberList<T extends z.ZodType<{ id: string; share: { value: number } }>>(member: T) {
  return listOf(member, 'members', { max: LIMITS.membersPerList }).superRefine(checkSharesSumToOne);
}

export const memberSchema = z.strictObject({
  id: pathPartIdSchema,
  name: nameSchema,
  share: shareQuantitySchema,
  growthDelta: rateQuantitySchema.optional(),
  // A getter, so the schema can refer to itself; the annotation keeps TypeScript's inference finite.
  get children(): z.ZodOptional<z.ZodArray<typeof memberSchema>> {
    return memberList(memberSchema)
      .min(1, { error: 'is empty; leave "children" out when a member has no breakdown' })
      .optional();
  },
});

export const dimensionSchema = z.strictObject({
  id: pathPartIdSchema,
  name: nameSchema,
  members: memberList(memberSchema).min(1, { error: 'a dimension needs at least one member' }),
});

// ——— Drivers, simulation, model —————————————————————————————————————————————————————————————————

export const driverSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  impact: rateQuantitySchema,
  startYear: yearSchema.optional(),
  rampYears: boundedNumber({
    min: 1,
    max: LIMITS.rampYears,
    says: `a whole number of years from 1 to ${LIMITS.rampYears}`,
    integer: true,
  }).optional(),
  enabled: z.boolean().optional(),
});

export const simulationSchema = z.strictObject({
  samples: boundedNumber({
    min: 1,
    max: LIMITS.simulationSamples,
    says: `a whole number from 1 to ${formatNumberForMessage(LIMITS.simulationSamples)}`,
    integer: true,
  }),
  seed: boundedNumber({
    min: 0,
    max: LIMITS.largestSeed,
    says: `a whole number from 0 to ${formatNumberForMessage(LIMITS.largestSeed)}`,
    integer: true,
  }),
});

/**
 * Members nest at most `LIMITS.memberLevels` deep and a model holds at most
 * `LIMITS.membersPerModel` of them, so the engine's work stays bounded.
 */
function checkMemberTree(dimensions: readonly Dimension[], ctx: z.RefinementCtx<Model>) {
  let count = 0;
  const visit = (members: readonly Member[], level: number, path: (string | number)[]) => {
    count += members.length;
    members.forEach((member, index) => {
      if (!member.children) return;
      const childrenPath = [...path, index, 'children'];
      if (level >= LIMITS.memberLevels) {
        ctx.addIssue({
          code: 'custom',
          path: childrenPath,
          message: `members may nest at most ${LIMITS.memberLevels} levels deep (a dimension's members are level 1)`,
          input: member.children,
        });
      } else {
        visit(member.children, level + 1, childrenPath);
      }
    });
  };
  dimensions.forEach((dimension, index) => visit(dimension.members, 1, ['dimensions', index, 'members']));
  if (count > LIMITS.membersPerModel) {
    ctx.addIssue({
      code: 'custom',
      path: ['dimensions'],
      message: `hold ${count.toLocaleString('en-US')} members in all, at most ${LIMITS.membersPerModel.toLocaleString('en-US')} allowed in one model`,
      input: dimensions,
    });
  }
}

export const modelSchema = z
  .strictObject({
    unit: shortText,
    baseYear: yearSchema,
    endYear: yearSchema,
    baseSize: sizeQuantitySchema,
    baseGrowth: rateQuantitySchema,
    drivers: listOf(driverSchema, 'drivers', { max: LIMITS.driversPerModel }),
    dimensions: listOf(dimensionSchema, 'dimensions', { max: LIMITS.dimensionsPerModel }),
    simulation: simulationSchema,
  })
  .superRefine((model, ctx) => {
    const { baseYear, endYear } = model;
    if (endYear <= baseYear) {
      ctx.addIssue({
        code: 'custom',
        path: ['endYear'],
        message: `must be after baseYear (${baseYear}), not ${endYear}`,
        input: endYear,
      });
    } else if (endYear - baseYear > LIMITS.horizonYears) {
      ctx.addIssue({
        code: 'custom',
        path: ['endYear'],
        message: `is ${endYear - baseYear} years after baseYear (${baseYear}); a model covers at most ${LIMITS.horizonYears} years`,
        input: endYear,
      });
    }
    checkMemberTree(model.dimensions, ctx);
  });

export const scenarioSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  notes: longText.optional(),
  model: modelSchema,
});

// ——— Claims —————————————————————————————————————————————————————————————————————————————————————

/**
 * Fields every claim has. Member paths are not checked against the scenarios: members differ per
 * scenario, and the engine reports a claim about a missing member as not checkable there.
 */
const claimFields = {
  id: idSchema,
  label: shortText,
  op: z.enum(['approx', 'atLeast', 'atMost']),
  tolerance: boundedNumber({ ...sizeBounds, says: '0 or more' }).optional(),
  member: memberPathSchema.optional(),
  source: longText,
};

const sizeClaimSchema = z.strictObject({
  metric: z.literal('size'),
  year: yearSchema,
  value: boundedNumber(sizeBounds),
  ...claimFields,
});

const shareClaimSchema = z
  .strictObject({
    metric: z.literal('share'),
    year: yearSchema,
    value: boundedNumber(shareBounds),
    ...claimFields,
  })
  // `member` stays optional in the shape, as in `Claim`; a share of the total would always be 1.
  .superRefine((claim, ctx) => {
    if (claim.member === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['member'],
        message: 'is needed for a share claim: whose share it is, e.g. region/na',
        input: claim,
      });
    }
  });

const cagrClaimSchema = z
  .strictObject({
    metric: z.literal('cagr'),
    fromYear: yearSchema,
    toYear: yearSchema,
    value: boundedNumber(rateBounds),
    ...claimFields,
  })
  .superRefine((claim, ctx) => {
    if (claim.toYear <= claim.fromYear) {
      ctx.addIssue({
        code: 'custom',
        path: ['toYear'],
        message: `must be after fromYear (${claim.fromYear}), not ${claim.toYear}`,
        input: claim.toYear,
      });
    }
  });

export const claimSchema = z.discriminatedUnion('metric', [sizeClaimSchema, shareClaimSchema, cagrClaimSchema]);

// ——— Presentation (since version 2) ————————————————————————————————————————————————————————————

/** A pinned assumption: the same addresses as src/model/quantityRef.ts. */
const memberRefPath = z.array(pathPartIdSchema).min(2, { error: 'needs a dimension id and a member id' }).max(LIMITS.memberLevels + 1);
export const quantityRefSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('baseSize') }),
  z.strictObject({ kind: z.literal('baseGrowth') }),
  z.strictObject({ kind: z.literal('driverImpact'), driverId: idSchema }),
  z.strictObject({ kind: z.literal('memberShare'), path: memberRefPath }),
  z.strictObject({ kind: z.literal('memberGrowthDelta'), path: memberRefPath }),
]);

/** More pins than fit on a presenter's screen are a corrupt file, not a presentation. */
export const MAX_PINS = 24;

export const presentationSchema = z.strictObject({
  pins: z.array(quantityRefSchema).max(MAX_PINS, { error: `has more than ${MAX_PINS} pinned assumptions` }),
});

// ——— The workspace ——————————————————————————————————————————————————————————————————————————————

export const workspaceSchema = z
  .strictObject({
    format: z.literal(WORKSPACE_FORMAT),
    version: z.literal(WORKSPACE_VERSION),
    title: shortText,
    activeScenario: idSchema,
    claims: listOf(claimSchema, 'claims', { max: LIMITS.claims }),
    scenarios: listOf(scenarioSchema, 'scenarios', { max: LIMITS.scenarios }).min(1, {
      error: 'is empty; a workspace needs at least one scenario',
    }),
    presentation: presentationSchema.optional(),
  })
  .superRefine((workspace, ctx) => {
    const ids = workspace.scenarios.map((scenario) => scenario.id);
    // With no scenarios at all, the empty list is the problem to report, not the active one.
    if (ids.length > 0 && !ids.includes(workspace.activeScenario)) {
      ctx.addIssue({
        code: 'custom',
        path: ['activeScenario'],
        message: `"${workspace.activeScenario}" is not the id of any scenario (${ids.map((id) => `"${id}"`).join(', ')})`,
        input: workspace.activeScenario,
      });
    }
  });

// ——— Proof that the schema describes exactly the domain types ———————————————————————————————————

/** `true` when A and B are assignable to each other; `false` otherwise. */
type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Fails to type-check (naming the schema) as soon as a schema's output and its domain type differ
 * in either direction — a field added to one and not the other, an optional made required…
 */
export type SchemaMatchesDomainTypes = [
  MustBeTrue<MutuallyAssignable<z.output<typeof workspaceSchema>, Workspace>>,
  MustBeTrue<MutuallyAssignable<z.output<typeof scenarioSchema>, Scenario>>,
  MustBeTrue<MutuallyAssignable<z.output<typeof modelSchema>, Model>>,
  MustBeTrue<MutuallyAssignable<z.output<typeof simulationSchema>, SimulationSettings>>,
  MustBeTrue<MutuallyAssignable<z.output<typeof driverSchema>, Driver>>,
  MustBeTrue<MutuallyAssignable<z.output<typeof dimensionSchema>, Dimension>>,
  MustBeTrue<MutuallyAssignable<z.output<typeof memberSchema>, Member>>,
  MustBeTrue<MutuallyAssignable<z.output<typeof claimSchema>, Claim>>,
  MustBeTrue<MutuallyAssignable<z.output<typeof presentationSchema>, Presentation>>,
  MustBeTrue<MutuallyAssignable<z.output<typeof shareQuantitySchema>, Quantity>>,
  MustBeTrue<MutuallyAssignable<NonNullable<z.output<typeof shareQuantitySchema>['range']>, Range>>,
];
type MustBeTrue<T extends true> = T;
