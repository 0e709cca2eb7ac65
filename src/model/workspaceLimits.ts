/**
 * The bounds a workspace file must stay within (DESIGN.md §9: "limits on size, depth and counts").
 *
 * Each is far beyond any real market model — the large benchmark model (10 types × 40
 * applications × 200 countries in 10 regions, 30 years) uses a fraction of them — so a limit is
 * only ever met by a corrupt or hostile file, and then it stops the file before it can make the
 * app or the worker run out of memory or time. The text size and nesting depth are checked before
 * parsing, in `safeJson.ts`.
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
