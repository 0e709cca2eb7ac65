/** Read-only views of the store's workspace, shared by components and non-React code. */
import type { Model, Scenario, Workspace } from '../model/types';

export function activeScenarioOf(workspace: Workspace): Scenario {
  // The schema guarantees activeScenario names a scenario; fall back to the first defensively.
  return workspace.scenarios.find((s) => s.id === workspace.activeScenario) ?? workspace.scenarios[0]!;
}

export function activeModelOf(workspace: Workspace): Model {
  return activeScenarioOf(workspace).model;
}
