/**
 * An address for every quantity a user can assume in a model, so that sliders, resets, pins,
 * sensitivity and goal seek can all name "this number" the same way.
 *
 * Member paths are `[dimensionId, memberId, childId, …]`.
 */
import type { Dimension, Member, Model } from './types';
import type { Quantity, RangeEnd } from './quantity';
import { WORKSPACE_LIMITS as LIMITS } from './workspaceLimits';

export type QuantityRef =
  | { kind: 'baseSize' }
  | { kind: 'baseGrowth' }
  | { kind: 'driverImpact'; driverId: string }
  | { kind: 'memberShare'; path: string[] }
  | { kind: 'memberGrowthDelta'; path: string[] };

/** How a quantity is shown and bounded: sizes in the model's unit, rates and shares as percents. */
export type QuantityKind = 'size' | 'rate' | 'share';

export function quantityKind(ref: QuantityRef): QuantityKind {
  switch (ref.kind) {
    case 'baseSize':
      return 'size';
    case 'memberShare':
      return 'share';
    case 'baseGrowth':
    case 'driverImpact':
    case 'memberGrowthDelta':
      return 'rate';
  }
}

/**
 * The numbers a quantity of a kind may hold, its value and its range's ends alike (the file
 * format's bounds, src/model/workspaceSchema.ts): a share within [0, 1], a rate within
 * [−100%, 1,000%] a year, a size of 0 or more.
 */
export function quantityBounds(kind: QuantityKind): { min: number; max: number } {
  switch (kind) {
    case 'share':
      return { min: 0, max: 1 };
    case 'rate':
      return { min: LIMITS.lowestRate, max: LIMITS.highestRate };
    case 'size':
      return { min: 0, max: LIMITS.largestSize };
  }
}

/** Every quantity of a model, in model order: market size, trend growth, drivers, then each member's share and premium, depth first. */
export function quantityRefs(model: Model): QuantityRef[] {
  const refs: QuantityRef[] = [{ kind: 'baseSize' }, { kind: 'baseGrowth' }];
  for (const driver of model.drivers) refs.push({ kind: 'driverImpact', driverId: driver.id });
  const visit = (members: readonly Member[], parent: readonly string[]): void => {
    for (const member of members) {
      const path = [...parent, member.id];
      refs.push({ kind: 'memberShare', path });
      if (member.growthDelta) refs.push({ kind: 'memberGrowthDelta', path });
      visit(member.children ?? [], path);
    }
  };
  for (const dimension of model.dimensions) visit(dimension.members, [dimension.id]);
  return refs;
}

/**
 * A ref as text, the one rule for it: `baseSize`, `baseGrowth`, `driver:<id>`,
 * `share:<dimension>/<member>[/<child>]`, `growthDelta:<dimension>/<member>[/<child>]` — the
 * command line's quantity addresses (parsed back by src/model/quantityAddress.ts), and the key
 * of React lists, pins, edits and the rows of a scenario diff.
 */
export function quantityKey(ref: QuantityRef): string {
  switch (ref.kind) {
    case 'baseSize':
    case 'baseGrowth':
      return ref.kind;
    case 'driverImpact':
      return `driver:${ref.driverId}`;
    case 'memberShare':
      return `share:${ref.path.join('/')}`;
    case 'memberGrowthDelta':
      return `growthDelta:${ref.path.join('/')}`;
  }
}

/** What finding a member reads of a model: its dimensions alone, all a caller may need to hold. */
export type MemberSource = Pick<Model, 'dimensions'>;

export function findDimension(model: MemberSource, dimensionId: string): Dimension | undefined {
  return model.dimensions.find((d) => d.id === dimensionId);
}

/** The list a member path points into, and the member's index in it. */
export function findMemberList(model: MemberSource, path: readonly string[]): { list: Member[]; index: number } | undefined {
  const [dimensionId, ...memberIds] = path;
  const dimension = dimensionId === undefined ? undefined : findDimension(model, dimensionId);
  if (!dimension || memberIds.length === 0) return undefined;
  let list = dimension.members;
  for (let depth = 0; depth < memberIds.length; depth++) {
    const index = list.findIndex((m) => m.id === memberIds[depth]);
    if (index < 0) return undefined;
    if (depth === memberIds.length - 1) return { list, index };
    const children = list[index]!.children;
    if (!children) return undefined;
    list = children;
  }
  return undefined;
}

export function findMember(model: MemberSource, path: readonly string[]): Member | undefined {
  const found = findMemberList(model, path);
  return found ? found.list[found.index] : undefined;
}

/**
 * The part of the model that holds everything about `ref` — its value, range, name and list: a
 * member's dimension, the drivers for a driver, the model itself for the market's two numbers
 * (their names read the base year). Edits are immutable (immer), so while this part is the same
 * object, nothing read about the quantity can have changed: the assumptions panel skips its work
 * for the 500 quantities an edit elsewhere leaves alone. Undefined when the dimension is gone.
 */
export function quantityScope(model: Model, ref: QuantityRef): object | undefined {
  switch (ref.kind) {
    case 'baseSize':
    case 'baseGrowth':
      return model;
    case 'driverImpact':
      return model.drivers;
    case 'memberShare':
    case 'memberGrowthDelta':
      return ref.path[0] === undefined ? undefined : findDimension(model, ref.path[0]);
  }
}

/** The quantity a ref points at, or undefined when the model has no such quantity. */
export function getQuantity(model: Model, ref: QuantityRef): Quantity | undefined {
  switch (ref.kind) {
    case 'baseSize':
      return model.baseSize;
    case 'baseGrowth':
      return model.baseGrowth;
    case 'driverImpact':
      return model.drivers.find((d) => d.id === ref.driverId)?.impact;
    case 'memberShare':
      return findMember(model, ref.path)?.share;
    case 'memberGrowthDelta':
      return findMember(model, ref.path)?.growthDelta;
  }
}

/**
 * The quantity `ref` points at, for an edit: a member's growth premium that was never set is
 * written out at its default of 0 first, so that it can be set (mutates `model`: for drafts).
 */
export function editableQuantity(model: Model, ref: QuantityRef): Quantity | undefined {
  if (ref.kind === 'memberGrowthDelta') {
    const member = findMember(model, ref.path);
    if (member && !member.growthDelta) member.growthDelta = { value: 0 };
  }
  return getQuantity(model, ref);
}

/** How the lists of a nested breakdown are joined in a name: "Region › North America". */
export const LIST_PATH_SEPARATOR = ' › ';

/**
 * The name of a list of members: its dimension, then each member above it — "Region",
 * "Region › North America". Ids stand in for names the model does not have.
 */
export function memberListName(model: MemberSource, parentPath: readonly string[]): string {
  const [dimensionId, ...memberIds] = parentPath;
  const names = [findDimension(model, dimensionId ?? '')?.name ?? dimensionId ?? ''];
  memberIds.forEach((id, depth) => names.push(findMember(model, parentPath.slice(0, depth + 2))?.name ?? id));
  return names.join(LIST_PATH_SEPARATOR);
}

/**
 * A member's one name, unique in a model, by its list as its numbers are named: "Region: Europe",
 * "Region › North America: United States". What the total chart is titled when it shows a member.
 */
export function memberName(model: MemberSource, path: readonly string[]): string {
  return nameInList(memberListName(model, path.slice(0, -1)), memberLabel(model, path));
}

/** A member's name within its list ("Europe"); its path stands in for a name the model does not have. */
function memberLabel(model: MemberSource, path: readonly string[]): string {
  return findMember(model, path)?.name ?? path.join('/');
}

/**
 * A quantity's one name, unique in a model: what its slider, number box, reset, lock and pin are
 * called, on the assumptions panel, in present mode and in the Structure view. A member's numbers
 * are named by their list, since two lists may each have an "Others": "Region: Others share",
 * "Region › North America: United States share". The market's numbers and the drivers keep their
 * own names ("Trend growth").
 */
export function quantityName(model: Model, ref: QuantityRef): string {
  return nameInList(quantityListName(model, ref), quantityLabel(model, ref));
}

/**
 * The name of one end of a quantity's range, made from its one name: "Trend growth, low",
 * "Region: Europe share, high" — what the range's handles and number boxes are called.
 */
export function rangeEndName(name: string, end: RangeEnd): string {
  return `${name}, ${end}`;
}

/** The list a member's number is named by ("Region › North America"); undefined for the market's numbers and drivers. */
export function quantityListName(model: Model, ref: QuantityRef): string | undefined {
  return ref.kind === 'memberShare' || ref.kind === 'memberGrowthDelta' ? memberListName(model, ref.path.slice(0, -1)) : undefined;
}

/** How a name within a list and the list's name make a quantity's one name: "Region: Others share". */
export const LIST_NAME_SEPARATOR = ': ';

/** `quantityName` from its parts, for a caller that already has them. */
export function nameInList(list: string | undefined, label: string): string {
  return list === undefined ? label : `${list}${LIST_NAME_SEPARATOR}${label}`;
}

/**
 * A quantity's name within its own list, e.g. "Europe share" or "Advances in AI algorithms": what a
 * screen shows under a heading that already names the list. Controls are named by `quantityName`.
 */
export function quantityLabel(model: Model, ref: QuantityRef): string {
  switch (ref.kind) {
    case 'baseSize':
      return `Market size ${model.baseYear}`;
    case 'baseGrowth':
      return 'Trend growth';
    case 'driverImpact':
      return model.drivers.find((d) => d.id === ref.driverId)?.name ?? ref.driverId;
    case 'memberShare':
      return `${memberLabel(model, ref.path)} share`;
    case 'memberGrowthDelta':
      return `${memberLabel(model, ref.path)} growth premium`;
  }
}
