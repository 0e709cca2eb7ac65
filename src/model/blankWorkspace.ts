/**
 * A new, blank workspace: the start of a model of any market. One scenario, one total (no
 * dimensions, no drivers, no claims), five years from the base year, in USD m. Its two numbers are
 * placeholders and say so in their notes, so the badge reads "Assumed" until the user sources them.
 *
 * The other way to start, from the seed as a template, is `seedWorkspace()` itself.
 */
import { DEFAULT_SIMULATION } from './defaults';
import { WORKSPACE_FORMAT, WORKSPACE_VERSION, type Workspace } from './types';

export const BLANK_TITLE = 'Untitled market';
export const BLANK_SCENARIO = { id: 'base', name: 'Base case' } as const;
export const BLANK_HORIZON_YEARS = 5;
export const BLANK_BASE_SIZE = 100;

/** `baseYear`: default, the current calendar year (a new model usually starts now). */
export function blankWorkspace(baseYear: number = new Date().getFullYear()): Workspace {
  return {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    title: BLANK_TITLE,
    activeScenario: BLANK_SCENARIO.id,
    claims: [],
    scenarios: [
      {
        id: BLANK_SCENARIO.id,
        name: BLANK_SCENARIO.name,
        notes: '',
        model: {
          unit: 'USD m',
          baseYear,
          endYear: baseYear + BLANK_HORIZON_YEARS,
          baseSize: { value: BLANK_BASE_SIZE, note: 'Placeholder: type the size of your market in the base year, and its source.' },
          baseGrowth: { value: 0, note: 'Placeholder: the market’s trend growth a year, before any driver (e.g. 5%).' },
          drivers: [],
          dimensions: [],
          simulation: { ...DEFAULT_SIMULATION },
        },
      },
    ],
  };
}
