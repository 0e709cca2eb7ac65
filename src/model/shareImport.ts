/**
 * Shares from a CSV file or a range pasted from a spreadsheet, into one dimension of the model:
 * read, matched to members, checked row by row, previewed — and, when every row is right, turned
 * into one structure operation (`setShares`) that the store applies as one undoable edit.
 *
 * The rules, as the screen states them (`SHARE_IMPORT_RULES`):
 * - Rows are `member, share` (a member of the chosen dimension) or `parent, child, share` (a part
 *   of a member's breakdown, at any depth). Cells are separated by tabs (what Excel, Sheets and
 *   Numbers put on the clipboard), by semicolons when the first row has one, otherwise by commas;
 *   "double quotes" protect a separator inside a cell. Blank rows are skipped. A first row whose
 *   share is not a number is a header, unless it names a member. In `parent, child, share` rows an empty parent repeats the
 *   parent of the row above, as spreadsheets show grouped rows.
 * - Shares: `40%`, `40` or `0.4`. Numbers written without % are read as fractions when none of
 *   them is above 1 (0.4 is 40%), otherwise as percents (40 is 40%). A decimal comma is fine in a
 *   tab- or semicolon-separated paste (`40,5%`).
 * - Members are matched by name or id, ignoring case and spacing. One that does not exist is an
 *   error, or, when asked, is created at the end of its list.
 * - A list the paste gives is given whole: its members the paste does not name get 0%. Its shares
 *   must sum to 100%; within half a point (rounding, 33.3 × 3) they are scaled to exactly 100%,
 *   further off only when asked ("Scale each list to 100%").
 *
 * Names from a paste are text: they are compared and stored, never interpreted.
 */
import { percentForMessage, formatCount } from './messageValue';
import { idPool, type IdPool } from '../model/ids';
import { SHARE_SUM_TOLERANCE, splitInProportion } from '../model/rebalanceShares';
import type { Member, Model } from '../model/types';
import { PLAIN_DECIMAL, withPlainMinus } from './typedNumber';
import { membersInModel, type ListShareEntry } from '../model/structureOps';
import { cleanText, nameKey } from '../model/names';
import type { StructureOp } from '../model/structureOpsWorkspace';
import { WORKSPACE_LIMITS } from '../model/workspaceLimits';

export const SHARE_IMPORT_RULES = [
  'One row per member: “member, share” for the dimension chosen, or “parent, child, share” for the parts of a member (an empty parent repeats the one above).',
  'Paste from a spreadsheet (tab-separated) or a CSV file (commas, or semicolons). A first row such as “Region, Share” is skipped as a header.',
  'Shares: 40%, 40 or 0.4. Without %, numbers are fractions when none is above 1, otherwise percents.',
  'Each list is given whole: members it does not name get 0%. Shares must sum to 100% (within half a point they are scaled to 100%).',
] as const;

/** The most rows a paste may have: far beyond a real list, short of freezing the preview. */
export const MAX_IMPORT_ROWS = 5_000;
/** The longest paste (or file) read, in characters; checked before anything else is done with it. */
export const MAX_IMPORT_CHARACTERS = 1_000_000;
/** Half a percentage point: the rounding a typed list of shares may carry. */
const ROUNDING_TOLERANCE = 0.005;

export interface ShareImportOptions {
  /** The dimension the rows' members (and parents) belong to. */
  dimensionId: string;
  /** Create members the model does not have, instead of refusing their rows. */
  createMissing: boolean;
  /** Scale every list to 100%, however far off its sum. */
  scaleToWhole: boolean;
}

export type RowStatus = 'header' | 'update' | 'new' | 'error';

export interface ImportRow {
  /** 1-based row number in the paste, as a spreadsheet numbers it (blank rows count). */
  row: number;
  /** The list's owner as typed or inherited (3-cell rows), undefined for a dimension's member. */
  parent?: string;
  member: string;
  shareText: string;
  /** The share read, a fraction, before any scaling. */
  share?: number;
  /** The member's share now, when it exists. */
  current?: number;
  status: RowStatus;
  /** Why the row is refused, or what it does (e.g. "new member of Europe"). */
  message?: string;
}

export interface ImportList {
  parentPath: string[];
  /** The dimension's or the parent member's name. */
  ownerName: string;
  /** Sum of the shares read, before scaling. */
  sum: number;
  /** The shares were scaled to 100%. */
  scaled: boolean;
  /** Members of the list the paste does not name, whose share becomes 0% (those above 0 only). */
  zeroed: string[];
  error?: string;
  entries: ListShareEntry[];
}

export interface ShareImportPreview {
  separator: 'tab' | 'semicolon' | 'comma';
  /** How numbers written without % were read. */
  bareNumbers: 'fraction' | 'percent';
  rows: ImportRow[];
  lists: ImportList[];
  /** Problems that stop the import: row errors, list errors, or one about the whole paste. */
  errorCount: number;
  /** A problem with the paste as a whole (empty, too long, no such dimension). */
  error?: string;
  /** The edit to apply, when there is no error. */
  op?: Extract<StructureOp, { op: 'setShares' }>;
}

// ——— Reading the text ———————————————————————————————————————————————————————————————————————————

function separatorOf(text: string): ShareImportPreview['separator'] {
  if (text.includes('\t')) return 'tab';
  const firstLine = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
  return firstLine.includes(';') ? 'semicolon' : 'comma';
}

const SEPARATOR_CHAR = { tab: '\t', semicolon: ';', comma: ',' } as const;

/**
 * Rows of cells, split at any of the characters of `separators` (one, as a CSV's comma, or
 * several, as a typed list's "a, b; c"). Quotes as in CSV: "a, b" is one cell, "" inside quotes is
 * one quote.
 */
export function splitRows(text: string, separators: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (separators.includes(c)) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

type ReadShare = { ok: true; number: number; percent: boolean } | { ok: false; message: string };

/** A share cell: "40%", "40", "0.4", "40,5 %", "−5%". The number as written, and whether it had %. */
function readShare(text: string, decimalComma: boolean): ReadShare {
  let cleaned = withPlainMinus(text).replace(/\s+/g, '');
  if (cleaned === '') return { ok: false, message: 'no share given' };
  const percent = cleaned.endsWith('%');
  if (percent) cleaned = cleaned.slice(0, -1);
  if (decimalComma) cleaned = cleaned.replace(/^([-+]?\d*),(\d+)$/, '$1.$2');
  if (!PLAIN_DECIMAL.test(cleaned)) {
    return { ok: false, message: `“${text.trim().slice(0, 30)}” is not a share (write 40%, 40 or 0.4)` };
  }
  const number = Number(cleaned);
  if (!Number.isFinite(number)) return { ok: false, message: 'the share is too large' };
  return { ok: true, number, percent };
}

// ——— Matching members ———————————————————————————————————————————————————————————————————————————

/** A member of the dimension at any depth, with its path. */
interface Located {
  member: Member;
  path: string[];
}

function allMembers(members: readonly Member[], prefix: readonly string[]): Located[] {
  const found: Located[] = [];
  for (const member of members) {
    const path = [...prefix, member.id];
    found.push({ member, path });
    if (member.children) found.push(...allMembers(member.children, path));
  }
  return found;
}

/** How a typed name finds an id: case and spacing ignored. */
function idKey(typed: string): string {
  return cleanText(typed).toLowerCase();
}

/**
 * Things found by a typed name or id, in constant time: by name first (case and spacing ignored),
 * then by id. (Searching a list per row made a paste of thousands of names quadratic, issue 9.)
 */
class NameIndex<T extends { id: string; name: string }> {
  private readonly byName = new Map<string, T[]>();
  private readonly byId = new Map<string, T[]>();

  constructor(items: Iterable<T> = []) {
    for (const item of items) this.add(item);
  }

  add(item: T): void {
    push(this.byName, nameKey(item.name), item);
    push(this.byId, idKey(item.id), item);
  }

  /** Everything a typed text names: those called so, or else those with that id. */
  all(typed: string): readonly T[] {
    return this.byName.get(nameKey(typed)) ?? this.byId.get(idKey(typed)) ?? [];
  }

  /** The first thing a typed text names. */
  find(typed: string): T | undefined {
    return this.all(typed)[0];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}


// ——— The preview ————————————————————————————————————————————————————————————————————————————————

interface Draft {
  row: ImportRow;
  /** Key of the list the row goes into (parent path joined), once known. */
  listKey?: string;
  number?: number;
  percent?: boolean;
  id?: string;
}

interface ListDraft {
  parentPath: string[];
  ownerName: string;
  /** The list's members now (empty for a breakdown the import creates). */
  existing: readonly Member[];
  existingIndex: NameIndex<Member>;
  /** Members this import creates in the list. */
  created: { id: string; name: string }[];
  createdIndex: NameIndex<{ id: string; name: string }>;
  /** Ids of the list's members and of those created so far. */
  ids: IdPool;
  rows: Draft[];
  /** The rows given, by the id of their member: a member named twice is an error. */
  rowById: Map<string, Draft>;
}

function listDraft(parentPath: string[], ownerName: string, existing: readonly Member[]): ListDraft {
  return {
    parentPath,
    ownerName,
    existing,
    existingIndex: new NameIndex(existing),
    created: [],
    createdIndex: new NameIndex(),
    ids: idPool(existing.map((m) => m.id)),
    rows: [],
    rowById: new Map(),
  };
}

export function previewShareImport(model: Model, text: string, options: ShareImportOptions): ShareImportPreview {
  const refuse = (error: string, separator: ShareImportPreview['separator'] = 'comma'): ShareImportPreview => ({
    separator,
    bareNumbers: 'fraction',
    rows: [],
    lists: [],
    errorCount: 1,
    error,
  });
  // The length first: nothing else is done with a paste that is too long.
  if (text.length > MAX_IMPORT_CHARACTERS) {
    return refuse(
      `The paste has ${formatCount(text.length)} characters; at most ${formatCount(MAX_IMPORT_CHARACTERS)} can be imported at once`,
    );
  }
  const dimension = model.dimensions.find((d) => d.id === options.dimensionId);
  if (!dimension) return refuse('Choose the dimension the shares belong to');
  const separator = separatorOf(text);
  const cellRows = splitRows(text, SEPARATOR_CHAR[separator]);
  if (cellRows.length > MAX_IMPORT_ROWS) {
    return refuse(`The paste has ${formatCount(cellRows.length)} rows; at most ${formatCount(MAX_IMPORT_ROWS)}`, separator);
  }
  const decimalComma = separator !== 'comma';

  const located = new NameIndex(allMembers(dimension.members, [dimension.id]).map((l) => ({ id: l.member.id, name: l.member.name, located: l })));
  // 1. Cells → rows with a member, a parent and a share as written.
  let drafts: Draft[] = [];
  let headerSeen = false;
  let lastParent: string | undefined;
  cellRows.forEach((raw, index) => {
    const cells = raw.map((c) => c.trim());
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length === 0) return;
    const rowNumber = index + 1;
    const shareText = cells[cells.length - 1]!;
    const read = readShare(shareText, decimalComma);
    // A first row that names a member of the dimension is a row with a bad share, never a header.
    const namesMember = cells.slice(0, -1).some((cell) => located.all(cell).length > 0);
    if (!headerSeen && drafts.length === 0 && !read.ok && cells.length >= 2 && cells.length <= 3 && !namesMember) {
      headerSeen = true;
      drafts.push({ row: { row: rowNumber, member: cells.slice(0, -1).join(' › '), shareText, status: 'header', message: 'read as a header' } });
      return;
    }
    headerSeen = true;
    if (cells.length < 2 || cells.length > 3) {
      drafts.push({
        row: {
          row: rowNumber,
          member: cells[0] ?? '',
          shareText: cells.length > 1 ? shareText : '',
          status: 'error',
          message: `expected 2 cells (member, share) or 3 (parent, child, share), found ${cells.length}`,
        },
      });
      return;
    }
    let parent: string | undefined;
    if (cells.length === 3) {
      parent = cells[0] === '' ? lastParent : cells[0];
      lastParent = parent;
    }
    const member = cells[cells.length - 2]!;
    const row: ImportRow = { row: rowNumber, member, shareText, status: 'update' };
    if (parent !== undefined) row.parent = parent;
    const draft: Draft = { row };
    if (cells.length === 3 && parent === undefined) fail(row, 'no parent given (the first parent cell is empty)');
    else if (member === '') fail(row, 'no member name');
    else if (member.length > WORKSPACE_LIMITS.shortText) fail(row, `the name is longer than ${WORKSPACE_LIMITS.shortText} characters`);
    else if (!read.ok) fail(row, read.message);
    else {
      draft.number = read.number;
      draft.percent = read.percent;
    }
    drafts.push(draft);
  });

  // 2. Bare numbers: fractions unless one of them is above 1.
  const bare = drafts.filter((d) => d.number !== undefined && !d.percent);
  const bareNumbers: ShareImportPreview['bareNumbers'] = bare.some((d) => d.number! > 1) ? 'percent' : 'fraction';
  for (const d of drafts) {
    if (d.number === undefined) continue;
    const share = d.percent || bareNumbers === 'percent' ? d.number / 100 : d.number;
    d.row.share = share;
    if (share < 0) fail(d.row, `a share cannot be negative (${d.row.shareText})`);
    else if (share > 1 + 1e-12) fail(d.row, `a share cannot be more than 100% (${d.row.shareText})`);
  }

  // 3. Lists and members. Every lookup is by a map, and the paste stops at the row that would
  // take a list or the model past its limit on members: no row after it is matched.
  const lists = new Map<string, ListDraft>();
  const topKey = dimension.id;
  const top = listDraft([dimension.id], dimension.name, dimension.members);
  lists.set(topKey, top);
  const roomInModel = WORKSPACE_LIMITS.membersPerModel - membersInModel(model);
  let createdInModel = 0;
  let stop: string | undefined;

  for (let at = 0; at < drafts.length; at++) {
    const d = drafts[at]!;
    const { row } = d;
    if (row.status !== 'update') continue;
    let list: ListDraft;
    if (row.parent === undefined) {
      list = top;
    } else {
      const parentName = row.parent;
      const chosen = located.all(parentName);
      // A parent created by an earlier row of this import (a new region, then its countries).
      const createdTop = top.createdIndex.find(parentName);
      if (chosen.length > 1) {
        fail(row, `“${parentName}” names ${chosen.length} members of ${dimension.name}; use the parent’s id (${chosen.map((c) => c.id).join(', ')})`);
        continue;
      }
      if (chosen.length === 0 && !createdTop) {
        fail(row, `unknown parent “${parentName}”: ${dimension.name} has no such member`);
        continue;
      }
      const parentPath = chosen[0] ? chosen[0].located.path : [dimension.id, createdTop!.id];
      const parentMember = chosen[0]?.located.member;
      if (parentPath.length > WORKSPACE_LIMITS.memberLevels) {
        fail(row, `members nest at most ${WORKSPACE_LIMITS.memberLevels} levels deep: “${parentMember?.name ?? parentName}” cannot have a breakdown`);
        continue;
      }
      const key = parentPath.join('/');
      let found = lists.get(key);
      if (!found) {
        found = listDraft(parentPath, parentMember?.name ?? createdTop!.name, parentMember?.children ?? []);
        lists.set(key, found);
      }
      list = found;
    }
    d.listKey = list.parentPath.join('/');

    const existing = list.existingIndex.find(row.member);
    const created = existing ? undefined : list.createdIndex.find(row.member);
    const id = existing?.id ?? created?.id;
    const duplicate = id === undefined ? undefined : list.rowById.get(id);
    if (duplicate) {
      fail(row, `“${row.member}” is already on row ${duplicate.row.row}`);
      continue;
    }
    if (existing) {
      d.id = existing.id;
      row.current = existing.share.value;
    } else if (!options.createMissing) {
      fail(
        row,
        list.existing.length === 0
          ? `${list.ownerName} has no breakdown yet: tick “Create missing members” to add “${row.member}”`
          : `“${row.member}” is not ${row.parent === undefined ? 'a member of' : 'part of'} ${list.ownerName}: tick “Create missing members” to add it`,
      );
      continue;
    } else {
      const members = list.existing.length + list.created.length + 1;
      if (members > WORKSPACE_LIMITS.membersPerList) {
        fail(row, `${list.ownerName} would have ${members} members; at most ${WORKSPACE_LIMITS.membersPerList}`);
        stop = `${list.ownerName} can hold at most ${WORKSPACE_LIMITS.membersPerList} members: row ${row.row} would be its ${ordinal(members)}. Rows after it were not checked`;
      } else if (createdInModel + 1 > roomInModel) {
        fail(row, `the model would have more than ${formatCount(WORKSPACE_LIMITS.membersPerModel)} members`);
        stop = `A model can hold at most ${formatCount(WORKSPACE_LIMITS.membersPerModel)} members: row ${row.row} would be one too many. Rows after it were not checked`;
      }
      if (stop) {
        drafts = drafts.slice(0, at + 1);
        break;
      }
      const name = cleanText(row.member);
      d.id = list.ids.take(name);
      const member = { id: d.id, name };
      list.created.push(member);
      list.createdIndex.add(member);
      createdInModel += 1;
      row.status = 'new';
      row.message = `new member of ${list.ownerName}`;
    }
    list.rows.push(d);
    list.rowById.set(d.id, d);
  }

  // 4. Each list: the sum, scaling, members left at 0%. While rows are in error, a list's sum is
  // not judged: it would change once they are fixed.
  const rowErrors = drafts.filter((d) => d.row.status === 'error').length;
  const resultLists: ImportList[] = [];
  for (const list of lists.values()) {
    if (list.rows.length === 0) continue;
    const sum = list.rows.reduce((total, d) => total + (d.row.share ?? 0), 0);
    const named = new Set(list.rows.map((d) => d.id));
    const zeroed = list.existing.filter((m) => !named.has(m.id) && m.share.value > 0).map((m) => m.name);
    const result: ImportList = { parentPath: list.parentPath, ownerName: list.ownerName, sum, scaled: false, zeroed, entries: [] };
    const off = Math.abs(sum - 1);
    if (rowErrors > 0) {
      resultLists.push(result);
      continue;
    }
    if (sum <= 0) result.error = `The shares of ${list.ownerName} are all 0%: there is nothing to scale to 100%`;
    else if (off > ROUNDING_TOLERANCE && !options.scaleToWhole) {
      result.error = `The shares of ${list.ownerName} sum to ${percentForMessage(sum, 2)}, not 100%: correct them, or tick “Scale each list to 100%”`;
    }
    if (!result.error) {
      result.scaled = off > SHARE_SUM_TOLERANCE;
      const shares = splitInProportion(list.rows.map((d) => d.row.share ?? 0), 1);
      result.entries = list.rows.map((d, i) => {
        const entry: ListShareEntry = { id: d.id!, name: cleanText(d.row.member), share: shares[i]! };
        if (d.row.status === 'new') entry.create = true;
        return entry;
      });
    }
    resultLists.push(result);
  }

  // A list with rows in error is not applied either: its sum would be wrong.
  const rows = drafts.map((d) => d.row);
  const errorCount = rows.filter((r) => r.status === 'error').length + resultLists.filter((l) => l.error).length;
  const preview: ShareImportPreview = { separator, bareNumbers, rows, lists: resultLists, errorCount };
  if (stop) preview.error = stop;
  else if (rows.every((r) => r.status === 'header')) {
    preview.error = 'Nothing to import: paste rows of member and share';
    preview.errorCount += 1;
  }
  if (preview.errorCount === 0) {
    preview.op = { op: 'setShares', lists: resultLists.map((l) => ({ parentPath: l.parentPath, entries: l.entries })) };
  }
  return preview;
}

/** 501st, 22nd, 13th: for a message about one row. */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${formatCount(n)}${suffix}`;
}

function fail(row: ImportRow, message: string): void {
  row.status = 'error';
  row.message = message;
}
