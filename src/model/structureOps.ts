/**
 * Editing the structure of a model (DESIGN.md §6, "Structure editing"): dimensions, members and
 * their nested children, drivers, the years, the unit, and the words (source, note) on any
 * quantity.
 *
 * Every operation works on a model in place — a plain object or an immer draft — and returns a
 * message in plain words naming the thing when it cannot be done, or undefined when it was done
 * (or had nothing to do). An operation that refuses changes nothing: every check runs before the
 * first write, so a refused edit never leaves half a change behind in the store.
 *
 * What every operation keeps true, so the model always passes the file's validation:
 * - the shares of every list sum to 1. A new member takes its share from its siblings the way a
 *   share slider does (DESIGN.md §3): the unlocked siblings give it up in proportion to their
 *   shares; a removed member's share goes back to its unlocked siblings in proportion. Locked
 *   members never move; when they leave no room, the operation says so and does nothing;
 * - a list is never empty: the last member of a list cannot be removed (a dimension goes as a
 *   whole, a breakdown with `removeChildren`);
 * - names are not empty, at most 200 characters, and unique within their list (case and spacing
 *   ignored: "North America" and "north  america" are the same name to a reader);
 * - ids come from names (`slugify`), unique within their list, and never change afterwards: a
 *   rename keeps the id, so scenarios, claims and pins that refer to the thing still find it;
 * - the limits of the file format (`WORKSPACE_LIMITS`): members per list and per model, nesting
 *   depth, dimensions, drivers, years.
 *
 * Years and drivers' start years: a driver's explicit `startYear` is a calendar fact ("approvals
 * from 2027") and is kept as written when the years change, even outside the new horizon — the
 * engine reads a start before the base year as a driver already acting (partly ramped), and one
 * after the end year as a driver that does not act yet. Nothing is lost, and changing the years
 * back restores the same forecast. `driversStartingOutside` lists such drivers so the screen can
 * say so. A driver without a `startYear` starts the year after the base year, wherever that is.
 */
import { percentForMessage, formatCount } from './messageValue';
import { idPool, uniqueId } from './ids';
import { unitConversion } from './unit';
import { carryShareRange, rebalanceShares, splitInProportion } from './rebalanceShares';
import { rangePushedTo } from './quantity';
import { editableQuantity, findDimension, findMember, findMemberList, getQuantity, type QuantityRef } from './quantityRef';
import type { Dimension, Driver, Member, Model } from './types';
import { longTextProblem, WORKSPACE_LIMITS as LIMITS } from './workspaceLimits';
import { checkLabel, checkName, nameKey, sameName } from './names';

/** A message saying why the operation was refused, or undefined when it was done. */
export type OpResult = string | undefined;

/** A share this small is rounding: a new member may take it even when every sibling is locked, and a removed one may take it along. */
const ROUNDING = 1e-9;

// ——— Names ——————————————————————————————————————————————————————————————————————————————————————

function quoted(name: string): string {
  return `“${name}”`;
}


// ——— Finding things —————————————————————————————————————————————————————————————————————————————

/**
 * The list of members under `parentPath`: a dimension's members (`[dimensionId]`) or a member's
 * children (`[dimensionId, memberId, …]`, undefined `list` when the member has no breakdown yet).
 */
interface ListSite {
  /** For messages: the dimension's or the parent member's name. */
  ownerName: string;
  /** The member whose children the list is; undefined for a dimension's own members. */
  parent: Member | undefined;
  list: Member[] | undefined;
  /** Level of the list's members: 1 for a dimension's members. */
  level: number;
}

function listSite(model: Model, parentPath: readonly string[]): ListSite | undefined {
  const [dimensionId] = parentPath;
  if (dimensionId === undefined) return undefined;
  if (parentPath.length === 1) {
    const dimension = findDimension(model, dimensionId);
    return dimension ? { ownerName: dimension.name, parent: undefined, list: dimension.members, level: 1 } : undefined;
  }
  const parent = findMember(model, parentPath);
  if (!parent) return undefined;
  return { ownerName: parent.name, parent, list: parent.children, level: parentPath.length };
}

function countMembers(members: readonly Member[] | undefined): number {
  if (!members) return 0;
  let count = 0;
  for (const member of members) count += 1 + countMembers(member.children);
  return count;
}

export function membersInModel(model: Model): number {
  return model.dimensions.reduce((sum, d) => sum + countMembers(d.members), 0);
}

function describeMissing(path: readonly string[]): string {
  return path.length <= 1 ? 'That dimension no longer exists' : 'That member no longer exists';
}

// ——— Shares —————————————————————————————————————————————————————————————————————————————————————

/**
 * Sets a share's value, keeping its range around it (a share's range lives inside [0, 1]): a share
 * set directly pushes an end it passes along (`rangePushedTo`); one the rebalancing moved carries
 * its range with it (`carryShareRange`).
 */
function writeShare(member: Member, value: number, carried: boolean): void {
  const next = value === 0 ? 0 : value; // never -0 (JSON cannot tell it from 0)
  const before = member.share.value;
  if (before === next) return;
  member.share.value = next;
  const range = member.share.range;
  if (range) member.share.range = carried ? carryShareRange(range, before, next) : rangePushedTo(range, next);
}

/**
 * Writes `shares` (from `rebalanceShares` or `splitInProportion`, which keep the sum at 1) into
 * `list`, in order, as values set directly: each share's range widens to keep its value inside.
 */
export function writeShares(list: readonly Member[], shares: readonly number[]): void {
  // Arithmetic can land a hair outside [0, 1] (0.147 + 0.853 = 1.0000000000000002).
  list.forEach((member, i) => writeShare(member, Math.min(1, Math.max(0, shares[i]!)), false));
}

/**
 * Writes shares that `rebalanceShares` gave after the member at `set` was set (undefined: none
 * was, a member was taken out): that member's range widens to keep its value, and every sibling the
 * rebalancing moved carries its range along with its value.
 */
export function writeRebalancedShares(list: readonly Member[], shares: readonly number[], set: number | undefined): void {
  list.forEach((member, i) => writeShare(member, Math.min(1, Math.max(0, shares[i]!)), i !== set));
}

/** One flag per member of `list`: is it locked. What `rebalanceShares` takes. */
function lockFlags(list: readonly Member[], locked: readonly string[]): boolean[] {
  const ids = new Set(locked);
  return list.map((m) => ids.has(m.id));
}

// ——— Members ————————————————————————————————————————————————————————————————————————————————————

export interface NewMember {
  name: string;
  /** Its share of the list, a fraction; default 1 / (n + 1) for a list of n. The first member of a list takes 1. */
  share?: number;
  /** Default: from the name, unique in the list. */
  id?: string;
}

/**
 * Adds a member at the end of the list under `parentPath` (a dimension, or a member: then the new
 * member is part of its breakdown, which this starts when the member has none). The new member's
 * share comes from its unlocked siblings, in proportion to theirs.
 */
export function addMember(model: Model, parentPath: readonly string[], member: NewMember, locked: readonly string[] = []): OpResult {
  const site = listSite(model, parentPath);
  if (!site) return describeMissing(parentPath);
  const checked = checkName(member.name, 'A member');
  if ('error' in checked) return checked.error;
  const { name } = checked;
  const list = site.list ?? [];
  if (site.level > LIMITS.memberLevels) {
    return `Members nest at most ${LIMITS.memberLevels} levels deep: ${quoted(site.ownerName)} cannot have a breakdown`;
  }
  if (list.some((m) => sameName(m.name, name))) return `${site.ownerName} already has a member called ${quoted(name)}`;
  if (list.length >= LIMITS.membersPerList) return `${site.ownerName} already has ${LIMITS.membersPerList} members, the most a list can hold`;
  if (membersInModel(model) >= LIMITS.membersPerModel) return `The model already has ${formatCount(LIMITS.membersPerModel)} members, the most it can hold`;
  const id = member.id ?? uniqueId(name, list.map((m) => m.id));
  if (list.some((m) => m.id === id)) return `${site.ownerName} already has a member with the id "${id}"`;

  if (list.length === 0) {
    // The first member of a list is all of it.
    const first: Member = { id, name, share: { value: 1 } };
    if (site.parent) site.parent.children = [first];
    else list.push(first);
    return undefined;
  }

  const target = member.share ?? 1 / (list.length + 1);
  if (!Number.isFinite(target) || target < 0 || target > 1) return 'A share must be between 0% and 100%';
  const flags = lockFlags(list, locked);
  const lockedSum = list.reduce((sum, m, i) => sum + (flags[i] ? m.share.value : 0), 0);
  const available = Math.max(0, 1 - lockedSum);
  if (target > available + ROUNDING) {
    return flags.every(Boolean)
      ? `There is no room for ${quoted(name)}: every other member of ${site.ownerName} is locked. Unlock one, or give ${quoted(name)} a share of 0%`
      : `${quoted(name)} can have at most ${percentForMessage(available)}: the locked members of ${site.ownerName} hold ${percentForMessage(lockedSum)}`;
  }

  // The new member joins at 0% and its share is set as a slider would set it.
  const { shares } = rebalanceShares([...list.map((m) => m.share.value), 0], [...flags, false], list.length, target);
  list.push({ id, name, share: { value: 0 } });
  writeRebalancedShares(list, shares, list.length - 1);
  return undefined;
}

export function renameMember(model: Model, path: readonly string[], name: string): OpResult {
  const found = findMemberList(model, path);
  if (!found) return describeMissing(path);
  const checked = checkName(name, 'A member');
  if ('error' in checked) return checked.error;
  const member = found.list[found.index]!;
  const owner = listSite(model, path.slice(0, -1))?.ownerName ?? 'The list';
  if (found.list.some((m, i) => i !== found.index && sameName(m.name, checked.name))) {
    return `${owner} already has a member called ${quoted(checked.name)}`;
  }
  member.name = checked.name;
  return undefined;
}

/** Moves a member `offset` places up (negative) or down its list; at either end it stays. */
export function moveMember(model: Model, path: readonly string[], offset: number): OpResult {
  const found = findMemberList(model, path);
  if (!found) return describeMissing(path);
  moveWithin(found.list, found.index, offset);
  return undefined;
}

/** Removes a member (and its breakdown); its share goes back to its unlocked siblings, in proportion. */
export function removeMember(model: Model, path: readonly string[], locked: readonly string[] = []): OpResult {
  const found = findMemberList(model, path);
  if (!found) return describeMissing(path);
  const { list, index } = found;
  const member = list[index]!;
  const site = listSite(model, path.slice(0, -1));
  const owner = site?.ownerName ?? 'its list';
  if (list.length === 1) {
    return path.length === 2
      ? `${quoted(member.name)} is the only member of ${owner}: a dimension needs at least one. Remove the dimension instead`
      : `${quoted(member.name)} is the only part of ${owner}: remove ${owner}’s breakdown instead`;
  }
  const flags = lockFlags(list, locked);
  if (member.share.value > ROUNDING && flags.every((isLocked, i) => isLocked || i === index)) {
    return `${quoted(member.name)}’s ${percentForMessage(member.share.value)} cannot go back to the other members of ${owner}: they are all locked. Unlock one first`;
  }
  // Its share goes to 0 as a slider would take it there, and then it goes. (With every sibling
  // locked, a share within the rounding simply goes with it.)
  const { shares } = rebalanceShares(list.map((m) => m.share.value), flags, index, 0);
  shares.splice(index, 1);
  list.splice(index, 1);
  writeRebalancedShares(list, shares, undefined);
  return undefined;
}

/** Gives a member a breakdown: children with the given names and equal shares. */
export function addChildren(model: Model, path: readonly string[], names: readonly string[], ids?: readonly string[]): OpResult {
  const member = findMember(model, path);
  if (!member) return describeMissing(path);
  if (member.children && member.children.length > 0) {
    return `${quoted(member.name)} already has a breakdown: add members to it one by one`;
  }
  if (path.length > LIMITS.memberLevels) {
    return `Members nest at most ${LIMITS.memberLevels} levels deep: ${quoted(member.name)} cannot have a breakdown`;
  }
  const built = buildMembers(names, `the breakdown of ${quoted(member.name)}`, ids);
  if ('error' in built) return built.error;
  if (membersInModel(model) + built.members.length > LIMITS.membersPerModel) {
    return `A model can hold at most ${formatCount(LIMITS.membersPerModel)} members`;
  }
  member.children = built.members;
  return undefined;
}

/** Removes a member's whole breakdown; the member keeps its own share. */
export function removeChildren(model: Model, path: readonly string[]): OpResult {
  const member = findMember(model, path);
  if (!member) return describeMissing(path);
  if (!member.children) return `${quoted(member.name)} has no breakdown to remove`;
  delete member.children;
  return undefined;
}

/** Members with the given names and equal shares, or why not. */
function buildMembers(names: readonly string[], where: string, ids?: readonly string[]): { members: Member[] } | { error: string } {
  if (names.length > LIMITS.membersPerList) return { error: `A list can hold at most ${LIMITS.membersPerList} members` };
  const cleaned: string[] = [];
  const seen = new Set<string>();
  for (const raw of names) {
    const checked = checkName(raw, 'A member');
    if ('error' in checked) return { error: checked.error };
    const key = nameKey(checked.name);
    if (seen.has(key)) return { error: `${quoted(checked.name)} is named twice in ${where}` };
    seen.add(key);
    cleaned.push(checked.name);
  }
  if (cleaned.length === 0) return { error: `Name at least one member of ${where}` };
  const taken = idPool([]);
  const members = cleaned.map((name, i): Member => {
    const given = ids?.[i];
    let id: string;
    if (given !== undefined && !taken.has(given)) {
      id = given;
      taken.add(given);
    } else id = taken.take(name);
    return { id, name, share: { value: 1 / cleaned.length } };
  });
  return { members };
}

// ——— Dimensions —————————————————————————————————————————————————————————————————————————————————

/** Adds a dimension with the given members, in equal shares, after the others. */
export function addDimension(
  model: Model,
  name: string,
  memberNames: readonly string[],
  ids: { id?: string; memberIds?: readonly string[] } = {},
): OpResult {
  const checked = checkName(name, 'A dimension');
  if ('error' in checked) return checked.error;
  if (model.dimensions.some((d) => sameName(d.name, checked.name))) return `There is already a dimension called ${quoted(checked.name)}`;
  if (model.dimensions.length >= LIMITS.dimensionsPerModel) return `A model can have at most ${LIMITS.dimensionsPerModel} dimensions`;
  const built = buildMembers(memberNames, quoted(checked.name), ids.memberIds);
  if ('error' in built) {
    return memberNames.length === 0 ? `A dimension needs at least one member: name the members of ${quoted(checked.name)}` : built.error;
  }
  if (membersInModel(model) + built.members.length > LIMITS.membersPerModel) {
    return `A model can hold at most ${formatCount(LIMITS.membersPerModel)} members`;
  }
  const id = ids.id ?? uniqueId(checked.name, model.dimensions.map((d) => d.id));
  if (model.dimensions.some((d) => d.id === id)) return `There is already a dimension with the id "${id}"`;
  const dimension: Dimension = { id, name: checked.name, members: built.members };
  model.dimensions.push(dimension);
  return undefined;
}

export function renameDimension(model: Model, dimensionId: string, name: string): OpResult {
  const dimension = findDimension(model, dimensionId);
  if (!dimension) return describeMissing([dimensionId]);
  const checked = checkName(name, 'A dimension');
  if ('error' in checked) return checked.error;
  if (model.dimensions.some((d) => d.id !== dimensionId && sameName(d.name, checked.name))) {
    return `There is already a dimension called ${quoted(checked.name)}`;
  }
  dimension.name = checked.name;
  return undefined;
}

export function moveDimension(model: Model, dimensionId: string, offset: number): OpResult {
  const index = model.dimensions.findIndex((d) => d.id === dimensionId);
  if (index < 0) return describeMissing([dimensionId]);
  moveWithin(model.dimensions, index, offset);
  return undefined;
}

/** Removes a dimension with all its members. The total is unchanged: a dimension only splits it. */
export function removeDimension(model: Model, dimensionId: string): OpResult {
  const index = model.dimensions.findIndex((d) => d.id === dimensionId);
  if (index < 0) return describeMissing([dimensionId]);
  model.dimensions.splice(index, 1);
  return undefined;
}

// ——— Drivers ————————————————————————————————————————————————————————————————————————————————————

export interface NewDriver {
  name: string;
  /** Fraction per year, signed; default 0. */
  impact?: number;
  /** Default: from the name, unique among the drivers. */
  id?: string;
}

export function addDriver(model: Model, driver: NewDriver): OpResult {
  const checked = checkName(driver.name, 'A driver');
  if ('error' in checked) return checked.error;
  if (model.drivers.some((d) => sameName(d.name, checked.name))) return `There is already a driver called ${quoted(checked.name)}`;
  if (model.drivers.length >= LIMITS.driversPerModel) return `A model can have at most ${LIMITS.driversPerModel} drivers`;
  const impact = driver.impact ?? 0;
  if (!Number.isFinite(impact) || impact < LIMITS.lowestRate || impact > LIMITS.highestRate) {
    return 'A driver’s impact must be between −100% and +1,000% a year';
  }
  const id = driver.id ?? uniqueId(checked.name, model.drivers.map((d) => d.id));
  if (model.drivers.some((d) => d.id === id)) return `There is already a driver with the id "${id}"`;
  const added: Driver = { id, name: checked.name, impact: { value: impact === 0 ? 0 : impact } };
  model.drivers.push(added);
  return undefined;
}

export function renameDriver(model: Model, driverId: string, name: string): OpResult {
  const driver = model.drivers.find((d) => d.id === driverId);
  if (!driver) return 'That driver no longer exists';
  const checked = checkName(name, 'A driver');
  if ('error' in checked) return checked.error;
  if (model.drivers.some((d) => d.id !== driverId && sameName(d.name, checked.name))) {
    return `There is already a driver called ${quoted(checked.name)}`;
  }
  driver.name = checked.name;
  return undefined;
}

export function moveDriver(model: Model, driverId: string, offset: number): OpResult {
  const index = model.drivers.findIndex((d) => d.id === driverId);
  if (index < 0) return 'That driver no longer exists';
  moveWithin(model.drivers, index, offset);
  return undefined;
}

export function removeDriver(model: Model, driverId: string): OpResult {
  const index = model.drivers.findIndex((d) => d.id === driverId);
  if (index < 0) return 'That driver no longer exists';
  model.drivers.splice(index, 1);
  return undefined;
}

// ——— Years and unit —————————————————————————————————————————————————————————————————————————————

/** Why `baseYear`–`endYear` cannot be a model's years, or undefined when they can. */
export function checkYears(baseYear: number, endYear: number): OpResult {
  const { earliestYear, latestYear, horizonYears } = LIMITS;
  const isYear = (y: number) => Number.isInteger(y) && y >= earliestYear && y <= latestYear;
  if (!isYear(baseYear)) return `The base year must be a whole year between ${earliestYear} and ${latestYear}`;
  if (!isYear(endYear)) return `The end year must be a whole year between ${earliestYear} and ${latestYear}`;
  if (endYear <= baseYear) return `The end year (${endYear}) must be after the base year (${baseYear})`;
  if (endYear - baseYear > horizonYears) {
    return `A model covers at most ${horizonYears} years after its base year: ${baseYear} to ${endYear} is ${endYear - baseYear}`;
  }
  return undefined;
}

/** Sets the base and end year. Drivers' explicit start years are kept as written (see the file comment). */
export function setYears(model: Model, baseYear: number, endYear: number): OpResult {
  const problem = checkYears(baseYear, endYear);
  if (problem) return problem;
  model.baseYear = baseYear;
  model.endYear = endYear;
  return undefined;
}

/** Drivers whose explicit start year lies outside the years they could first act in (base + 1 … end). */
export function driversStartingOutside(model: Pick<Model, 'baseYear' | 'endYear' | 'drivers'>): { driver: Driver; startYear: number; when: 'before' | 'after' }[] {
  const outside: { driver: Driver; startYear: number; when: 'before' | 'after' }[] = [];
  for (const driver of model.drivers) {
    const start = driver.startYear;
    if (start === undefined) continue;
    if (start <= model.baseYear) outside.push({ driver, startYear: start, when: 'before' });
    else if (start > model.endYear) outside.push({ driver, startYear: start, when: 'after' });
  }
  return outside;
}

/**
 * Renames the unit of every size. With `convert`, a base size in a unit `unitConversion` knows is
 * converted with it (17.18 USD bn → 17,180 USD m, its range too); otherwise numbers stay as they
 * are: 17 stays 17.
 */
export function setUnit(model: Model, unit: string, options: { convert?: boolean } = {}): OpResult {
  const checked = checkLabel(unit, { missing: 'The unit needs a name, e.g. USD m, EUR bn or units sold', subject: 'The unit' });
  if ('error' in checked) return checked.error;
  const cleaned = checked.name;
  const factor = options.convert ? unitConversion(model.unit, cleaned) : undefined;
  if (factor !== undefined) {
    const { baseSize } = model;
    const top = Math.max(baseSize.value, baseSize.range?.high ?? 0) * factor;
    if (top > LIMITS.largestSize) return `In ${cleaned} the market size would be beyond ${LIMITS.largestSize.toExponential(0)}`;
    baseSize.value *= factor;
    if (baseSize.range) {
      baseSize.range.low *= factor;
      baseSize.range.high *= factor;
    }
  }
  model.unit = cleaned;
  return undefined;
}

// ——— Words on a quantity ————————————————————————————————————————————————————————————————————————

export interface QuantityText {
  /** The quote or reference the number comes from; empty: none (the number is an assumption). */
  source?: string;
  /** The reasoning or a caveat; empty: none. */
  note?: string;
}

/**
 * Sets the source and/or the note of a quantity (a field left out of `text` is unchanged; an
 * empty text removes the field, so the file stays as small as it was).
 */
export function setQuantityText(model: Model, ref: QuantityRef, text: QuantityText): OpResult {
  const source = text.source === undefined ? undefined : text.source.trim();
  const note = text.note === undefined ? undefined : text.note.trim();
  for (const [what, value] of [['A source', source], ['A note', note]] as const) {
    const problem = value === undefined ? undefined : longTextProblem(what, value);
    if (problem !== undefined) return problem;
  }
  const wantsText = (source ?? '') !== '' || (note ?? '') !== '';
  const existing = getQuantity(model, ref);
  if (!existing && !(ref.kind === 'memberGrowthDelta' && findMember(model, ref.path))) {
    return ref.kind === 'driverImpact' ? 'That driver no longer exists' : 'That member no longer exists';
  }
  // Nothing to write on a premium that was never set.
  if (!existing && !wantsText) return undefined;
  const quantity = editableQuantity(model, ref)!;
  if (source !== undefined) {
    if (source === '') delete quantity.source;
    else quantity.source = source;
  }
  if (note !== undefined) {
    if (note === '') delete quantity.note;
    else quantity.note = note;
  }
  return undefined;
}

// ——— Shares of a whole list at once (an import) —————————————————————————————————————————————————

export interface ListShareEntry {
  /** The member's id: an existing member, or the id a created one gets. */
  id: string;
  name: string;
  /** A fraction; the entries of one list sum to 1. */
  share: number;
  /** Create the member when the list does not have it (otherwise that is an error). */
  create?: boolean;
}

/**
 * Sets the shares of the whole list under `parentPath`: each entry's member gets its share,
 * members the entries do not name get 0, and members marked `create` are added (at the end, in
 * the entries' order). The list under a member without a breakdown is created.
 */
export function setListShares(model: Model, parentPath: readonly string[], entries: readonly ListShareEntry[]): OpResult {
  const site = listSite(model, parentPath);
  if (!site) return parentPath.length <= 1 ? 'That dimension no longer exists' : 'That member no longer exists';
  if (entries.length === 0) return `No shares given for ${site.ownerName}`;
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) return `${quoted(entry.name)} is given twice for ${site.ownerName}`;
    seen.add(entry.id);
  }
  const sum = entries.reduce((total, e) => total + e.share, 0);
  if (entries.some((e) => !Number.isFinite(e.share) || e.share < 0 || e.share > 1)) return 'A share must be between 0% and 100%';
  if (Math.abs(sum - 1) > 1e-6) return `The shares given for ${site.ownerName} sum to ${percentForMessage(sum)}, not 100%`;
  const list = site.list ?? [];
  const created: Member[] = [];
  // Sets, not searches: an import gives up to hundreds of entries at once.
  const listIds = new Set(list.map((m) => m.id));
  const names = new Set(list.map((m) => nameKey(m.name)));
  for (const entry of entries) {
    if (listIds.has(entry.id)) continue;
    if (!entry.create) return `${site.ownerName} has no member ${quoted(entry.name)}`;
    const checked = checkName(entry.name, 'A member');
    if ('error' in checked) return checked.error;
    const key = nameKey(checked.name);
    if (names.has(key)) return `${site.ownerName} already has a member called ${quoted(checked.name)}`;
    names.add(key);
    created.push({ id: entry.id, name: checked.name, share: { value: 0 } });
  }
  if (created.length > 0 && site.level > LIMITS.memberLevels) {
    return `Members nest at most ${LIMITS.memberLevels} levels deep: ${quoted(site.ownerName)} cannot have a breakdown`;
  }
  if (list.length + created.length > LIMITS.membersPerList) return `A list can hold at most ${LIMITS.membersPerList} members`;
  if (membersInModel(model) + created.length > LIMITS.membersPerModel) {
    return `A model can hold at most ${formatCount(LIMITS.membersPerModel)} members`;
  }

  if (!site.list && site.parent) site.parent.children = [];
  // Read through the owner: a list just assigned to an immer draft is reached through its parent.
  const members = site.parent ? site.parent.children! : list;
  members.push(...created);
  // The entries sum to 1 within the check above; what rounding is left is split like any share.
  const given = splitInProportion(entries.map((e) => e.share), 1);
  const byId = new Map(entries.map((e, i) => [e.id, given[i]!] as const));
  writeShares(members, members.map((m) => byId.get(m.id) ?? 0));
  return undefined;
}

// ——— Helpers ————————————————————————————————————————————————————————————————————————————————————

function moveWithin<T>(list: T[], from: number, offset: number): void {
  const to = Math.max(0, Math.min(list.length - 1, from + Math.trunc(offset)));
  if (to === from) return;
  const [moved] = list.splice(from, 1);
  list.splice(to, 0, moved!);
}
