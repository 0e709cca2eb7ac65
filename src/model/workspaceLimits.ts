import { formatFieldPath, type FieldPath } from './fieldPath';
import { ISSUES_KEPT, type LoadIssue } from './loadError';
import { formatCount } from './messageValue';

/**
 * The bounds a workspace file must stay within (DESIGN.md §9: "limits on size, depth and counts").
 *
 * Each is far beyond any real market model — the large benchmark model (10 types × 40
 * applications × 200 countries in 10 regions, 30 years) uses a fraction of them — so a limit is
 * only ever met by a corrupt or hostile file, and then it stops the file before it can make the
 * app or the worker run out of memory or time. The text size, nesting depth and the fields and
 * values of the text are checked before parsing, in `safeJson.ts`; the counts here are checked on
 * the parsed value before the schema walks it (`checkWorkspaceCounts`, below).
 */
export const WORKSPACE_LIMITS = {
  scenarios: 100,
  claims: 500,
  dimensionsPerModel: 20,
  driversPerModel: 200,
  membersPerList: 500,
  /** Levels of members: a dimension's members are level 1, their children level 2, … */
  memberLevels: 4,
  membersPerModel: 20_000,
  /** Assumptions pinned for present mode: more than fit on a presenter's screen are a corrupt file. */
  pins: 24,

  /** Ids, names, titles, labels and units. */
  shortText: 200,
  /** A claim's member path: several ids joined by "/". */
  memberPath: 1_000,
  /** Notes and sources, which quote the report. */
  longText: 10_000,

  /** Years a model may cover, inclusive. */
  earliestYear: 1900,
  latestYear: 2200,
  /** endYear − baseYear at most (DESIGN.md §3). */
  horizonYears: 50,
  /** A driver that needs longer than this to reach its full impact is a typo. */
  rampYears: 100,

  /**
   * Yearly rates — base growth, driver impacts, growth premiums, CAGR claims — as fractions.
   * −1 is a market that vanishes in a year; 10 is 1,000% a year, beyond any real market, and keeps
   * 50 years of compounding far from overflowing a double.
   */
  lowestRate: -1,
  highestRate: 10,
  /** Sizes in the model's unit. 10^15 covers a market in single currency units; more is a typo. */
  largestSize: 1e15,

  simulationSamples: 1_000_000,
  /** Seeds are unsigned 32-bit integers, the state of the engine's generator. */
  largestSeed: 0xffff_ffff,
} as const;

/**
 * The most samples one run simulates, in the app (the top of its samples setting, issue 10:
 * "1k–200k") and on the command line (`--samples`). Every sample of every series-year is held
 * until the statistics are taken, so memory grows with samples × series × years. A file may ask
 * for more (`WORKSPACE_LIMITS.simulationSamples`): it is kept as written and run at this cap.
 */
export const MAX_RUN_SAMPLES = 200_000;
/** The fewest samples the app's setting offers: fewer give percentiles too rough to show. */
export const MIN_RUN_SAMPLES = 1_000;

/** The samples a run of `settings` simulates: as many as asked for, at most MAX_RUN_SAMPLES. */
export function runSamples(settings: { samples: number }): number {
  return Math.min(settings.samples, MAX_RUN_SAMPLES);
}

// ——— Counting before validating ————————————————————————————————————————————————————————————————

/**
 * The count limits of a workspace — scenarios, claims, pins, and per model its drivers,
 * dimensions, members per list, levels of members and members in all — checked on the value as
 * parsed, before the schema walks it. One pass over the lists, reading nothing but their lengths
 * and members' `children`, so a file of 600,000 claims is refused in the time it takes to look at
 * one number, not after 600,000 claims were validated and each problem with them kept.
 *
 * The value is not yet known to be of the right shape: anything that is not a list where one
 * belongs is skipped here and named by the schema afterwards. Returns the first `ISSUES_KEPT`
 * limits exceeded, in the order of the file, and how many more; no issues when every count is
 * within its limit.
 */
export function checkWorkspaceCounts(value: unknown): CountIssues {
  const issues = new CountIssues();
  const tooMany = (path: FieldPath, list: readonly unknown[], what: string, max: number) => isTooLong(issues, path, list, what, max);
  if (!isRecord(value)) return issues;

  const { claims, scenarios, presentation } = value;
  if (Array.isArray(claims)) tooMany(['claims'], claims, 'claims', WORKSPACE_LIMITS.claims);
  if (Array.isArray(scenarios) && !tooMany(['scenarios'], scenarios, 'scenarios', WORKSPACE_LIMITS.scenarios)) {
    scenarios.forEach((scenario, index) => {
      if (isRecord(scenario) && isRecord(scenario.model)) checkModelCounts(scenario.model, ['scenarios', index, 'model'], issues);
    });
  }
  if (isRecord(presentation) && Array.isArray(presentation.pins)) {
    const { pins } = presentation;
    if (!tooMany(['presentation', 'pins'], pins, 'pinned assumptions', WORKSPACE_LIMITS.pins)) {
      pins.forEach((pin, index) => {
        if (isRecord(pin) && Array.isArray(pin.path)) {
          tooMany(['presentation', 'pins', index, 'path'], pin.path, 'ids (a dimension id, then member ids)', WORKSPACE_LIMITS.memberLevels + 1);
        }
      });
    }
  }
  return issues;
}

function checkModelCounts(model: Record<string, unknown>, modelPath: FieldPath, issues: CountIssues): void {
  const tooMany = (path: FieldPath, list: readonly unknown[], what: string, max: number) => isTooLong(issues, path, list, what, max);
  const { drivers, dimensions } = model;
  if (Array.isArray(drivers)) tooMany([...modelPath, 'drivers'], drivers, 'drivers', WORKSPACE_LIMITS.driversPerModel);
  if (!Array.isArray(dimensions) || tooMany([...modelPath, 'dimensions'], dimensions, 'dimensions', WORKSPACE_LIMITS.dimensionsPerModel)) {
    return;
  }

  let membersInAll = 0;
  // Walks one list of members; stops descending where a list is too long or nests too deep, so a
  // hostile tree costs no more than its allowed part.
  const visit = (members: readonly unknown[], level: number, path: FieldPath) => {
    if (tooMany(path, members, 'members', WORKSPACE_LIMITS.membersPerList)) return;
    membersInAll += members.length;
    members.forEach((member, index) => {
      if (!isRecord(member) || !Array.isArray(member.children)) return;
      const childrenPath = [...path, index, 'children'];
      if (level >= WORKSPACE_LIMITS.memberLevels) {
        issues.add(childrenPath, `members may nest at most ${WORKSPACE_LIMITS.memberLevels} levels deep (a dimension's members are level 1)`);
      } else {
        visit(member.children, level + 1, childrenPath);
      }
    });
  };
  dimensions.forEach((dimension, index) => {
    if (isRecord(dimension) && Array.isArray(dimension.members)) visit(dimension.members, 1, [...modelPath, 'dimensions', index, 'members']);
  });
  if (membersInAll > WORKSPACE_LIMITS.membersPerModel) {
    issues.add([...modelPath, 'dimensions'], `hold ${formatCount(membersInAll)} members in all, at most ${formatCount(WORKSPACE_LIMITS.membersPerModel)} allowed in one model`);
  }
}

/** The count limits a value exceeds: the first `ISSUES_KEPT`, and how many others (only counted). */
export class CountIssues {
  readonly issues: LoadIssue[] = [];
  moreIssues = 0;

  add(path: FieldPath, message: string): void {
    if (this.issues.length < ISSUES_KEPT) this.issues.push({ path: formatFieldPath(path), message });
    else this.moreIssues++;
  }

  get found(): number {
    return this.issues.length + this.moreIssues;
  }
}

/** Whether `list` is longer than `max`; if so, says so in `issues`. */
function isTooLong(issues: CountIssues, path: FieldPath, list: readonly unknown[], what: string, max: number): boolean {
  if (list.length <= max) return false;
  issues.add(path, `has ${formatCount(list.length)} ${what}, at most ${formatCount(max)} allowed`);
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why a source, a note or notes cannot be kept (`what`: "A source", "Notes"): longer than a file may hold; undefined when it fits. */
export function longTextProblem(what: string, text: string): string | undefined {
  return text.length > WORKSPACE_LIMITS.longText ? `${what} can be at most ${formatCount(WORKSPACE_LIMITS.longText)} characters` : undefined;
}
