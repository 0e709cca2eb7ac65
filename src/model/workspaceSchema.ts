/**
 * The workspace file format, version 1 (DESIGN.md §4), as zod schemas: every rule a file must
 * meet before its numbers reach the model.
 *
 * - Every object is strict: a field the format does not know is refused with its path, so a
 *   misspelt `baseSzie` can never fall back silently to a default and change the numbers.
 * - No schema has a default or a transform: what the file holds is what the model holds, and an
 *   optional field that is absent stays absent (so save → load is exact).
 * - Messages that depend on the rule are written here, in plain words; generic ones (a text where
 *   a number belongs, a missing field) come from `workspaceValidation.ts`. A value of the file that
 *   a message repeats (an id) goes through `quoted` (`messageValue.ts`), which cuts it short.
 * - Count limits (scenarios, claims, members …) are not here: `checkWorkspaceCounts`
 *   (`workspaceLimits.ts`) checks them before the schema walks a single list, and
 *   `parseWorkspaceSchema` stops walking lists once it has found `ISSUES_KEPT` issues.
 *
 * The schemas' output types are checked at compile time against `types.ts` (at the end of this
 * file), so the schema and the domain types cannot drift apart.
 */
import { z } from 'zod';
import { DISTRIBUTIONS } from './quantity';
import { quantityBounds } from './quantityRef';
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
import { ISSUES_KEPT } from './loadError';
import { formatNumberForMessage, listedIds, quoted, formatCount } from './messageValue';
import { WORKSPACE_LIMITS as LIMITS } from './workspaceLimits';
import { hasVisibleText, unsafeTextReason } from './names';

// zod can compile object parsers with `new Function`; the app's Content-Security-Policy forbids
// eval, and even zod's probe for it is reported as a violation. A workspace validates in
// milliseconds without the compiler.
z.config({ jitless: true });
import { UNSAFE_KEYS } from './safeJson';

/** How far the shares of one list may stray from 1 (rounding in a file written by hand or by a spreadsheet). */
export const SHARE_SUM_TOLERANCE = 1e-6;

// ——— Numbers ————————————————————————————————————————————————————————————————————————————————————

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

const shareBounds: Bounds = quantityBounds('share');
const rateBounds: Bounds = {
  ...quantityBounds('rate'),
  says: `a yearly rate between ${LIMITS.lowestRate} and ${LIMITS.highestRate} (a fraction: 0.05 is 5%)`,
};
const sizeBounds: Bounds = {
  ...quantityBounds('size'),
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

/**
 * A text of a file: at most `maxLength` characters, never a direction control left open (it would
 * turn round what the app draws after it); a required one not empty and not only invisible
 * characters (src/model/names.ts, the rule a typed name meets).
 */
function text(maxLength: number, { required = false } = {}) {
  const schema = z
    .string()
    .max(maxLength, {
      error: (issue) =>
        `is too long: ${formatCount(String(issue.input).length)} characters, at most ${formatCount(maxLength)}`,
    })
    .refine((value) => unsafeTextReason(value) === undefined, {
      error: (issue) => unsafeTextReason(String(issue.input)),
    });
  if (!required) return schema;
  return schema.min(1, { error: 'must not be empty' }).refine(hasVisibleText, {
    error: 'has only invisible characters (such as zero-width spaces)',
    abort: true,
  });
}

const shortText = text(LIMITS.shortText);
const longText = text(LIMITS.longText);
const nameSchema = text(LIMITS.shortText, { required: true });

/**
 * An id: short, not empty, and never a name that reaches an object's prototype — code that keeps
 * things by id in a plain object (`byId[activeScenario]`) must not find `constructor` there.
 */
const idSchema = text(LIMITS.shortText, { required: true }).refine((id) => !UNSAFE_KEYS.has(id), {
  error: (issue) => `${quoted(String(issue.input))} is reserved; choose another id`,
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
 * A list whose item ids must be unique: the first repeat is reported at its own `id`. How long it
 * may be is checked before validation (`checkWorkspaceCounts`); its items stop being walked once
 * validation has found enough issues (`stopsWhenEnoughIssues`).
 */
function listOf<T extends z.ZodType<{ id: string }>>(item: T) {
  return z.array(stopsWhenEnoughIssues(item)).superRefine((list, ctx) => {
    const firstIndexOf = new Map<string, number>();
    list.forEach(({ id }, index) => {
      const first = firstIndexOf.get(id);
      if (first === undefined) firstIndexOf.set(id, index);
      else
        ctx.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `${quoted(id)} is already the id of item [${first}] of this list; ids must be unique within a list`,
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
  return listOf(member).superRefine(checkSharesSumToOne);
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

export const modelSchema = z
  .strictObject({
    unit: shortText,
    baseYear: yearSchema,
    endYear: yearSchema,
    baseSize: sizeQuantitySchema,
    baseGrowth: rateQuantitySchema,
    drivers: listOf(driverSchema),
    dimensions: listOf(dimensionSchema),
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
const memberRefPath = z.array(pathPartIdSchema).min(2, { error: 'needs a dimension id and a member id' });
export const quantityRefSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('baseSize') }),
  z.strictObject({ kind: z.literal('baseGrowth') }),
  z.strictObject({ kind: z.literal('driverImpact'), driverId: idSchema }),
  z.strictObject({ kind: z.literal('memberShare'), path: memberRefPath }),
  z.strictObject({ kind: z.literal('memberGrowthDelta'), path: memberRefPath }),
]);

/** More pins than fit on a presenter's screen are a corrupt file, not a presentation. */
export const MAX_PINS = LIMITS.pins;

export const presentationSchema = z.strictObject({
  pins: z.array(stopsWhenEnoughIssues(quantityRefSchema)),
});

// ——— The workspace ——————————————————————————————————————————————————————————————————————————————

export const workspaceSchema = z
  .strictObject({
    format: z.literal(WORKSPACE_FORMAT),
    version: z.literal(WORKSPACE_VERSION),
    title: shortText,
    activeScenario: idSchema,
    claims: listOf(claimSchema),
    scenarios: listOf(scenarioSchema).min(1, {
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
        message: `${quoted(workspace.activeScenario)} is not the id of any scenario (${listedIds(ids)})`,
        input: workspace.activeScenario,
      });
    }
  });

// ——— Stopping early —————————————————————————————————————————————————————————————————————————————

/**
 * The issues of the validation under way, counted as list items finish. Validation runs
 * synchronously, so one at a time: `parseWorkspaceSchema` sets it and clears it.
 */
interface IssueBudget {
  readonly limit: number;
  /** Issues counted so far; an item's issues include its nested items', so each is counted once. */
  readonly counted: WeakSet<object>;
  found: number;
  stopped: boolean;
}
let budget: IssueBudget | undefined;

/** Marks the raw issue that stands for a list item validation did not walk; never shown. */
export const NOT_CHECKED = 'notChecked';

/**
 * A list item's schema that, once the validation under way has found `limit` issues, no longer
 * walks its item. The skipped item still gets one issue (marked `NOT_CHECKED`, dropped before
 * anyone sees it): it keeps the list's own refinements (unique ids, shares summing to 1) from
 * running on items nobody has checked, and it costs nothing like the 60,000 issues of 20,000
 * broken members.
 *
 * zod has no "stop after N issues"; this wraps the item schema's internal `run` (`_zod.run`), the
 * call every container makes for each child. A clone is wrapped, so the exported schemas stay as
 * they are; outside `parseWorkspaceSchema` the wrapper only passes the call on.
 */
function stopsWhenEnoughIssues<T extends z.ZodType>(item: T): T {
  const wrapped = item.clone();
  const run = wrapped._zod.run;
  wrapped._zod.run = (payload, ctx) => {
    const active = budget;
    if (active === undefined) return run(payload, ctx);
    if (active.found >= active.limit) {
      active.stopped = true;
      payload.issues.push({ code: 'custom', message: NOT_CHECKED, params: { [NOT_CHECKED]: true }, input: payload.value, continue: false });
      return payload;
    }
    const result = run(payload, ctx);
    if (!(result instanceof Promise)) {
      for (const issue of result.issues) {
        if (active.counted.has(issue)) continue;
        active.counted.add(issue);
        active.found++;
      }
    }
    return result;
  };
  return wrapped;
}

/**
 * Validates a value against `workspaceSchema`, walking list items only until `limit` issues are
 * found; `stoppedEarly` says some were skipped. Issues skipped items stand for carry `NOT_CHECKED`
 * in their `params`.
 */
export function parseWorkspaceSchema(
  value: unknown,
  params: z.core.ParseContext<z.core.$ZodIssue>,
  limit: number = ISSUES_KEPT,
): { result: ReturnType<typeof workspaceSchema.safeParse>; stoppedEarly: boolean } {
  const active: IssueBudget = { limit, counted: new WeakSet(), found: 0, stopped: false };
  budget = active;
  try {
    return { result: workspaceSchema.safeParse(value, params), stoppedEarly: active.stopped };
  } finally {
    budget = undefined;
  }
}

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
