import { describe, expect, it } from 'vitest';
import { describeLoadError } from '../../src/model/loadError';
import {
  WORKSPACE_MIGRATIONS,
  migrateWorkspaceFile,
  type WorkspaceFileObject,
  type WorkspaceMigration,
} from '../../src/model/migrations';
import { WORKSPACE_VERSION } from '../../src/model/types';
import { goodFixtures } from './workspaceFixtures';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** A pretend history of three versions, to test the runner beyond the one real version. */
const threeVersions: WorkspaceMigration[] = [
  WORKSPACE_MIGRATIONS[0]!,
  {
    version: 2,
    description: 'title becomes name',
    up: (file) => {
      file.name = file.title;
      delete file.title;
      return file;
    },
  },
  {
    version: 3,
    description: 'claims move under checks',
    up: ({ claims, ...rest }) => ({ ...rest, checks: { claims } }),
  },
];

describe('the migration list', () => {
  it('is numbered 1, 2, 3 … without gaps and ends at WORKSPACE_VERSION', () => {
    const versions = WORKSPACE_MIGRATIONS.map((migration) => migration.version);
    expect(versions).toEqual(Array.from({ length: WORKSPACE_VERSION }, (_, i) => i + 1));
  });

  it('describes every step', () => {
    for (const migration of WORKSPACE_MIGRATIONS) expect(migration.description.trim()).not.toBe('');
  });

  it('has every step exercised by a fixture: one written in its version, and (after 1) an older one it upgrades', () => {
    const fixtures = goodFixtures().map((fixture) => ({ ...fixture, value: JSON.parse(fixture.text) as WorkspaceFileObject }));
    const writtenIn = new Set(fixtures.map((fixture) => fixture.value.version));
    const applied = new Set<number>();
    for (const fixture of fixtures) {
      const result = migrateWorkspaceFile(fixture.value, fixture.value.version as number);
      expect(result.ok).toBe(true);
      if (result.ok) result.applied.forEach((version) => applied.add(version));
    }
    for (const { version } of WORKSPACE_MIGRATIONS) {
      expect(writtenIn.has(version), `a fixture test/fixtures/good/v${version}-….slidecast.json`).toBe(true);
      if (version > 1) expect(applied.has(version), `a fixture older than v${version} that migration ${version} upgrades`).toBe(true);
    }
  });

  it('names each fixture after the version it is written in', () => {
    for (const fixture of goodFixtures()) {
      expect((JSON.parse(fixture.text) as WorkspaceFileObject).version, fixture.name).toBe(fixture.namedVersion);
    }
  });
});

describe('migrateWorkspaceFile', () => {
  it('returns a current file as an equal copy, applying nothing', () => {
    const file = { format: 'slidecast.workspace', version: WORKSPACE_VERSION, claims: [{ id: 'c' }] };
    const result = migrateWorkspaceFile(file, WORKSPACE_VERSION);
    expect(result).toEqual({ ok: true, file, applied: [] });
    if (result.ok) expect(result.file.claims).not.toBe(file.claims);
  });

  it('runs every later step in order, sets each version, and never touches its input', () => {
    const input = deepFreeze({ format: 'slidecast.workspace', version: 1, title: 'T', claims: [{ id: 'c' }] });
    const result = migrateWorkspaceFile(input, 1, threeVersions);
    expect(result).toEqual({
      ok: true,
      file: { format: 'slidecast.workspace', version: 3, name: 'T', checks: { claims: [{ id: 'c' }] } },
      applied: [2, 3],
    });
    if (result.ok) expect((result.file.checks as { claims: unknown }).claims).not.toBe(input.claims);
  });

  it('starts from the file’s own version', () => {
    const result = migrateWorkspaceFile({ version: 2, name: 'T', claims: [] }, 2, threeVersions);
    expect(result.ok && result.applied).toEqual([3]);
  });

  it('refuses a version newer than the last step', () => {
    const result = migrateWorkspaceFile({ version: 4 }, 4, threeVersions);
    expect(result).toEqual({ ok: false, error: { kind: 'versionTooNew', version: 4, newestKnown: 3 } });
  });

  it('keeps the reason of a failing step short when its error repeats a huge value of the file', () => {
    const huge = 'x'.repeat(5 * 1024 * 1024);
    const broken: WorkspaceMigration[] = [
      ...threeVersions.slice(0, 2),
      {
        version: 3,
        description: 'echoes the file',
        up: () => {
          throw new Error(`bad title ${huge}`);
        },
      },
    ];
    const result = migrateWorkspaceFile({ version: 1, title: huge }, 1, broken);
    expect(result.ok).toBe(false);
    if (!result.ok && result.error.kind === 'migrationFailed') {
      expect(result.error.reason).toMatch(/^bad title x+…$/);
      expect(result.error.reason.length).toBeLessThanOrEqual(201);
    } else {
      expect.unreachable('a failing step is migrationFailed');
    }
  });

  it('turns a failing step into migrationFailed, naming the versions', () => {
    const broken: WorkspaceMigration[] = [
      ...threeVersions.slice(0, 2),
      {
        version: 3,
        description: 'needs claims',
        up: () => {
          throw new Error('claims are missing');
        },
      },
    ];
    const result = migrateWorkspaceFile({ version: 1, title: 'T' }, 1, broken);
    expect(result).toEqual({
      ok: false,
      error: { kind: 'migrationFailed', fromVersion: 1, toVersion: 3, reason: 'claims are missing' },
    });
    if (!result.ok) {
      expect(describeLoadError(result.error)).toBe(
        'This file uses workspace format 1, and upgrading it to format 3 failed: claims are missing.',
      );
    }
  });
});
