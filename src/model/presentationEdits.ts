/**
 * Edits of the presenter's settings and of the meeting: pins, resetting the meeting's live edits,
 * and keeping the state reached as a scenario. Immer recipes on a draft `Workspace`.
 */
import type { Draft } from 'immer';
import type { Workspace } from '../model/types';
import { quantityKey, type QuantityRef } from '../model/quantityRef';
import { MAX_PINS } from '../model/workspaceSchema';
import { duplicateScenario } from './scenarioEdits';

type WorkspaceDraft = Draft<Workspace>;

export function isPinned(workspace: Workspace, ref: QuantityRef): boolean {
  const key = quantityKey(ref);
  return (workspace.presentation?.pins ?? []).some((pin) => quantityKey(pin) === key);
}

/** Pins or unpins an assumption for present mode; returns a message when it cannot be pinned. */
export function togglePin(workspace: WorkspaceDraft, ref: QuantityRef): string | undefined {
  const presentation = (workspace.presentation ??= { pins: [] });
  const key = quantityKey(ref);
  const index = presentation.pins.findIndex((pin) => quantityKey(pin) === key);
  if (index >= 0) {
    presentation.pins.splice(index, 1);
    return undefined;
  }
  if (presentation.pins.length >= MAX_PINS) return `At most ${MAX_PINS} assumptions can be pinned`;
  presentation.pins.push(structuredClone(ref));
  return undefined;
}

/**
 * Undoes the meeting's live edits: every scenario that existed when the meeting began gets its
 * model back. Scenarios made during the meeting (snapshots) stay.
 */
export function resetMeeting(workspace: WorkspaceDraft, atStart: Workspace): void {
  for (const scenario of workspace.scenarios) {
    const before = atStart.scenarios.find((s) => s.id === scenario.id);
    if (before && before.model !== scenario.model) scenario.model = before.model as Draft<typeof before.model>;
  }
}

/**
 * Keeps the state reached as a new scenario, after every other — the number keys of the meeting's
 * scenarios stay theirs (it was put next to the one on screen, and "2" then showed it) — while the
 * one on screen stays on screen.
 */
export function snapshotScenario(workspace: WorkspaceDraft, name: string): string | undefined {
  const onScreen = workspace.activeScenario;
  const error = duplicateScenario(workspace, onScreen, name, { atEnd: true });
  workspace.activeScenario = onScreen;
  return error;
}
