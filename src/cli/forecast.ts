/**
 * `npm run forecast -- [FILE] [--scenario ID] [--format json|csv]`
 *
 * Prints the forecast of a workspace file (or, with no FILE, of the built-in seed workspace): years,
 * total, and every member of every dimension, nested ones too. Bad input exits with code 2 and a
 * message naming the problem on stderr; nothing is written to stdout. A forecast with a number too
 * large to compute (only a model beyond the file limits has one) exits with code 4 naming the
 * series and year, and writes nothing: JSON would print it as `null`, and CSV as text.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { seedWorkspace } from '../model/seedWorkspace';
import { parseWorkspaceFile } from '../model/workspaceFile';
import { describeLoadError } from '../model/loadError';
import { listedIds, quoted } from '../model/messageValue';
import { MAX_JSON_TEXT_LENGTH as MAX_FILE_BYTES } from '../model/safeJson';
import type { Workspace } from '../model/types';
import { forecast } from '../engine/forecast';
import type { Forecast } from '../engine/forecastTypes';
import { forecastToCsv, forecastToJson } from '../io/forecastExport';
import { errorText } from '../model/errorText';

const USAGE = 'usage: npm run forecast -- [FILE] [--scenario ID] [--format json|csv]';

class UsageError extends Error {}

/** Exit codes: bad input (a file, a flag), and a forecast with a number too large to compute. */
const BAD_INPUT = 2;
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

/** The forecast of one scenario of `workspace`, printed as the command line prints it. */
export function forecastWorkspace(workspace: Workspace, options: { scenario?: string; format: 'json' | 'csv' }): CliResult {
  const scenarioId = options.scenario ?? workspace.activeScenario;
  const scenario = workspace.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) {
    const known = listedIds(workspace.scenarios.map((s) => s.id));
    return { code: BAD_INPUT, stdout: '', stderr: `forecast: --scenario: no scenario ${quoted(scenarioId)} in this workspace (it has: ${known})\n` };
  }
  const result = forecast(scenario.model);
  const notComputable = firstNotComputable(result);
  if (notComputable !== null) {
    const limit = `beyond ${Number.MAX_VALUE.toPrecision(2).replace('e+', 'e')} ${scenario.model.unit}`;
    return { code: NOT_COMPUTABLE, stdout: '', stderr: `forecast: scenario ${quoted(scenario.id)}: ${notComputable} is too large to compute (${limit}); nothing was written\n` };
  }
  const stdout =
    options.format === 'csv' ? forecastToCsv(result) : `${compactJson(forecastToJson(result, scenario.id, scenario.model.unit))}\n`;
  return { code: 0, stdout, stderr: '' };
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

export function runForecastCli(argv: readonly string[]): CliResult {
  try {
    const { values, positionals } = (() => {
      try {
        return parseArgs({
          args: [...argv],
          allowPositionals: true,
          options: {
            scenario: { type: 'string' },
            format: { type: 'string', default: 'json' },
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

    const workspace = readWorkspace(positionals[0]);
    return forecastWorkspace(workspace, { ...(values.scenario === undefined ? {} : { scenario: values.scenario }), format });
  } catch (error) {
    if (error instanceof UsageError) return { code: BAD_INPUT, stdout: '', stderr: `forecast: ${error.message}\n` };
    return { code: 1, stdout: '', stderr: `forecast: unexpected failure: ${errorText(error)}\n` };
  }
}

// Run when executed directly (not when a test imports it).
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { code, stdout, stderr } = runForecastCli(process.argv.slice(2));
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = code;
}
