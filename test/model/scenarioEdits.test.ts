import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import { deleteScenario, duplicateScenario, moveScenario, renameScenario, setScenarioNotes } from '../../src/model/scenarioEdits';
import { snapshotScenario } from '../../src/model/presentationEdits';
import { parseWorkspaceFile, serializeWorkspace } from '../../src/model/workspaceFile';
import { slugify, uniqueId, uniqueName } from '../../src/model/ids';
import type { Workspace } from '../../src/model/types';

function apply(workspace: Workspace, recipe: (draft: Workspace) => string | void): { workspace: Workspace; error: string | void } {
  let error: string | void = undefined;
  const next = produce(workspace, (draft) => {
    error = recipe(draft as Workspace);
  });
  return { workspace: next, error };
}

const isValid = (workspace: Workspace) => parseWorkspaceFile(serializeWorkspace(workspace)).ok;

describe('scenario edits', () => {
  it('duplicates a scenario under a unique name and id, after its source, and shows it', () => {
    const { workspace } = apply(seedWorkspace(), (ws) => duplicateScenario(ws, 'consensus', 'Bear case'));
    expect(workspace.scenarios.map((s) => s.id)).toEqual(['consensus', 'bear-case', 'narrow']);
    expect(workspace.activeScenario).toBe('bear-case');
    expect(workspace.scenarios[1]!.model).toEqual(workspace.scenarios[0]!.model);
    expect(workspace.scenarios[1]!.model).not.toBe(workspace.scenarios[0]!.model);
    const again = apply(workspace, (ws) => duplicateScenario(ws, 'consensus', 'Bear case')).workspace;
    expect(again.scenarios.map((s) => s.name)).toContain('Bear case (2)');
    expect(again.scenarios.map((s) => s.id)).toContain('bear-case-2');
    expect(isValid(again)).toBe(true);
  });

  it('refuses an empty name or a name another scenario has', () => {
    expect(apply(seedWorkspace(), (ws) => renameScenario(ws, 'consensus', '   ')).error).toMatch(/needs a name/);
    expect(apply(seedWorkspace(), (ws) => renameScenario(ws, 'consensus', 'Narrow definition ($6 B by 2028)')).error).toMatch(/already called/);
    const { workspace, error } = apply(seedWorkspace(), (ws) => renameScenario(ws, 'consensus', '  Base   case '));
    expect(error).toBeUndefined();
    expect(workspace.scenarios[0]!.name).toBe('Base case');
  });

  it('deletes a scenario and shows its neighbour, but never the last one', () => {
    const { workspace } = apply(seedWorkspace(), (ws) => deleteScenario(ws, 'consensus'));
    expect(workspace.scenarios.map((s) => s.id)).toEqual(['narrow']);
    expect(workspace.activeScenario).toBe('narrow');
    expect(apply(workspace, (ws) => deleteScenario(ws, 'narrow')).error).toMatch(/at least one scenario/);
    expect(isValid(workspace)).toBe(true);
  });

  it('reorders within bounds', () => {
    const down = apply(seedWorkspace(), (ws) => moveScenario(ws, 'consensus', 1)).workspace;
    expect(down.scenarios.map((s) => s.id)).toEqual(['narrow', 'consensus']);
    const past = apply(down, (ws) => moveScenario(ws, 'consensus', 5)).workspace;
    expect(past).toBe(down); // nothing moved: immer hands back the same object
  });

  it('keeps notes as plain text, up to the file limit, and refuses longer notes whole rather than cutting them', () => {
    const { workspace } = apply(seedWorkspace(), (ws) => setScenarioNotes(ws, 'narrow', '<b>not html</b>'));
    expect(workspace.scenarios[1]!.notes).toBe('<b>not html</b>');
    const full = apply(seedWorkspace(), (ws) => setScenarioNotes(ws, 'narrow', 'x'.repeat(10_000))).workspace;
    expect(full.scenarios[1]!.notes).toHaveLength(10_000);
    expect(isValid(full)).toBe(true);
    const seed = seedWorkspace();
    const long = apply(seed, (ws) => setScenarioNotes(ws, 'narrow', 'x'.repeat(20_000)));
    expect(long.error).toBe('Notes can be at most 10,000 characters; these would be 20,000');
    expect(long.workspace).toBe(seed);
    expect(apply(seed, (ws) => setScenarioNotes(ws, 'gone', 'x')).error).toBe('That scenario no longer exists');
  });
});

describe('ids from names', () => {
  it('makes readable, path-safe ids', () => {
    expect(slugify('Bear case: Europe stalls / 2027')).toBe('bear-case-europe-stalls-2027');
    expect(slugify('Économie')).toBe('economie');
    expect(slugify('__proto__')).toBe('proto');
    expect(slugify('constructor')).toBe('item');
    expect(slugify('!!!')).toBe('item');
  });
  it('is unique within its list', () => {
    expect(uniqueId('Bear', ['bear', 'bear-2'])).toBe('bear-3');
    expect(uniqueName('Bear', ['Bear'])).toBe('Bear (2)');
  });
});

describe('present mode’s snapshot (S)', () => {
  it('keeps the state reached after every other scenario, so the meeting’s number keys stay theirs; the one on screen stays on screen', () => {
    const workspace = seedWorkspace();
    const after = produce(workspace, (draft) => {
      expect(snapshotScenario(draft, 'Meeting snapshot 10:30')).toBeUndefined();
    });
    expect(after.scenarios.map((s) => s.name)).toEqual(['Report consensus', 'Narrow definition ($6 B by 2028)', 'Meeting snapshot 10:30']);
    expect(after.activeScenario).toBe(workspace.activeScenario);
    expect(after.scenarios[2]!.model).toEqual(workspace.scenarios[0]!.model);
  });
});
