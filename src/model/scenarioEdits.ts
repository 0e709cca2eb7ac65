/**
 * Edits of the workspace's list of scenarios, as immer recipes on a draft `Workspace`. Each returns
 * a message when it cannot be done (so the UI can say why), or undefined when done.
 */
import { current, isDraft, type Draft } from 'immer';
import type { Scenario, Workspace } from '../model/types';
import { uniqueId, uniqueName } from '../model/ids';
import { formatCount } from './messageValue';
import { longTextProblem, WORKSPACE_LIMITS } from '../model/workspaceLimits';
import { checkName } from './names';

type WorkspaceDraft = Draft<Workspace>;

/** A deep copy of plain data, from a draft or not (a draft itself cannot be cloned). */
function plainCopy<T extends object>(value: T): T {
  return structuredClone(isDraft(value) ? (current(value as Draft<T>) as T) : value);
}

/** A scenario's name cleaned, or why it cannot be one (src/model/names.ts). */
export function cleanName(name: string): string | { error: string } {
  const checked = checkName(name, 'A scenario');
  return 'error' in checked ? checked : checked.name;
}

/**
 * A copy of scenario `sourceId` named `name`, shown: next to its source, or with `atEnd` after every
 * other (present mode's snapshot, so that the number keys of the scenarios there stay theirs).
 */
export function duplicateScenario(workspace: WorkspaceDraft, sourceId: string, name: string, { atEnd = false }: { atEnd?: boolean } = {}): string | undefined {
  const index = workspace.scenarios.findIndex((s) => s.id === sourceId);
  if (index < 0) return 'That scenario no longer exists';
  if (workspace.scenarios.length >= WORKSPACE_LIMITS.scenarios) return `A workspace can hold at most ${WORKSPACE_LIMITS.scenarios} scenarios`;
  const cleaned = cleanName(name);
  if (typeof cleaned !== 'string') return cleaned.error;
  const source = workspace.scenarios[index]!;
  const finalName = uniqueName(cleaned, workspace.scenarios.map((s) => s.name));
  const copy: Scenario = {
    id: uniqueId(finalName, workspace.scenarios.map((s) => s.id)),
    name: finalName,
    notes: source.notes ?? '',
    model: plainCopy(source.model),
  };
  workspace.scenarios.splice(atEnd ? workspace.scenarios.length : index + 1, 0, copy);
  workspace.activeScenario = copy.id;
  return undefined;
}

export function renameScenario(workspace: WorkspaceDraft, id: string, name: string): string | undefined {
  const scenario = workspace.scenarios.find((s) => s.id === id);
  if (!scenario) return 'That scenario no longer exists';
  const cleaned = cleanName(name);
  if (typeof cleaned !== 'string') return cleaned.error;
  if (workspace.scenarios.some((s) => s.id !== id && s.name === cleaned)) return `Another scenario is already called “${cleaned}”`;
  scenario.name = cleaned;
  return undefined;
}

/** Sets a scenario's notes; notes longer than a file may hold are refused whole, never cut. */
export function setScenarioNotes(workspace: WorkspaceDraft, id: string, notes: string): string | undefined {
  const scenario = workspace.scenarios.find((s) => s.id === id);
  if (!scenario) return 'That scenario no longer exists';
  const problem = longTextProblem('Notes', notes);
  if (problem !== undefined) return `${problem}; these would be ${formatCount(notes.length)}`;
  scenario.notes = notes;
  return undefined;
}

/** Removes a scenario; the last one cannot go. If it was on screen, its neighbour is shown. */
export function deleteScenario(workspace: WorkspaceDraft, id: string): string | undefined {
  if (workspace.scenarios.length <= 1) return 'A workspace needs at least one scenario';
  const index = workspace.scenarios.findIndex((s) => s.id === id);
  if (index < 0) return 'That scenario no longer exists';
  workspace.scenarios.splice(index, 1);
  if (workspace.activeScenario === id) workspace.activeScenario = workspace.scenarios[Math.min(index, workspace.scenarios.length - 1)]!.id;
  return undefined;
}

/** Moves a scenario `offset` places up (negative) or down the list. */
export function moveScenario(workspace: WorkspaceDraft, id: string, offset: number): void {
  const from = workspace.scenarios.findIndex((s) => s.id === id);
  const to = Math.max(0, Math.min(workspace.scenarios.length - 1, from + offset));
  if (from < 0 || from === to) return;
  const [moved] = workspace.scenarios.splice(from, 1);
  workspace.scenarios.splice(to, 0, moved!);
}
