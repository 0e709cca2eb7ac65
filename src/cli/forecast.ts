/**
 * `npm run forecast -- [FILE] [--scenario ID] [--format json|csv]`
 *
 * Prints the forecast of a workspace file (or, with no FILE, of the built-in seed workspace): years,
 * total, and every member of every dimension, nested ones too. Bad input exits with code 2 and a
 * message naming the problem on stderr; nothing is written to stdout.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { seedWorkspace } from '../model/seedWorkspace';
import { parseWorkspaceFile } from '../model/workspaceFile';
import { describeLoadError } from '../model/loadError';
import { MAX_JSON_TEXT_LENGTH as MAX_FILE_BYTES } from '../model/safeJson';
import type { Workspace } from '../model/types';
import { forecast } from '../engine/forecast';
import { forecastToCsv, forecastToJson } from '../io/forecastExport';

const USAGE = 'usage: npm run forecast -- [FILE] [--scenario ID] [--format json|csv]';

class UsageError extends Error {}

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

export function runForecastCli(argv: readonly string[]): { code: number; stdout: string; stderr: string } {
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
        throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
      }
    })();
    if (values.help) return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
    if (positionals.length > 1) throw new UsageError(`one workspace file at a time\n${USAGE}`);
    const format = values.format;
    if (format !== 'json' && format !== 'csv') throw new UsageError(`--format: "${format}" is not json or csv`);

    const workspace = readWorkspace(positionals[0]);
    const scenarioId = values.scenario ?? workspace.activeScenario;
    const scenario = workspace.scenarios.find((s) => s.id === scenarioId);
    if (!scenario) {
      const known = workspace.scenarios.map((s) => s.id).join(', ');
      throw new UsageError(`--scenario: no scenario "${scenarioId}" in this workspace (it has: ${known})`);
    }

    const result = forecast(scenario.model);
    const stdout =
      format === 'csv'
        ? forecastToCsv(result)
        : `${compactJson(forecastToJson(result, scenario.id, scenario.model.unit))}\n`;
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    if (error instanceof UsageError) return { code: 2, stdout: '', stderr: `forecast: ${error.message}\n` };
    return { code: 1, stdout: '', stderr: `forecast: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n` };
  }
}

// Run when executed directly (not when a test imports it).
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { code, stdout, stderr } = runForecastCli(process.argv.slice(2));
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = code;
}
