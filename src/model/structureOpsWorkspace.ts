/**
 * Structure operations as data, and how one is applied to a workspace: to the scenario on screen,
 * or — the user's explicit choice — to every scenario, so that scenarios stay comparable.
 *
 * Applying to every scenario matches things by id (dimensions, drivers) and by member path
 * (`[dimensionId, memberId, …]`), never by position or name. The scenario on screen goes first:
 * when the operation is refused there, nothing changes anywhere and its message is the answer.
 * Every other scenario gets the operation where it can; a scenario that lacks the target (a
 * member it never had) or refuses it (a duplicate name there, locked room…) is left as it was and
 * reported by name, with the reason.
 *
 * Things created in several scenarios at once get one id everywhere (chosen among the ids all of
 * them already use), so the Compare screen matches them up.
 *
 * Everything here mutates a plain workspace or an immer draft in place; see `structureOps.ts` for
 * the operations' own rules.
 */
import { idPool, uniqueId } from './ids';
import { findMember, type QuantityRef } from './quantityRef';
import {
  addChildren,
  addDimension,
  addDriver,
  addMember,
  moveDimension,
  moveDriver,
  moveMember,
  removeChildren,
  removeDimension,
  removeDriver,
  removeMember,
  renameDimension,
  renameDriver,
  renameMember,
  setListShares,
  setQuantityText,
  setUnit,
  setYears,
  type ListShareEntry,
  type OpResult,
  type QuantityText,
} from './structureOps';
import { nameKey } from './names';
import type { Quantity } from './quantity';
import type { Member, Model, Scenario, Workspace } from './types';
import { unitConversion } from './unit';

export type StructureOp =
  | { op: 'addDimension'; name: string; members: string[]; id?: string; memberIds?: string[] }
  | { op: 'renameDimension'; dimensionId: string; name: string }
  | { op: 'moveDimension'; dimensionId: string; offset: number }
  | { op: 'removeDimension'; dimensionId: string }
  /** `parentPath`: `[dimensionId]` or a member's path (the new member joins its breakdown). `locked`: member ids. */
  | { op: 'addMember'; parentPath: string[]; name: string; share?: number; id?: string; locked?: string[] }
  | { op: 'renameMember'; path: string[]; name: string }
  | { op: 'moveMember'; path: string[]; offset: number }
  | { op: 'removeMember'; path: string[]; locked?: string[] }
  | { op: 'addChildren'; path: string[]; names: string[]; ids?: string[] }
  | { op: 'removeChildren'; path: string[] }
  | { op: 'addDriver'; name: string; impact?: number; id?: string }
  | { op: 'renameDriver'; driverId: string; name: string }
  | { op: 'moveDriver'; driverId: string; offset: number }
  | { op: 'removeDriver'; driverId: string }
  | { op: 'setYears'; baseYear: number; endYear: number }
  | { op: 'setUnit'; unit: string; convert?: boolean }
  | { op: 'setQuantityText'; ref: QuantityRef; text: QuantityText }
  /** Several lists' shares at once (an import): one edit. */
  | { op: 'setShares'; lists: { parentPath: string[]; entries: ListShareEntry[] }[] };

export type StructureOpKind = StructureOp['op'];

/** Applies one operation to one model. */
export function applyStructureOp(model: Model, op: StructureOp): OpResult {
  switch (op.op) {
    case 'addDimension':
      return addDimension(model, op.name, op.members, { ...(op.id === undefined ? {} : { id: op.id }), ...(op.memberIds ? { memberIds: op.memberIds } : {}) });
    case 'renameDimension':
      return renameDimension(model, op.dimensionId, op.name);
    case 'moveDimension':
      return moveDimension(model, op.dimensionId, op.offset);
    case 'removeDimension':
      return removeDimension(model, op.dimensionId);
    case 'addMember':
      return addMember(
        model,
        op.parentPath,
        { name: op.name, ...(op.share === undefined ? {} : { share: op.share }), ...(op.id === undefined ? {} : { id: op.id }) },
        op.locked,
      );
    case 'renameMember':
      return renameMember(model, op.path, op.name);
    case 'moveMember':
      return moveMember(model, op.path, op.offset);
    case 'removeMember':
      return removeMember(model, op.path, op.locked);
    case 'addChildren':
      return addChildren(model, op.path, op.names, op.ids);
    case 'removeChildren':
      return removeChildren(model, op.path);
    case 'addDriver':
      return addDriver(model, { name: op.name, ...(op.impact === undefined ? {} : { impact: op.impact }), ...(op.id === undefined ? {} : { id: op.id }) });
    case 'renameDriver':
      return renameDriver(model, op.driverId, op.name);
    case 'moveDriver':
      return moveDriver(model, op.driverId, op.offset);
    case 'removeDriver':
      return removeDriver(model, op.driverId);
    case 'setYears':
      return setYears(model, op.baseYear, op.endYear);
    case 'setUnit':
      return setUnit(model, op.unit, { convert: op.convert ?? false });
    case 'setQuantityText':
      return setQuantityText(model, op.ref, op.text);
    case 'setShares':
      return setSharesOfLists(model, op.lists);
  }
}

/** All lists or none: every list is checked on a copy first, then written. */
function setSharesOfLists(model: Model, lists: readonly { parentPath: string[]; entries: ListShareEntry[] }[]): OpResult {
  if (lists.length === 0) return 'No shares to set';
  const trial = plain(model);
  for (const { parentPath, entries } of lists) {
    const problem = setListShares(trial, parentPath, entries);
    if (problem) return problem;
  }
  for (const { parentPath, entries } of lists) setListShares(model, parentPath, entries);
  return undefined;
}

/**
 * A copy of a model's member lists and shares, and of its size and range, the parts `setListShares`
 * and a converting `setUnit` write — taken field by
 * field, since the model may be an immer draft (which cannot be cloned, and which the pure layer
 * does not know).
 */
function plain(model: Model): Model {
  const copyQuantity = (q: Quantity): Quantity => ({ ...q, ...(q.range ? { range: { ...q.range } } : {}) });
  const copyMember = (m: Member): Member => ({
    ...m,
    share: copyQuantity(m.share),
    ...(m.children ? { children: m.children.map(copyMember) } : {}),
  });
  return {
    ...model,
    drivers: model.drivers.map((d) => ({ ...d })),
    dimensions: model.dimensions.map((d) => ({ ...d, members: d.members.map(copyMember) })),
    baseSize: copyQuantity(model.baseSize),
    baseGrowth: { ...model.baseGrowth },
    simulation: { ...model.simulation },
  };
}

// ——— Applying to a workspace ————————————————————————————————————————————————————————————————————

export interface SkippedScenario {
  scenarioId: string;
  scenarioName: string;
  /** Why the operation was not applied there, in plain words. */
  reason: string;
}

export interface StructureOutcome {
  /** Set when the scenario on screen refused the operation: then nothing changed anywhere. */
  error?: string;
  /** Scenarios the operation was applied to, the one on screen first. */
  applied: string[];
  /** Other scenarios left as they were, and why. */
  skipped: SkippedScenario[];
  /**
   * Said when a converting unit change left the workspace's size claims as they were because the
   * scenarios no longer share one unit: claims are shared by every scenario, so no one factor fits.
   */
  claimsNote?: string;
}

/**
 * Applies `op` to the scenario on screen, and with `allScenarios` to every other scenario too
 * (see the file comment for how they are matched and what is reported).
 */
export function applyStructureOpToWorkspace(workspace: Workspace, op: StructureOp, allScenarios: boolean): StructureOutcome {
  const active = workspace.scenarios.find((s) => s.id === workspace.activeScenario) ?? workspace.scenarios[0];
  if (!active) return { error: 'The workspace has no scenario', applied: [], skipped: [] };
  const targets: Scenario[] = allScenarios ? [active, ...workspace.scenarios.filter((s) => s !== active)] : [active];
  if (op.op === 'setUnit' && !allScenarios) {
    // The unit as the scenario on screen would take it (or its own refusal, on a copy), then whether the others count in it.
    const trial = plain(active.model);
    const split = applyStructureOp(trial, op) ?? unitSplitProblem(workspace, active, trial.unit);
    if (split !== undefined) return { error: split, applied: [], skipped: [] };
  }
  const resolved = withSharedIds(op, targets.map((s) => s.model));
  const unitsBefore = targets.map((s) => s.model.unit);

  // Names for messages are read before the edit (a removed member is named as it was).
  const named = namesOf(active.model);
  const first = applyStructureOp(active.model, resolved);
  if (first !== undefined) return { error: first, applied: [], skipped: [] };
  const outcome: StructureOutcome = { applied: [active.id], skipped: [] };
  for (const scenario of targets.slice(1)) {
    const missing = missingTarget(scenario.model, resolved, named);
    const reason = missing ?? applyStructureOp(scenario.model, resolved);
    if (reason === undefined) outcome.applied.push(scenario.id);
    else outcome.skipped.push({ scenarioId: scenario.id, scenarioName: scenario.name, reason });
  }
  // Size claims are in the unit the scenarios share: convert them when every scenario was in the
  // same unit and converted by the same factor.
  if (op.op === 'setUnit' && op.convert) {
    const shared = outcome.applied.length === workspace.scenarios.length && unitsBefore.every((u) => u === unitsBefore[0]);
    const factor = shared ? unitConversion(unitsBefore[0]!, op.unit) : undefined;
    if (factor !== undefined) convertSizeClaims(workspace, factor);
    else outcome.claimsNote = unconvertedClaimsNote(workspace, unitsBefore[0]!);
  }
  if (isRemoval(op)) dropDeadPins(workspace);
  return outcome;
}

/** "Region › Europe › Germany": a member path in names, read from the model that has it. */
function pathInWords(model: Model, path: readonly string[]): string {
  const [dimensionId, ...rest] = path;
  const dimension = model.dimensions.find((d) => d.id === dimensionId);
  const words = [dimension?.name ?? String(dimensionId)];
  for (let i = 1; i <= rest.length; i++) words.push(findMember(model, path.slice(0, i + 1))?.name ?? rest[i - 1]!);
  return words.join(' › ');
}

/**
 * Why `model` has nothing for `op` to act on, naming the thing as the scenario on screen
 * (`named`) calls it: "it has no Region › Europe". (The operations' own messages would say "no
 * longer exists", which reads wrongly for a scenario that never had it.)
 */
function missingTarget(model: Model, op: StructureOp, named: Model): string | undefined {
  const hasMember = (path: readonly string[]) => findMember(model, path) !== undefined;
  const hasDimension = (id: string | undefined) => model.dimensions.some((d) => d.id === id);
  const noList = (path: readonly string[]) =>
    path.length === 1 ? (hasDimension(path[0]) ? undefined : `it has no dimension ${pathInWords(named, path)}`) : hasMember(path) ? undefined : `it has no ${pathInWords(named, path)}`;
  const noDriver = (id: string) =>
    model.drivers.some((d) => d.id === id) ? undefined : `it has no driver “${named.drivers.find((d) => d.id === id)?.name ?? id}”`;
  switch (op.op) {
    case 'renameDimension':
    case 'moveDimension':
    case 'removeDimension':
      return noList([op.dimensionId]);
    case 'addMember':
      return noList(op.parentPath);
    case 'renameMember':
    case 'moveMember':
    case 'removeMember':
    case 'addChildren':
    case 'removeChildren':
      return noList(op.path);
    case 'renameDriver':
    case 'moveDriver':
    case 'removeDriver':
      return noDriver(op.driverId);
    case 'setQuantityText': {
      const { ref } = op;
      if (ref.kind === 'driverImpact') return noDriver(ref.driverId);
      if (ref.kind === 'memberShare' || ref.kind === 'memberGrowthDelta') return noList(ref.path);
      return undefined;
    }
    case 'setShares':
      for (const { parentPath } of op.lists) {
        const missing = noList(parentPath);
        if (missing) return missing;
      }
      return undefined;
    case 'addDimension':
    case 'addDriver':
    case 'setYears':
    case 'setUnit':
      return undefined;
  }
}

/** The names and ids of a model's dimensions, members and drivers: enough to name things in messages. */
function namesOf(model: Model): Model {
  const copy = (members: readonly Member[]): Member[] =>
    members.map((m) => ({ id: m.id, name: m.name, share: { value: 0 }, ...(m.children ? { children: copy(m.children) } : {}) }));
  return {
    ...model,
    drivers: model.drivers.map((d) => ({ id: d.id, name: d.name, impact: { value: 0 } })),
    dimensions: model.dimensions.map((d) => ({ id: d.id, name: d.name, members: copy(d.members) })),
  };
}

function isRemoval(op: StructureOp): boolean {
  return op.op === 'removeDimension' || op.op === 'removeMember' || op.op === 'removeChildren' || op.op === 'removeDriver';
}

/** The members of the list under `parentPath` in a model, or none when it has no such list. */
function membersOfList(model: Model, parentPath: readonly string[]): readonly Member[] {
  if (parentPath.length === 1) return model.dimensions.find((d) => d.id === parentPath[0])?.members ?? [];
  return findMember(model, parentPath)?.children ?? [];
}

/** The ids of the list under `parentPath` in a model, or none when it has no such list. */
function idsOfList(model: Model, parentPath: readonly string[]): string[] {
  return membersOfList(model, parentPath).map((m) => m.id);
}

/**
 * The operation with the ids of anything it creates fixed once for all the models it will be
 * applied to: a new id avoids the ids every one of them uses; a member created by an import that
 * another scenario already has under the same name takes that member's id.
 */
function withSharedIds(op: StructureOp, models: readonly Model[]): StructureOp {
  switch (op.op) {
    case 'addDimension': {
      if (op.id !== undefined) return op;
      const taken = models.flatMap((m) => m.dimensions.map((d) => d.id));
      return { ...op, id: uniqueId(op.name.trim() || 'dimension', taken) };
    }
    case 'addMember': {
      if (op.id !== undefined) return op;
      const taken = models.flatMap((m) => idsOfList(m, op.parentPath));
      return { ...op, id: uniqueId(op.name.trim() || 'member', taken) };
    }
    case 'addDriver': {
      if (op.id !== undefined) return op;
      const taken = models.flatMap((m) => m.drivers.map((d) => d.id));
      return { ...op, id: uniqueId(op.name.trim() || 'driver', taken) };
    }
    case 'setShares':
      return {
        ...op,
        lists: op.lists.map(({ parentPath, entries }) => {
          const [first, ...others] = models;
          const onScreen = new Set(first ? idsOfList(first, parentPath) : []);
          // Members another scenario has that the one on screen lacks: a created twin takes their id.
          const elsewhere = new Map<string, Member[]>();
          for (const m of others.flatMap((model) => membersOfList(model, parentPath))) {
            if (onScreen.has(m.id)) continue;
            const key = nameKey(m.name);
            elsewhere.set(key, [...(elsewhere.get(key) ?? []), m]);
          }
          const existing = entries.filter((e) => !e.create).map((e) => e.id);
          const taken = idPool([...onScreen, ...[...elsewhere.values()].flat().map((m) => m.id), ...existing]);
          const used = new Set(existing);
          return {
            parentPath,
            entries: entries.map((entry) => {
              if (!entry.create || onScreen.has(entry.id)) return entry;
              const twin = elsewhere.get(nameKey(entry.name))?.find((m) => !used.has(m.id));
              const id = twin?.id ?? (taken.has(entry.id) || used.has(entry.id) ? taken.take(entry.name) : entry.id);
              used.add(id);
              taken.add(id);
              return id === entry.id ? entry : { ...entry, id };
            }),
          };
        }),
      };
    default:
      return op;
  }
}

/**
 * Why the scenario on screen alone may not count in `unit` while another scenario counts in
 * another: the claims (a size claim has no unit of its own) and Compare read every scenario in one
 * unit, and a claim of "over $20 B" checked against a scenario in USD m read "$20 M" and was met.
 * Undefined when every other scenario already counts in it.
 */
function unitSplitProblem(workspace: Workspace, active: Scenario, unit: string): string | undefined {
  const others = workspace.scenarios.filter((s) => s !== active && s.model.unit !== unit);
  const [first] = others;
  if (first === undefined) return undefined;
  const which = others.length === 1 ? `“${first.name}” counts` : `${others.length} other scenarios count`;
  return `${which} in ${first.model.unit}: every scenario of a workspace counts in one unit, since the claims and Compare read them together. Tick “Apply structure edits to all ${workspace.scenarios.length} scenarios” to set ${unit} for every one.`;
}

/**
 * "The 2 size claims stay in USD bn: …" — or nothing when there is no size claim to leave alone.
 * `claimsUnit` is the unit the claims were read in: the scenario on screen's before the change.
 */
function unconvertedClaimsNote(workspace: Workspace, claimsUnit: string): string | undefined {
  const count = workspace.claims.filter((claim) => claim.metric === 'size').length;
  if (count === 0) return undefined;
  const which = count === 1 ? 'The size claim stays' : `The ${count} size claims stay`;
  return `${which} in ${claimsUnit}: claims are shared by every scenario, and the scenarios are not all in one unit now. Edit the claims on the Analysis view if they should follow.`;
}

function convertSizeClaims(workspace: Workspace, factor: number): void {
  for (const claim of workspace.claims) {
    if (claim.metric !== 'size') continue;
    claim.value *= factor;
    if (claim.tolerance !== undefined) claim.tolerance *= factor;
  }
}

/** Pins of things no scenario has any more go (a pin of a quantity some scenario has stays). */
function dropDeadPins(workspace: Workspace): void {
  const pins = workspace.presentation?.pins;
  if (!pins) return;
  const alive = (ref: QuantityRef): boolean =>
    workspace.scenarios.some(({ model }) => {
      switch (ref.kind) {
        case 'baseSize':
        case 'baseGrowth':
          return true;
        case 'driverImpact':
          return model.drivers.some((d) => d.id === ref.driverId);
        case 'memberShare':
        case 'memberGrowthDelta':
          return findMember(model, ref.path) !== undefined;
      }
    });
  for (let i = pins.length - 1; i >= 0; i--) if (!alive(pins[i]!)) pins.splice(i, 1);
}
