/**
 * Test data and edits for the store's tests: the seed's own numbers, workspaces around a hand-built
 * model, and edits phrased the way the screen makes them (one `editModel` call per user action).
 */
import type { Member, Model, Scenario, Workspace } from '../../src/model/types';
import { WORKSPACE_FORMAT, WORKSPACE_VERSION } from '../../src/model/types';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import { findMemberList, quantityKey, type QuantityRef } from '../../src/model/quantityRef';
import { parseWorkspaceFile, serializeWorkspace } from '../../src/model/workspaceFile';
import { resetQuantity, setDriverTiming, setMemberShare, setQuantityValue, type DriverTiming } from '../../src/model/modelEdits';
import { activeModelOf } from '../../src/state/scenarioSelectors';
import { useSlidecast } from '../../src/state/store';

/** The seed's default scenario ("Report consensus") and its other one ("Narrow definition"). */
export const CONSENSUS = 'consensus';
export const NARROW = 'narrow';

/** A fresh copy of the model of the seed's consensus scenario. */
export function seedModel(): Model {
  return activeModelOf(seedWorkspace());
}

/** A workspace holding the given models as scenarios `s0`, `s1`, …, the first one active. */
export function workspaceOf(...models: Model[]): Workspace {
  const scenarios: Scenario[] = models.map((model, i) => ({ id: `s${i}`, name: `Scenario ${i}`, model }));
  return {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    title: 'Test workspace',
    activeScenario: scenarios[0]?.id ?? 's0',
    claims: [],
    scenarios,
  };
}

/** The members of the list a path points into (a dimension's members or a member's children). */
export function siblingsOf(model: Model, path: readonly string[]): Member[] {
  const found = findMemberList(model, path);
  if (!found) throw new Error(`no member at ${path.join('/')}`);
  return found.list;
}

export function shareOf(model: Model, path: readonly string[]): number {
  const found = findMemberList(model, path);
  if (!found) throw new Error(`no member at ${path.join('/')}`);
  return found.list[found.index]!.share.value;
}

export function sumOfShares(members: readonly Member[]): number {
  return members.reduce((sum, m) => sum + m.share.value, 0);
}

export function activeModel(): Model {
  return activeModelOf(useSlidecast.getState().workspace);
}

// ——— Edits through the store, as the screen makes them ———————————————————————————————————————

/** What a slider or a number box does for a quantity that is not a share. */
export function setValue(ref: QuantityRef, value: number): void {
  useSlidecast.getState().editModel(quantityKey(ref), (model) => setQuantityValue(model, ref, value));
}

/** What a share slider does. */
export function setShare(path: readonly string[], value: number, locked: readonly boolean[] = []): void {
  const ref: QuantityRef = { kind: 'memberShare', path: [...path] };
  useSlidecast.getState().editModel(quantityKey(ref), (model) => setMemberShare(model, path, value, locked));
}

/** What a quantity's reset button does. */
export function reset(ref: QuantityRef): void {
  useSlidecast
    .getState()
    .editModel(`reset:${quantityKey(ref)}`, (model, baseline) => baseline && resetQuantity(model, baseline, ref));
}

/** What a driver's switch and timing selects do. */
export function setTiming(driverId: string, timing: DriverTiming): void {
  useSlidecast.getState().editModel(`timing:${driverId}`, (model) => setDriverTiming(model, driverId, timing));
}

/** A slider drag: pointer down, one edit per position, pointer up. */
export function drag(ref: QuantityRef, values: readonly number[]): void {
  const { beginGesture, endGesture } = useSlidecast.getState();
  beginGesture(quantityKey(ref));
  for (const value of values) setValue(ref, value);
  endGesture();
}

/** The messages a workspace file would be refused with; [] for a valid workspace. */
export function fileProblems(workspace: Workspace): string[] {
  const loaded = parseWorkspaceFile(serializeWorkspace(workspace));
  if (loaded.ok) return [];
  return [JSON.stringify(loaded.error)];
}
