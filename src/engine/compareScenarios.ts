/**
 * Everything the Compare screen computes, in one request to the worker: the forecast and claim
 * status of each scenario compared, and the bridge between one pair of them (see ./bridge.ts).
 *
 * The assumption diff is not here: it reads the models only, never a forecast, and is cheap
 * enough for the screen to derive (src/model/scenarioDiff.ts).
 */
import type { Claim, Scenario, Workspace } from '../model/types';
import { bridgeSteps, type BridgeResult } from './bridge';
import { evaluateScenario, transferablesOf, type ScenarioResult } from './evaluateScenario';

export interface CompareRequest {
  scenarios: Scenario[];
  claims: Claim[];
  /** Scenario ids: the bridge explains the end-year total going from `from` to `to`. */
  bridge?: { from: string; to: string };
}

/** A bridge with the scenarios it was computed for, so a screen can tell a stale one. */
export interface ScenarioBridge extends BridgeResult {
  from: string;
  to: string;
}

export interface CompareResult {
  /** By scenario id. */
  results: Record<string, ScenarioResult>;
  /** Present when the request asked for one and named two scenarios it holds. */
  bridge?: ScenarioBridge;
}

export function compareScenarios(request: CompareRequest): CompareResult {
  const results: Record<string, ScenarioResult> = {};
  for (const scenario of request.scenarios) {
    results[scenario.id] = evaluateScenario(scenario.model, request.claims);
  }
  const result: CompareResult = { results };
  if (request.bridge) {
    const from = request.scenarios.find((s) => s.id === request.bridge?.from);
    const to = request.scenarios.find((s) => s.id === request.bridge?.to);
    if (from && to) result.bridge = { ...bridgeSteps(from.model, to.model), from: from.id, to: to.id };
  }
  return result;
}

/**
 * The buffers to transfer when a comparison crosses the worker boundary. Each is listed once: a
 * transfer list naming a buffer twice is a DataCloneError.
 */
export function transferablesOfCompare(result: CompareResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const scenarioResult of Object.values(result.results)) {
    for (const buffer of transferablesOf(scenarioResult)) buffers.add(buffer);
  }
  return [...buffers];
}

/** The scenarios a comparison shows, and the bridge pair, after the screen's defaults. */
export interface CompareChoice {
  /** Scenario ids, reference first: the chosen ones still in the workspace, or all when fewer than 2. */
  selection: string[];
  /** Two different ids from `selection` (the stored pair when valid, else its first two); undefined with fewer than 2 scenarios. */
  bridge: { from: string; to: string } | undefined;
}

/**
 * What a comparison shows given the store's `compareSelection` and `bridgePair`: the Compare screen
 * and the engine client both call this, so they ask for and expect the same thing.
 */
export function resolveCompareChoice(
  workspace: Pick<Workspace, 'scenarios'>,
  selection: readonly string[],
  bridgePair: { from: string; to: string } | undefined,
): CompareChoice {
  const ids = workspace.scenarios.map((s) => s.id);
  const chosen = [...new Set(selection)].filter((id) => ids.includes(id));
  const effective = chosen.length >= 2 ? chosen : ids;
  let bridge: CompareChoice['bridge'];
  if (bridgePair && bridgePair.from !== bridgePair.to && effective.includes(bridgePair.from) && effective.includes(bridgePair.to)) {
    bridge = { from: bridgePair.from, to: bridgePair.to };
  } else if (effective.length >= 2) {
    bridge = { from: effective[0]!, to: effective[1]! };
  }
  return { selection: effective, bridge };
}

/** The request for a workspace's comparison under the screen's defaults (see `resolveCompareChoice`). */
export function compareRequestOf(
  workspace: Pick<Workspace, 'scenarios' | 'claims'>,
  selection: readonly string[],
  bridgePair: { from: string; to: string } | undefined,
): CompareRequest {
  const choice = resolveCompareChoice(workspace, selection, bridgePair);
  const scenarios = choice.selection.map((id) => workspace.scenarios.find((s) => s.id === id)!);
  const request: CompareRequest = { scenarios, claims: workspace.claims };
  if (choice.bridge) request.bridge = choice.bridge;
  return request;
}
