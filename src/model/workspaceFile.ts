/**
 * Opening and saving a workspace file (DESIGN.md §4, §9).
 *
 * Opening runs, in one place: parse the text safely → check the format tag → check the version →
 * migrate a copy to the current version → validate. The result is a whole workspace or a tagged
 * error, never a half-loaded model and never an exception, so the caller can swap the new
 * workspace in one step or leave the open one exactly as it was.
 */
import type { JsonKind, LoadError } from './loadError';
import { describeFound, quoted } from './messageValue';
import { migrateWorkspaceFile, type WorkspaceFileObject } from './migrations';
import { checkJsonValue, parseJsonSafely } from './safeJson';
import { WORKSPACE_FORMAT, type Workspace } from './types';
import { WORKSPACE_FIELD_ORDER } from './workspaceFieldOrder';
import { validateWorkspace } from './workspaceValidation';
import { errorText } from './errorText';

export type LoadResult = { ok: true; workspace: Workspace } | { ok: false; error: LoadError };

/** Opens the text of a workspace file. Never throws. */
export function parseWorkspaceFile(text: string): LoadResult {
  return withoutThrowing(() => {
    const parsed = parseJsonSafely(text);
    return parsed.ok ? readCheckedValue(parsed.value) : refuse(parsed.error);
  });
}

/**
 * Opens a value that is already parsed (a workspace link, a stored autosave). It gets the same depth
 * and key checks as text, so a hostile value is refused the same way. Never throws.
 */
export function readWorkspaceValue(value: unknown): LoadResult {
  return withoutThrowing(() => {
    const problem = checkJsonValue(value);
    return problem ? refuse(problem) : readCheckedValue(value);
  });
}

/**
 * The text of a workspace file: pretty JSON (two-space indent, a final newline), fields in the
 * order of the format (`WORKSPACE_FIELD_ORDER`) whatever order the objects were built in, and
 * absent optional fields left out — so the same workspace always saves to the same bytes.
 */
export function serializeWorkspace(workspace: Workspace): string {
  return `${JSON.stringify(workspace, inFieldOrder, 2)}\n`;
}

// ——— Steps ————————————————————————————————————————————————————————————————————————————————————

function readCheckedValue(value: unknown): LoadResult {
  if (!isFileObject(value)) return refuse({ kind: 'notAWorkspace', topLevel: jsonKind(value) });
  if (value.format !== WORKSPACE_FORMAT) {
    return refuse({
      kind: 'notAWorkspace',
      topLevel: 'object',
      ...(value.format === undefined ? {} : { format: typeof value.format === 'string' ? quoted(value.format) : describeFound(value.format) }),
    });
  }

  const version = readVersion(value.version);
  if (!version.ok) return refuse({ kind: 'invalid', issues: [{ path: 'version', message: version.problem }] });

  const migrated = migrateWorkspaceFile(value, version.version);
  if (!migrated.ok) return refuse(migrated.error);

  const validated = validateWorkspace(migrated.file);
  if (validated.ok) return validated;
  const { issues, moreIssues, stoppedEarly } = validated;
  return refuse({ kind: 'invalid', issues, ...(moreIssues > 0 ? { moreIssues } : {}), ...(stoppedEarly ? { stoppedEarly } : {}) });
}

/**
 * The file's format version, or why it cannot be one. Checked before migrating, since it decides
 * which migrations run; versions count 1, 2, 3 …
 */
function readVersion(version: unknown): { ok: true; version: number } | { ok: false; problem: string } {
  if (typeof version === 'number' && Number.isInteger(version) && version >= 1) return { ok: true, version };
  if (version === undefined) {
    return { ok: false, problem: 'is missing; a workspace file says which format it uses, e.g. "version": 1' };
  }
  return { ok: false, problem: `must be a whole number such as 1, not ${describeFound(version)}` };
}

function refuse(error: LoadError): LoadResult {
  return { ok: false, error };
}

/** The last guard of "never throws": a fault in this code must not take the open workspace with it. */
function withoutThrowing(load: () => LoadResult): LoadResult {
  try {
    return load();
  } catch (error) {
    return refuse({ kind: 'unexpected', reason: errorText(error) });
  }
}

function isFileObject(value: unknown): value is WorkspaceFileObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a value that is not a workspace object is, in the words of a message. */
function jsonKind(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'object':
      return 'object';
    case 'string':
      return 'text';
    case 'number':
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'true or false';
    default:
      // undefined, a function or a symbol: only a caller's value, never parsed JSON.
      return 'nothing';
  }
}

// ——— Field order ——————————————————————————————————————————————————————————————————————————————

const FIELD_RANK = new Map(WORKSPACE_FIELD_ORDER.map((field, rank) => [field, rank]));

/**
 * A `JSON.stringify` replacer that hands over each object with its keys in format order. Fields
 * the format does not know (none, in a valid workspace) would follow, alphabetically.
 */
function inFieldOrder(_key: string, value: unknown): unknown {
  if (!isFileObject(value)) return value;
  const keys = Object.keys(value).sort((a, b) => {
    const rankA = FIELD_RANK.get(a) ?? Infinity;
    const rankB = FIELD_RANK.get(b) ?? Infinity;
    return rankA !== rankB ? rankA - rankB : a < b ? -1 : a > b ? 1 : 0;
  });
  return Object.fromEntries(keys.map((key) => [key, value[key]]));
}
