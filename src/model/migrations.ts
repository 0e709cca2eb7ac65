/**
 * Upgrades of the workspace file format, oldest first (DESIGN.md §4: every later version still
 * opens every version-1 file).
 *
 * Each entry turns a file of `version − 1` into `version`; the list runs 1, 2, 3 … without gaps and
 * ends at `WORKSPACE_VERSION` (a test checks both). Version 1 is the first format, so its entry has
 * nothing to turn: it is here so the list starts where the format starts.
 *
 * To add version 2: bump `WORKSPACE_VERSION` and the types, append `{ version: 2, … }` below, update
 * the schema, and add a fixture `test/fixtures/good/v2-….slidecast.json` (the v1 fixtures then
 * exercise the new step; a test fails until every step is exercised).
 */
import type { LoadError } from './loadError';
import { errorText } from './errorText';

/** A file's top-level object, as parsed: not yet known to be a valid workspace of any version. */
export type WorkspaceFileObject = Record<string, unknown>;

export interface WorkspaceMigration {
  /** The version this step produces. */
  readonly version: number;
  /** What changed in this version, in a sentence. */
  readonly description: string;
  /**
   * Turns a file of the previous version into this one. It gets a private copy, so it may change
   * it in place; the runner sets `version` afterwards, so the step need not.
   */
  readonly up: (file: WorkspaceFileObject) => WorkspaceFileObject;
}

export const WORKSPACE_MIGRATIONS: readonly WorkspaceMigration[] = [
  {
    version: 1,
    description: 'The first workspace format: claims and scenarios (DESIGN.md §4).',
    up: (file) => file,
  },
  {
    version: 2,
    description: 'Presentation settings: the assumptions pinned for present mode (optional `presentation`).',
    up: (file) => {
      // Version 1 had no such field: one in a version-1 file is a misspelling or a forgery, and
      // accepting it would let a v1 file carry what v1 could not say.
      if ('presentation' in file) throw new Error('"presentation" is not a field of format version 1');
      return file;
    },
  },
];

export type MigrationResult =
  | { ok: true; file: WorkspaceFileObject; applied: number[] }
  | { ok: false; error: Extract<LoadError, { kind: 'versionTooNew' | 'migrationFailed' }> };

/**
 * Brings a file of `fromVersion` up to the last version of `migrations` (the app's
 * `WORKSPACE_VERSION`), step by step, on a deep copy: the caller's value is never changed, and the
 * result shares nothing with it. `applied` lists the versions whose step ran. Never throws.
 */
export function migrateWorkspaceFile(
  file: WorkspaceFileObject,
  fromVersion: number,
  migrations: readonly WorkspaceMigration[] = WORKSPACE_MIGRATIONS,
): MigrationResult {
  const newestKnown = migrations[migrations.length - 1]?.version ?? 0;
  if (fromVersion > newestKnown) {
    return { ok: false, error: { kind: 'versionTooNew', version: fromVersion, newestKnown } };
  }
  let current = copyJsonValue(file) as WorkspaceFileObject;
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= fromVersion) continue;
    try {
      current = migration.up(current);
      current.version = migration.version;
    } catch (error) {
      return {
        ok: false,
        error: {
          kind: 'migrationFailed',
          fromVersion,
          toVersion: migration.version,
          reason: errorText(error),
        },
      };
    }
    applied.push(migration.version);
  }
  return { ok: true, file: current, applied };
}

/**
 * A deep copy of parsed JSON. `Object.fromEntries` defines keys as own data properties, so even a
 * key named `__proto__` could not reach a prototype (such keys are refused before this anyway).
 * Depth is bounded by the checks in `safeJson.ts`.
 */
function copyJsonValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyJsonValue);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyJsonValue(item)]));
  }
  return value;
}
