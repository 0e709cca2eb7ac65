/**
 * The assumptions that differ between scenarios (DESIGN.md §6, Compare: "the list of assumptions
 * that differ"): every number or setting a user can assume whose value is not the same in all the
 * scenarios compared, with a person's name for it and its value in each scenario.
 *
 * What is compared, in model order: base year, end year, unit, base size, trend growth, then each
 * driver (impact, its range, enabled, start year, ramp years), then each dimension's members at any
 * depth (share, its range, growth premium, its range). Ranges are compared whole (low, high and
 * distribution). Not compared: names, sources and notes (words, not assumptions), and the
 * simulation's sample count and seed (settings of the computation, not of the market).
 *
 * A driver or member that some scenarios lack shows that on its main row (impact, share), with no
 * value in those scenarios; its other rows (ranges, switch, timing, premium) are listed only when
 * the scenarios that have it disagree on them.
 *
 * Drivers, dimensions and members are matched by id. Their order is the first scenario's, with
 * what only a later scenario has placed after the item it follows there (so a member added in the
 * second scenario sits beside its siblings, not at the end of the list).
 *
 * Optional fields are compared as the engine reads them, i.e. with their defaults: a member without
 * a growth premium has premium 0, a driver without `rampYears` ramps over 1 year, one without
 * `enabled` is enabled. The start year is the exception: its default is relative ("the year after
 * the base year"), so it is compared as written — two drivers that both take the default start
 * alike, whatever their base years (the base year row shows that difference) — and shown as the
 * year it resolves to, with `defaults` marking the scenarios that take the default.
 */
import { driverEnabled, driverRampYears, driverStartYear } from './defaults';
import type { Quantity, Range } from './quantity';
import { LIST_PATH_SEPARATOR, quantityKey, quantityKind, quantityLabel, type QuantityKind, type QuantityRef } from './quantityRef';
import type { Dimension, Driver, Member, Model } from './types';

/** How a value is shown: quantities by their kind; years, counts, words and switches as such. */
export type AssumptionKind = QuantityKind | 'year' | 'count' | 'text' | 'flag';

/** Which part of an assumption a row compares. */
export type AssumptionField = 'value' | 'range' | 'baseYear' | 'endYear' | 'unit' | 'enabled' | 'startYear' | 'rampYears';

/**
 * A value in one scenario: a number (in the model's unit for sizes, a fraction for rates and
 * shares), a word, a switch, a range, `null` for a quantity present without a range, and
 * `undefined` where the scenario lacks the driver or member altogether.
 */
export type AssumptionValue = number | string | boolean | Range | null | undefined;

export interface AssumptionDiff {
  /** Stable and unique within one diff: React keys, test ids. */
  key: string;
  /** A person's name, e.g. "Europe share", "Trend growth range", "Regulatory hurdles start year". */
  label: string;
  /** Where the assumption sits, for context: "Drivers", "Region › Asia-Pacific"; absent for the model's own. */
  group?: string;
  kind: AssumptionKind;
  field: AssumptionField;
  /** The quantity the row is about (value and range rows), for formatting and linking to its slider. */
  ref?: QuantityRef;
  /** One per scenario, in the order given. */
  values: AssumptionValue[];
  /** Start-year rows: true where the scenario takes the default (the year after its base year). */
  defaults?: boolean[];
}

export interface DiffInput {
  id: string;
  name: string;
  model: Model;
}

function sameRange(a: Range, b: Range): boolean {
  return a.low === b.low && a.high === b.high && a.dist === b.dist;
}

function sameValue(a: AssumptionValue, b: AssumptionValue): boolean {
  if (a === b) return true;
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') return sameRange(a, b);
  return false;
}

function allSame(values: readonly AssumptionValue[]): boolean {
  return values.every((v) => sameValue(v, values[0]));
}

/** Ids in first-seen order; an id only a later list has goes right after its predecessor there. */
function unionIds<T extends { id: string }>(lists: readonly (readonly T[] | undefined)[]): string[] {
  const order: string[] = [];
  for (const list of lists) {
    if (!list) continue;
    let insertAt = 0;
    for (const item of list) {
      const at = order.indexOf(item.id);
      if (at >= 0) {
        insertAt = at + 1;
      } else {
        order.splice(insertAt, 0, item.id);
        insertAt += 1;
      }
    }
  }
  return order;
}

export function diffAssumptions(models: readonly DiffInput[]): AssumptionDiff[] {
  const rows: AssumptionDiff[] = [];
  const list = models.map((m) => m.model);
  if (list.length < 2) return rows;

  const add = (row: Omit<AssumptionDiff, 'values'>, values: AssumptionValue[], compare: readonly AssumptionValue[] = values): void => {
    if (!allSame(compare)) rows.push({ ...row, values });
  };
  /**
   * A detail of a driver or member (a range, a switch, a premium): listed only when the scenarios
   * that have the item disagree on it. That a scenario lacks the item is already said by the item's
   * main row (impact, share); repeating it on every detail would bury the real differences.
   */
  const addDetail = (row: Omit<AssumptionDiff, 'values'>, values: AssumptionValue[], compare: readonly AssumptionValue[] = values): void => {
    const present = compare.filter((v) => v !== undefined);
    if (!allSame(present)) rows.push({ ...row, values });
  };
  /**
   * Value and range rows of a quantity that some models may lack (`present` false). `main`: the
   * value row also says which scenarios lack the item (a driver's impact, a member's share);
   * otherwise both rows are details (see `addDetail`).
   */
  const addQuantity: AddQuantity = (label, group, ref, quantities, present, options = {}) => {
    const key = quantityKey(ref);
    const kind = quantityKind(ref);
    const values = quantities.map((q, i) => (present[i] ? (q?.value ?? options.defaultValue) : undefined));
    (options.main ? add : addDetail)({ key: `${key}:value`, label, group, kind, field: 'value', ref }, values);
    const ranges = quantities.map((q, i) => (present[i] ? (q?.range ?? null) : undefined));
    addDetail({ key: `${key}:range`, label: `${label} range`, group, kind, field: 'range', ref }, ranges);
  };

  add({ key: 'baseYear', label: 'Base year', kind: 'year', field: 'baseYear' }, list.map((m) => m.baseYear));
  add({ key: 'endYear', label: 'End year', kind: 'year', field: 'endYear' }, list.map((m) => m.endYear));
  add({ key: 'unit', label: 'Unit', kind: 'text', field: 'unit' }, list.map((m) => m.unit));

  const all = list.map(() => true);
  // quantityLabel names the base size after its base year, which is one of the things that may
  // differ: a neutral name here.
  addQuantity('Market size in the base year', undefined, { kind: 'baseSize' }, list.map((m) => m.baseSize), all, { main: true });
  addQuantity(quantityLabel(list[0]!, { kind: 'baseGrowth' }), undefined, { kind: 'baseGrowth' }, list.map((m) => m.baseGrowth), all, { main: true });

  for (const id of unionIds(list.map((m) => m.drivers))) {
    const drivers: (Driver | undefined)[] = list.map((m) => m.drivers.find((d) => d.id === id));
    const present = drivers.map((d) => d !== undefined);
    const owner = list[present.indexOf(true)]!;
    const name = quantityLabel(owner, { kind: 'driverImpact', driverId: id });
    const group = 'Drivers';
    addQuantity(`${name} impact`, group, { kind: 'driverImpact', driverId: id }, drivers.map((d) => d?.impact), present, { main: true });
    addDetail(
      { key: `driver:${id}:enabled`, label: `${name} switched on`, group, kind: 'flag', field: 'enabled' },
      drivers.map((d) => (d ? driverEnabled(d) : undefined)),
    );
    addDetail(
      { key: `driver:${id}:startYear`, label: `${name} start year`, group, kind: 'year', field: 'startYear', defaults: drivers.map((d) => d !== undefined && d.startYear === undefined) },
      drivers.map((d, i) => (d ? driverStartYear(d, list[i]!) : undefined)),
      // As written: `undefined` (the default) equals `undefined` whatever the base years.
      drivers.map((d) => (d ? (d.startYear ?? 'default') : undefined)),
    );
    addDetail(
      { key: `driver:${id}:rampYears`, label: `${name} ramp years`, group, kind: 'count', field: 'rampYears' },
      drivers.map((d) => (d ? driverRampYears(d) : undefined)),
    );
  }

  for (const dimensionId of unionIds(list.map((m) => m.dimensions))) {
    const dimensions: (Dimension | undefined)[] = list.map((m) => m.dimensions.find((d) => d.id === dimensionId));
    const dimensionName = dimensions.find((d) => d !== undefined)?.name ?? dimensionId;
    diffMembers(list, [dimensionId], dimensionName, dimensions.map((d) => d?.members), addQuantity);
  }
  return rows;
}

type AddQuantity = (
  label: string,
  group: string | undefined,
  ref: QuantityRef,
  quantities: readonly (Quantity | undefined)[],
  present: readonly boolean[],
  options?: { main?: boolean; defaultValue?: number },
) => void;

/** Depth first: a member's own rows, then its children's. */
function diffMembers(
  models: readonly Model[],
  parentPath: readonly string[],
  group: string,
  lists: readonly (readonly Member[] | undefined)[],
  addQuantity: AddQuantity,
): void {
  for (const id of unionIds(lists)) {
    const members = lists.map((l) => l?.find((m) => m.id === id));
    const present = members.map((m) => m !== undefined);
    const path = [...parentPath, id];
    const owner = models[present.indexOf(true)]!;
    addQuantity(quantityLabel(owner, { kind: 'memberShare', path }), group, { kind: 'memberShare', path }, members.map((m) => m?.share), present, { main: true });
    addQuantity(
      quantityLabel(owner, { kind: 'memberGrowthDelta', path }),
      group,
      { kind: 'memberGrowthDelta', path },
      members.map((m) => m?.growthDelta),
      present,
      // Absent premium = 0 (src/model/defaults.ts); its range stays absent (null).
      { defaultValue: 0 },
    );
    const name = members.find((m) => m !== undefined)?.name ?? id;
    if (members.some((m) => m?.children !== undefined)) {
      diffMembers(models, path, `${group}${LIST_PATH_SEPARATOR}${name}`, members.map((m) => m?.children), addQuantity);
    }
  }
}
