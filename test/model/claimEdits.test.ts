import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { addClaim, validateClaimFields, newClaimId, removeClaim, replaceClaim } from '../../src/model/claimEdits';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import type { Claim, Workspace } from '../../src/model/types';
import { parseWorkspaceFile, serializeWorkspace } from '../../src/model/workspaceFile';
import { WORKSPACE_LIMITS } from '../../src/model/workspaceLimits';

function apply(workspace: Workspace, recipe: (draft: Workspace) => string | undefined): { workspace: Workspace; error: string | undefined } {
  let error: string | undefined;
  const next = produce(workspace, (draft) => {
    error = recipe(draft as Workspace);
  });
  return { workspace: next, error };
}

/** The issues a file holding `claim` as its last claim is refused with, by their path within the claim. */
function fileIssues(workspace: Workspace, claim: Record<string, unknown>): { path: string; message: string }[] {
  const file = JSON.parse(serializeWorkspace(workspace)) as { claims: unknown[] };
  file.claims.unshift(claim);
  const parsed = parseWorkspaceFile(JSON.stringify(file));
  if (parsed.ok) return [];
  if (parsed.error.kind !== 'invalid') throw new Error(parsed.error.kind);
  return parsed.error.issues.map((issue) => ({ path: issue.path.replace(/^claims\[0\]\.?/, ''), message: issue.message }));
}

const over22: Record<string, unknown> = { label: '2030 ≥ 22', metric: 'size', year: 2030, op: 'atLeast', value: 22, source: 'a test' };

describe('validateClaimFields: the file’s rule for one claim', () => {
  it('gives a new claim an id from its label, unique among the claims', () => {
    const workspace = seedWorkspace();
    const checked = validateClaimFields(workspace, over22);
    expect(checked).toEqual({ ok: true, claim: { ...over22, id: '2030-22' } });
    const withIt = apply(workspace, (ws) => addClaim(ws, (checked as { claim: Claim }).claim)).workspace;
    expect(validateClaimFields(withIt, over22)).toMatchObject({ ok: true, claim: { id: '2030-22-2' } });
    expect(newClaimId('  ', [])).toBe('claim');
  });

  it('keeps the id of the claim it replaces', () => {
    expect(validateClaimFields(seedWorkspace(), over22, 'size-2028-over-20')).toMatchObject({ ok: true, claim: { id: 'size-2028-over-20' } });
  });

  it.each([
    ['a year outside 1900–2200', { ...over22, year: 2500 }, 'year'],
    ['a year that is not whole', { ...over22, year: 2030.5 }, 'year'],
    ['a negative size', { ...over22, value: -5 }, 'value'],
    ['a negative tolerance', { ...over22, op: 'approx', tolerance: -1 }, 'tolerance'],
    ['a CAGR whose toYear is not after its fromYear', { label: 'x', metric: 'cagr', fromYear: 2030, toYear: 2028, op: 'atLeast', value: 0.05, source: '' }, 'toYear'],
    ['a CAGR with no fromYear', { label: 'x', metric: 'cagr', toYear: 2028, op: 'atLeast', value: 0.05, source: '' }, 'fromYear'],
    ['a share of no member', { label: 'x', metric: 'share', year: 2028, op: 'approx', value: 0.4, source: '' }, 'member'],
    ['a share above 1', { label: 'x', metric: 'share', member: 'region/na', year: 2028, op: 'approx', value: 1.4, source: '' }, 'value'],
    ['an unknown op', { ...over22, op: 'over' }, 'op'],
    ['a malformed member path', { ...over22, member: 'region//na' }, 'member'],
  ])('refuses %s naming the field, with the message a file holding it gets', (_, fields, field) => {
    const workspace = seedWorkspace();
    const checked = validateClaimFields(workspace, fields);
    expect(checked.ok).toBe(false);
    const issues = checked.ok ? [] : checked.issues;
    expect(issues.map((issue) => issue.path)).toContain(field);
    // The same words as opening a file with the claim in it.
    expect(fileIssues(workspace, { id: 'x', ...fields })).toEqual(issues);
  });

  it('refuses a member that no scenario has, naming the member field — a file may hold one, the editor does not make one', () => {
    const checked = validateClaimFields(seedWorkspace(), { ...over22, member: 'region/atlantis' });
    expect(checked).toEqual({ ok: false, issues: [{ path: 'member', message: expect.stringContaining('"region/atlantis" is not a member of any scenario') }] });
    expect(validateClaimFields(seedWorkspace(), { ...over22, member: 'region/apac/cn' }).ok).toBe(true);
  });
});

describe('claim edits', () => {
  const claim: Claim = { id: 'new', label: 'New', metric: 'size', year: 2030, op: 'atLeast', value: 22, source: '' };

  it('adds a claim at the end, and the workspace still opens as a file', () => {
    const { workspace, error } = apply(seedWorkspace(), (ws) => addClaim(ws, claim));
    expect(error).toBeUndefined();
    expect(workspace.claims.at(-1)).toEqual(claim);
    const reopened = parseWorkspaceFile(serializeWorkspace(workspace));
    expect(reopened.ok && reopened.workspace.claims.at(-1)).toEqual(claim);
  });

  it('refuses a claim beyond the file’s limit, and a repeated id', () => {
    const full = seedWorkspace();
    full.claims = Array.from({ length: WORKSPACE_LIMITS.claims }, (_, i) => ({ ...claim, id: `c${i}` }));
    expect(apply(full, (ws) => addClaim(ws, claim)).error).toMatch(/at most 500 claims/);
    expect(apply(seedWorkspace(), (ws) => addClaim(ws, { ...claim, id: 'size-2028-over-20' })).error).toMatch(/already a claim/);
  });

  it('replaces a claim in its place, and removes one', () => {
    const seed = seedWorkspace();
    const replaced = apply(seed, (ws) => replaceClaim(ws, 'size-2028-over-20', { ...claim, id: 'size-2028-over-20' })).workspace;
    expect(replaced.claims.map((c) => c.id)).toEqual(seed.claims.map((c) => c.id));
    expect(replaced.claims[1]).toMatchObject({ year: 2030, value: 22 });
    const removed = apply(seed, (ws) => removeClaim(ws, 'size-2028-over-20')).workspace;
    expect(removed.claims.map((c) => c.id)).toEqual(seed.claims.map((c) => c.id).filter((id) => id !== 'size-2028-over-20'));
    expect(apply(seed, (ws) => removeClaim(ws, 'gone')).error).toBe('That claim no longer exists');
    expect(apply(seed, (ws) => replaceClaim(ws, 'gone', claim)).error).toBe('That claim no longer exists');
  });
});
