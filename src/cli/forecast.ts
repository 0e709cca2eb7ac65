/**
 * `npm run forecast -- [FILE] [--scenario ID] [--format json|csv] [--samples N] [--seed S] [--timing] [--workers K]
 *   [--tornado] [--goal TARGET --vary QUANTITY]`
 *
 * Prints the forecast of a workspace file (or, with no FILE, of the built-in seed workspace): years,
 * total, and every member of every dimension, nested ones too. With `--samples` it also simulates
 * the scenario (DESIGN.md §3 "Uncertainty", §7) on a pool of worker threads
 * (src/cli/simulationPool.ts) and adds the percentiles of every series and the odds of every
 * claim; `--seed` defaults to the scenario's `simulation.seed`; `--timing` reports on stderr how
 * long sampling and statistics took; `--workers` sets the pool's size (default: the cores, at
 * most one per block of 1,000 samples). Without `--samples` the output is byte for byte what it
 * was before the simulation existed (test/cli/forecastSimulation.test.ts). Bad input exits with
 * code 2 and a message naming the problem on stderr; nothing is written to stdout. A forecast
 * with a number too large to compute (only a model beyond the file limits has one) exits with
 * code 4 naming the series and year, and writes nothing: JSON would print it as `null`, and CSV as text.
 *
 * Analysis (issue 11, JSON only): `--tornado` adds `"tornado": [{ "quantity", "low", "high", "swing" }]`
 * — every ranged quantity by its address (src/model/quantityAddress.ts), the end-year total with it
 * at its range's low and high, sorted by swing, largest first. `--goal TARGET --vary QUANTITY`
 * (TARGET `total@YEAR=V`, `<dimension>/<member>[/<child>]@YEAR=V`, `cagr@Y0-Y1=V` for the total's
 * CAGR or `cagr:<dimension>/<member>@Y0-Y1=V` for a member's, a CAGR as a fraction: 0.052; or
 * `claim:ID`, meeting a claim of the workspace, the same targets the Analysis view offers) adds `"goal": { "vary", "value", "reached", "achieved" }`; a target no value
 * reaches exits with code 3 and the same JSON, carrying the closest value and what it reaches.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { seedWorkspace } from '../model/seedWorkspace';
import { parseWorkspaceFile } from '../model/workspaceFile';
import { describeLoadError } from '../model/loadError';
import { capped, listedIds, quoted } from '../model/messageValue';
import { MAX_JSON_TEXT_LENGTH as MAX_FILE_BYTES } from '../model/safeJson';
import type { Claim, Model, Workspace } from '../model/types';
import { parseMemberPath, parseQuantityAddress } from '../model/quantityAddress';
import { quantityKey } from '../model/quantityRef';
import { AnalysisInputError, endYearTotal } from '../engine/analysisMetric';
import { goalSeek, type GoalSeekResult, type GoalTarget } from '../engine/goalSeek';
import { tornado } from '../engine/sensitivity';
import { forecast } from '../engine/forecast';
import type { Forecast } from '../engine/forecastTypes';
import { forecastToJson } from '../io/forecastExport';
import { forecastCsv } from '../io/tableExport';
import { percentileSeries, percentilesJson } from '../io/percentileExport';
import { errorText } from '../model/errorText';
import { checkClaims } from '../engine/claimStatus';
import { SIMULATION_STATISTICS, type SimulationSummary } from '../engine/simulationSummary';
import { MAX_RUN_SAMPLES, WORKSPACE_LIMITS } from '../model/workspaceLimits';
import { simulateOnWorkers } from './simulationPool';

const USAGE =
  'usage: npm run forecast -- [FILE] [--scenario ID] [--format json|csv] [--samples N] [--seed S] [--timing] [--workers K] [--tornado] [--goal TARGET --vary QUANTITY]';

/** The most worker threads --workers may ask for. */
const MAX_WORKERS = 64;

class UsageError extends Error {}

/** Exit codes: bad input (a file, a flag), a goal no value reaches, and a forecast with a number too large to compute. */
const BAD_INPUT = 2;
const GOAL_NOT_REACHED = 3;
const NOT_COMPUTABLE = 4;

type CliResult = { code: number; stdout: string; stderr: string };

/**
 * The first number of a forecast that is not finite — the total first, then the members in layout
 * order — as "the total in 2033" or "region/na in 2033"; null when every number is finite. The
 * engine gives no NaN or Infinity for a valid file (test/engine/forecastProperties.test.ts), and
 * warns about a total beyond the largest double; this check is what makes "never print null" hold
 * whatever the model.
 */
function firstNotComputable(result: Forecast): string | null {
  const { years, series } = result.layout;
  const t = result.total.findIndex((x) => !Number.isFinite(x));
  if (t >= 0) return `the total in ${years[t]}`;
  const i = result.values.findIndex((x) => !Number.isFinite(x));
  if (i < 0) return null;
  return `${series[Math.floor(i / years.length)]?.key ?? 'a member'} in ${years[i % years.length]}`;
}

export interface ForecastCliOptions {
  scenario?: string;
  format: 'json' | 'csv';
  /** Simulate with this many samples; absent: the deterministic forecast alone. */
  samples?: number;
  /** The simulation's seed; absent: the scenario's `simulation.seed`. */
  seed?: number;
  /** Worker threads; absent: min(cores, blocks). */
  workers?: number;
  /** Report the simulation's time on stderr. */
  timing?: boolean;
  /** Add the tornado of the end-year total. */
  tornado?: boolean;
  /** Goal seek: the target (as parsed by `parseGoal`) and the quantity's address. */
  goal?: { target: GoalTarget; vary: string };
}

const GOAL_FORMS = 'total@YEAR=V, <dimension>/<member>@YEAR=V, cagr@Y0-Y1=V, cagr:<dimension>/<member>@Y0-Y1=V or claim:ID';
const NUMBER = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const YEAR = /^[0-9]{1,4}$/;
const CLAIM_PREFIX = 'claim:';
const MEMBER_CAGR_PREFIX = 'cagr:';

/** `region/na` as a member path, or null when it is not `<dimension>/<member>[/<child>…]`. */
function memberPath(text: string): string[] | null {
  const parsed = parseMemberPath(text);
  return parsed.ok ? parsed.path : null;
}

/**
 * `total@2028=25`, `region/na@2030=8.5`, `cagr@2025-2032=0.052`, `cagr:region/na@2025-2032=0.06`
 * as a metric and a value, or `claim:size-2028` as the claim to meet; an expression of no such
 * form is a message naming what is wrong. Years, members and claims are checked against the
 * scenario later (by the engine's own rules, `locateMetric` and `resolveTarget`).
 */
export function parseGoal(text: string): GoalTarget | string {
  const shown = quoted(text);
  if (text.startsWith(CLAIM_PREFIX)) {
    const claimId = text.slice(CLAIM_PREFIX.length);
    if (claimId === '') return `${shown}: name the claim to meet, e.g. claim:size-2028`;
    return { claimId };
  }
  const equals = text.lastIndexOf('=');
  const at = text.indexOf('@');
  if (at < 0 || equals < at) return `${shown} is not a target: use ${GOAL_FORMS}`;
  const what = text.slice(0, at);
  const when = text.slice(at + 1, equals);
  const valueText = text.slice(equals + 1);
  if (!NUMBER.test(valueText) || !Number.isFinite(Number(valueText))) return `${shown}: ${quoted(valueText)} is not a number`;
  const value = Number(valueText);
  if (what === 'cagr' || what.startsWith(MEMBER_CAGR_PREFIX)) {
    const years = when.split('-');
    if (years.length !== 2 || !years.every((y) => YEAR.test(y))) return `${shown}: a CAGR's years are Y0-Y1, e.g. cagr@2025-2032=0.052`;
    let path: string[] | null = null;
    if (what !== 'cagr') {
      path = memberPath(what.slice(MEMBER_CAGR_PREFIX.length));
      if (path === null) return `${shown}: ${quoted(what)} is not cagr:<dimension>/<member>: use ${GOAL_FORMS}`;
    }
    return { metric: { kind: 'cagr', path, fromYear: Number(years[0]), toYear: Number(years[1]) }, value };
  }
  if (!YEAR.test(when)) return `${shown}: ${quoted(when)} is not a year`;
  const year = Number(when);
  if (what === 'total') return { metric: { kind: 'total', year }, value };
  const path = memberPath(what);
  if (path === null) return `${shown}: ${quoted(what)} is not total, cagr or <dimension>/<member>: use ${GOAL_FORMS}`;
  return { metric: { kind: 'member', path, year }, value };
}

/** The analysis the flags ask for, as JSON fields; a flag the scenario cannot answer is a UsageError naming it. */
function analysisJson(model: Model, claims: readonly Claim[], options: ForecastCliOptions): { fields: Record<string, unknown>; reached: boolean } {
  const fields: Record<string, unknown> = {};
  let reached = true;
  if (options.tornado === true) {
    fields.tornado = tornado(model, endYearTotal(model)).bars.map((bar) => ({
      quantity: quantityKey(bar.ref),
      low: bar.atLow,
      high: bar.atHigh,
      swing: bar.swing,
    }));
  }
  if (options.goal !== undefined) {
    const address = parseQuantityAddress(options.goal.vary, model);
    if (!address.ok) throw new UsageError(`--vary: ${address.error}`);
    let result: GoalSeekResult;
    try {
      result = goalSeek(model, claims, options.goal.target, address.ref);
    } catch (error) {
      if (error instanceof AnalysisInputError) throw new UsageError(`--goal: ${error.message}`);
      throw error;
    }
    fields.goal = { vary: quantityKey(result.ref), value: result.value, reached: result.reached, achieved: result.achieved };
    reached = result.reached;
  }
  return { fields, reached };
}

/**
 * The forecast of one scenario of `workspace`, printed as the command line prints it; with
 * `samples`, simulated on the worker pool too.
 */
export async function forecastWorkspace(workspace: Workspace, options: ForecastCliOptions): Promise<CliResult> {
  const scenarioId = options.scenario ?? workspace.activeScenario;
  const scenario = workspace.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) {
    const known = listedIds(workspace.scenarios.map((s) => s.id));
    return { code: BAD_INPUT, stdout: '', stderr: `forecast: --scenario: no scenario ${quoted(scenarioId)} in this workspace (it has: ${known})\n` };
  }
  const { model } = scenario;
  const result = forecast(model);
  const notComputable = firstNotComputable(result);
  const tooLarge = (what: string): CliResult => {
    const limit = `beyond ${Number.MAX_VALUE.toPrecision(2).replace('e+', 'e')} ${model.unit}`;
    return { code: NOT_COMPUTABLE, stdout: '', stderr: `forecast: scenario ${quoted(scenario.id)}: ${what} is too large to compute (${limit}); nothing was written\n` };
  };
  if (notComputable !== null) return tooLarge(notComputable);
  let analysis: ReturnType<typeof analysisJson>;
  try {
    analysis = analysisJson(model, workspace.claims, options);
  } catch (error) {
    if (error instanceof UsageError) return { code: BAD_INPUT, stdout: '', stderr: `forecast: ${error.message}\n` };
    throw error;
  }
  const code = analysis.reached ? 0 : GOAL_NOT_REACHED;
  const json = { ...forecastToJson(result, scenario.id, model.unit), ...analysis.fields };
  if (options.samples === undefined) {
    const stdout = options.format === 'csv' ? forecastCsv(result) : `${compactJson(json)}\n`;
    return { code, stdout, stderr: '' };
  }

  const pool = await simulateOnWorkers(model, workspace.claims, {
    samples: options.samples,
    seed: options.seed ?? model.simulation.seed,
    ...(options.workers === undefined ? {} : { workers: options.workers }),
  });
  const { summary } = pool;
  const notSimulable = firstNotComputableStatistic(summary);
  if (notSimulable !== null) return tooLarge(notSimulable);
  const stderr = options.timing === true ? `${timingLine(summary.samples, pool.milliseconds, pool.workers)}\n` : '';
  if (options.format === 'csv') {
    return { code: 0, stdout: forecastCsv(result, { percentiles: percentileSeries(summary) }), stderr };
  }
  const statuses = checkClaims(model, result, workspace.claims);
  const claims = summary.claims.map((odds, c) => {
    const status = statuses[c]?.status;
    return { id: odds.claimId, met: status === 'met' ? true : status === 'missed' ? false : null, probability: odds.probability };
  });
  return { code, stdout: `${compactJson({ ...json, percentiles: percentilesJson(summary), claims })}\n`, stderr };
}

/** `simulated N samples in X ms (K workers)`: plain digits, X rounded to the millisecond. */
export function timingLine(samples: number, milliseconds: number, workers: number): string {
  return `simulated ${samples} samples in ${Math.round(milliseconds)} ms (${workers} ${workers === 1 ? 'worker' : 'workers'})`;
}

/** The first statistic that is not finite, as "the simulated p95 of region/na in 2032"; null when all are. */
function firstNotComputableStatistic(summary: SimulationSummary): string | null {
  const i = summary.statistics.findIndex((x) => !Number.isFinite(x));
  if (i < 0) return null;
  const { yearCount: Y, rowCount, layout } = summary;
  const t = i % Y;
  const r = Math.floor(i / Y) % rowCount;
  const k = Math.floor(i / (Y * rowCount));
  const series = r === 0 ? 'the total' : (layout.series[r - 1]?.key ?? 'a member');
  return `the simulated ${SIMULATION_STATISTICS[k] ?? 'statistic'} of ${series} in ${layout.years[t]}`;
}

/** Indented JSON with each series on one line, so a person can read the output too. */
function compactJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\[\s+([^[\]{}]*?)\s+\]/g, (_, items: string) => `[${items.split(/,\s+/).join(', ')}]`);
}

function readWorkspace(file: string | undefined): Workspace {
  if (file === undefined) return seedWorkspace();
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UsageError(`${file}: cannot read the file (does it exist?)`);
  }
  // Checked before reading, so a huge file is refused without loading it.
  if (size > MAX_FILE_BYTES) {
    throw new UsageError(`${file}: the file is ${(size / 1e6).toFixed(1)} MB; workspaces are limited to ${(MAX_FILE_BYTES / 1e6).toFixed(0)} MB`);
  }
  const loaded = parseWorkspaceFile(readFileSync(file, 'utf8'));
  if (!loaded.ok) throw new UsageError(`${file}: ${describeLoadError(loaded.error)}`);
  return loaded.workspace;
}

/** The flags that take a number. */
const NUMBER_FLAGS = new Set(['--samples', '--seed', '--workers']);

/**
 * `--seed -1` as `--seed=-1`: parseArgs takes a value starting with "-" for a forgotten value,
 * and would answer with a message about ambiguity instead of naming the bad number.
 */
function withNegativeNumbersJoined(argv: readonly string[]): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = argv[i + 1];
    if (NUMBER_FLAGS.has(arg) && value !== undefined && /^-[0-9.]/.test(value)) {
      args.push(`${arg}=${value}`);
      i += 1;
    } else args.push(arg);
  }
  return args;
}

/**
 * The value of a whole-number flag: plain decimal digits from `min` to `max` ("1e4", "10,000",
 * "1.5" and "0x10" are refused), or a UsageError naming the flag.
 */
function wholeNumberFlag(flag: string, text: string, min: number, max: number): number {
  const n = /^[0-9]{1,16}$/.test(text) ? Number(text) : NaN;
  if (Number.isSafeInteger(n) && n >= min && n <= max) return n;
  throw new UsageError(`${flag}: ${quoted(capped(text, 40))} is not a whole number from ${min} to ${max}`);
}

export async function runForecastCli(argv: readonly string[]): Promise<CliResult> {
  try {
    const { values, positionals } = (() => {
      try {
        return parseArgs({
          args: withNegativeNumbersJoined(argv),
          allowPositionals: true,
          options: {
            scenario: { type: 'string' },
            format: { type: 'string', default: 'json' },
            samples: { type: 'string' },
            seed: { type: 'string' },
            workers: { type: 'string' },
            timing: { type: 'boolean' },
            tornado: { type: 'boolean' },
            goal: { type: 'string' },
            vary: { type: 'string' },
            help: { type: 'boolean', short: 'h' },
          },
        });
      } catch (error) {
        throw new UsageError(`${errorText(error)}\n${USAGE}`);
      }
    })();
    if (values.help) return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
    if (positionals.length > 1) throw new UsageError(`one workspace file at a time\n${USAGE}`);
    const format = values.format;
    if (format !== 'json' && format !== 'csv') throw new UsageError(`--format: "${format}" is not json or csv`);

    const options: ForecastCliOptions = { format };
    if (values.scenario !== undefined) options.scenario = values.scenario;
    if (values.samples !== undefined) options.samples = wholeNumberFlag('--samples', values.samples, 1, MAX_RUN_SAMPLES);
    if (values.seed !== undefined) options.seed = wholeNumberFlag('--seed', values.seed, 0, WORKSPACE_LIMITS.largestSeed);
    if (values.workers !== undefined) options.workers = wholeNumberFlag('--workers', values.workers, 1, MAX_WORKERS);
    if (values.timing === true) options.timing = true;
    if (options.samples === undefined) {
      // Nothing is simulated without --samples: a flag of the simulation alone would be silently ignored.
      const alone = (['seed', 'workers', 'timing'] as const).find((flag) => values[flag] !== undefined);
      if (alone !== undefined) throw new UsageError(`--${alone}: only with --samples N (the simulation it sets); without --samples nothing is simulated`);
    }

    if (values.tornado === true) options.tornado = true;
    if (values.goal !== undefined) {
      if (values.vary === undefined) throw new UsageError('--goal: needs --vary QUANTITY, the quantity to solve for (e.g. --vary baseGrowth)');
      const target = parseGoal(values.goal);
      if (typeof target === 'string') throw new UsageError(`--goal: ${target}`);
      options.goal = { target, vary: values.vary };
    } else if (values.vary !== undefined) throw new UsageError('--vary: only with --goal TARGET (the target it is varied to reach)');
    if (format === 'csv') {
      const analysisFlag = values.tornado === true ? 'tornado' : values.goal !== undefined ? 'goal' : undefined;
      if (analysisFlag !== undefined) throw new UsageError(`--${analysisFlag}: only with --format json (CSV has no place for it)`);
    }

    const workspace = readWorkspace(positionals[0]);
    return await forecastWorkspace(workspace, options);
  } catch (error) {
    if (error instanceof UsageError) return { code: BAD_INPUT, stdout: '', stderr: `forecast: ${error.message}\n` };
    return { code: 1, stdout: '', stderr: `forecast: unexpected failure: ${errorText(error)}\n` };
  }
}

// Run when executed directly (not when a test imports it).
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { code, stdout, stderr } = await runForecastCli(process.argv.slice(2));
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = code;
}
