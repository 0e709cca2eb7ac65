import { WORKSPACE_VERSION } from '../../src/model/types';
import { describe, expect, it } from 'vitest';
import { describeLoadError } from '../../src/model/loadError';
import { MAX_JSON_TEXT_LENGTH } from '../../src/model/safeJson';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import type { Workspace } from '../../src/model/types';
import { parseWorkspaceFile, readWorkspaceValue, serializeWorkspace, type LoadResult } from '../../src/model/workspaceFile';
import { badFixtureText, goodFixtureText, goodFixtures, validWorkspace } from './workspaceFixtures';

function loaded(result: LoadResult): Workspace {
  if (!result.ok) throw new Error(describeLoadError(result.error));
  return result.workspace;
}

/** The same object with the keys of every object in reverse order, as edits in memory may leave them. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reversedKeys(item)]));
  }
  return value;
}

describe('parseWorkspaceFile: good files', () => {
  it.each(goodFixtures().map((fixture) => [fixture.name, fixture.text]))('opens %s exactly as written, but for the version', (_name, text) => {
    // Opening adds nothing (no defaults), drops nothing, and leaves absent optional fields absent;
    // an older file is migrated, which for versions 1 → 2 changes only the version number.
    expect(loaded(parseWorkspaceFile(text))).toStrictEqual({ ...(JSON.parse(text) as object), version: WORKSPACE_VERSION });
  });

  it('keeps optional fields absent, so save → load is exact', () => {
    const workspace = loaded(parseWorkspaceFile(goodFixtureText('v1-full.slidecast.json')));
    const { drivers, dimensions } = workspace.scenarios[0]!.model;
    const chronic = drivers.find((driver) => driver.id === 'chronic-disease')!;
    expect(Object.keys(chronic)).toEqual(['id', 'name', 'impact']);
    expect(Object.keys(chronic.impact)).toEqual(['value']);
    const us = dimensions[1]!.members[0]!.children![0]!;
    expect(Object.keys(us)).toEqual(['id', 'name', 'share']);
    const sizeClaim = workspace.claims.find((claim) => claim.id === 'size-2028')!;
    expect('tolerance' in sizeClaim || 'member' in sizeClaim).toBe(false);
    expect('notes' in workspace.scenarios[1]!).toBe(false);
  });

  it('opens a file that starts with a byte-order mark', () => {
    expect(parseWorkspaceFile(`\uFEFF${goodFixtureText('v1-minimal.slidecast.json')}`).ok).toBe(true);
  });
});

describe('the seed workspace', () => {
  it('is a valid version-1 workspace that saves and opens unchanged', () => {
    const seed = seedWorkspace();
    expect(readWorkspaceValue(seed)).toStrictEqual({ ok: true, workspace: seed });
    expect(loaded(parseWorkspaceFile(serializeWorkspace(seed)))).toStrictEqual(seed);
  });
});

describe('serializeWorkspace', () => {
  it.each(goodFixtures().map((fixture) => [fixture.name, fixture.text]))('round-trips %s to an equal workspace', (_name, text) => {
    const workspace = loaded(parseWorkspaceFile(text));
    expect(loaded(parseWorkspaceFile(serializeWorkspace(workspace)))).toStrictEqual(workspace);
  });

  it('writes the same bytes whatever order the fields were built in, in the order of the format', () => {
    const workspace = loaded(parseWorkspaceFile(goodFixtureText('v1-full.slidecast.json')));
    const text = serializeWorkspace(workspace);
    expect(serializeWorkspace(reversedKeys(workspace) as Workspace)).toBe(text);
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['format', 'version', 'title', 'activeScenario', 'claims', 'scenarios']);
    expect(text).toMatch(new RegExp(`^\\{\\n {2}"format": "slidecast\\.workspace",\\n {2}"version": ${WORKSPACE_VERSION},\\n`));
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('lists a quantity as value, range, source, note and a claim as the format shows it', () => {
    const ws = validWorkspace();
    ws.scenarios[0]!.model.baseSize = { note: 'n', source: 's', range: { dist: 'pert', high: 20, low: 15 }, value: 17 };
    const saved = JSON.parse(serializeWorkspace(ws)) as Workspace;
    const baseSize = saved.scenarios[0]!.model.baseSize;
    expect(Object.keys(baseSize)).toEqual(['value', 'range', 'source', 'note']);
    expect(Object.keys(baseSize.range!)).toEqual(['low', 'high', 'dist']);
    expect(Object.keys(saved.claims[0]!)).toEqual(['id', 'label', 'metric', 'fromYear', 'toYear', 'op', 'value', 'source']);
  });
});

describe('parseWorkspaceFile: refusals', () => {
  it('refuses a newer version with its own error and message', () => {
    const text = goodFixtureText('v1-minimal.slidecast.json').replace('"version": 1', '"version": 7');
    const result = parseWorkspaceFile(text);
    expect(result).toEqual({ ok: false, error: { kind: 'versionTooNew', version: 7, newestKnown: WORKSPACE_VERSION } });
    if (!result.ok) expect(describeLoadError(result.error)).toContain('newer than this copy of Slidecast');
  });

  it('refuses 20 MB of members by size, before parsing', () => {
    const member = '{ "id": "m", "name": "Member", "share": { "value": 0.00001 } }, ';
    const text = `{ "format": "slidecast.workspace", "version": 1, "members": [${member.repeat(Math.ceil((20 * 1024 * 1024) / member.length))}] }`;
    expect(text.length).toBeGreaterThan(MAX_JSON_TEXT_LENGTH);
    const result = parseWorkspaceFile(text);
    expect(result.ok || result.error.kind).toBe('tooLarge');
    if (!result.ok) expect(describeLoadError(result.error)).toMatch(/about 20\.\d MB, and a workspace file may be at most 5 MB/);
  });

  it('refuses 10,000-deep nesting inside an otherwise good file', () => {
    const text = goodFixtureText('v1-minimal.slidecast.json').replace(
      '"title": "A market in one number"',
      `"title": ${'['.repeat(10_000)}${']'.repeat(10_000)}`,
    );
    const result = parseWorkspaceFile(text);
    expect(result.ok || result.error).toMatchObject({ kind: 'tooDeep' });
    if (!result.ok) expect(describeLoadError(result.error)).toMatch(/^title\[0\]\[0\].*more than 64 levels deep/);
  });

  it('loads a model at the member limit: 20,000 members, five megabytes of text', () => {
    const ws = validWorkspace();
    const share = { value: 0.02 };
    const childShare = { value: 1 / 399 };
    ws.scenarios[0]!.model.dimensions[0]!.members = Array.from({ length: 50 }, (_, i) => ({
      id: `r${i}`,
      name: `Region ${i}`,
      share,
      children: Array.from({ length: 399 }, (_, j) => ({ id: `c${j}`, name: `Country ${j}`, share: childShare })),
    }));
    const text = serializeWorkspace(ws);
    expect(text.length).toBeLessThan(MAX_JSON_TEXT_LENGTH);
    expect(parseWorkspaceFile(text).ok).toBe(true);
  });
});

describe('no prototype pollution', () => {
  const hostile = [
    badFixtureText('proto-key.slidecast.json'),
    badFixtureText('constructor-key.slidecast.json'),
    badFixtureText('escaped-proto-key.slidecast.json'),
    '{"__proto__": {"polluted": true}, "format": "slidecast.workspace", "version": 1}',
    '{"format": "slidecast.workspace", "version": 1, "constructor": {"prototype": {"polluted": true}}}',
  ];

  it.each(hostile.map((text, i) => [i, text]))('hostile text #%s is refused and pollutes nothing', (_i, text) => {
    const result = parseWorkspaceFile(text);
    expect(result.ok || result.error.kind).toBe('unsafeKey');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses hostile keys in already-parsed values too', () => {
    const value: unknown = JSON.parse(hostile[3]!);
    expect(readWorkspaceValue(value)).toEqual({ ok: false, error: { kind: 'unsafeKey', key: '__proto__', path: '__proto__' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('readWorkspaceValue', () => {
  it('opens a valid value into a new workspace that shares nothing with it', () => {
    const input = validWorkspace();
    const workspace = loaded(readWorkspaceValue(input));
    expect(workspace).toStrictEqual(input);
    expect(workspace.scenarios).not.toBe(input.scenarios);
    expect(workspace.scenarios[0]!.model.baseSize).not.toBe(input.scenarios[0]!.model.baseSize);
  });

  it.each([
    [undefined, 'it holds nothing'],
    [null, 'a single null'],
    [42, 'a single number'],
    ['slidecast.workspace', 'a single text'],
    [[], 'a list'],
  ])('refuses %j as not a workspace', (value, words) => {
    const result = readWorkspaceValue(value);
    expect(result.ok || result.error.kind).toBe('notAWorkspace');
    if (!result.ok) expect(describeLoadError(result.error)).toContain(words);
  });

  it('refuses a cyclic value as too deep', () => {
    const ws = validWorkspace() as unknown as Record<string, unknown>;
    ws.self = ws;
    expect(readWorkspaceValue(ws)).toMatchObject({ ok: false, error: { kind: 'tooDeep' } });
  });

  it('never throws, even when reading the value does', () => {
    const booby = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no peeking');
        },
      },
    );
    expect(readWorkspaceValue(booby)).toEqual({ ok: false, error: { kind: 'unexpected', reason: 'no peeking' } });
  });
});
