/**
 * Edits of the workspace's claims (DESIGN.md §3 "Claims"), as the claims editor makes them: a claim
 * is checked by the file's own rule (`validateClaim`, the claim schema in the file's words) plus
 * the one thing a file cannot check, that its member is a member of the model, then added,
 * replaced or removed by an immer recipe on a draft `Workspace` (one undo step each through the
 * store's `editWorkspace`).
 */
import type { Draft } from 'immer';
import type { LoadIssue } from './loadError';
import { uniqueId } from './ids';
import { quoted } from './messageValue';
import { findMember } from './quantityRef';
import type { Claim, Workspace } from './types';
import { WORKSPACE_LIMITS } from './workspaceLimits';
import { validateClaim, type ClaimValidationResult } from './workspaceValidation';

type WorkspaceDraft = Draft<Workspace>;

/**
 * A claim as typed, before it has an id: the fields of the file, any of them missing or wrong.
 * `validateClaimFields` gives it its id and judges it.
 */
export type ClaimFields = Record<string, unknown>;

/**
 * An id for a new claim, from its label (the id rule of `ids.ts`: readable, unique among the
 * workspace's claims, safe as a key).
 */
export function newClaimId(label: string, claims: readonly Pick<Claim, 'id'>[]): string {
  return uniqueId(label.trim() === '' ? 'claim' : label, claims.map((claim) => claim.id));
}

/**
 * Whether `member` names a member of some scenario's model. A file's claim may name a member no
 * scenario has (the engine calls it not checkable: members differ per scenario); the editor does
 * not make one, since it could never be checked anywhere.
 */
function memberIssue(workspace: Workspace, member: string): LoadIssue | undefined {
  const path = member.split('/');
  if (workspace.scenarios.some((scenario) => findMember(scenario.model, path) !== undefined)) return undefined;
  return { path: 'member', message: `${quoted(member)} is not a member of any scenario; choose one of the model’s members, or the total market` };
}

/**
 * `fields` as the claim to keep: with the id of the claim it replaces (`editingId`), or a new one
 * from its label; refused with every issue naming its field, exactly as a file holding it would
 * be, and for a member no scenario has.
 */
export function validateClaimFields(workspace: Workspace, fields: ClaimFields, editingId?: string): ClaimValidationResult {
  const id = editingId ?? newClaimId(typeof fields.label === 'string' ? fields.label : '', workspace.claims);
  const verdict = validateClaim({ ...fields, id });
  const member = typeof fields.member === 'string' ? fields.member : undefined;
  const unknown = member !== undefined && (verdict.ok || !verdict.issues.some((issue) => issue.path === 'member')) ? memberIssue(workspace, member) : undefined;
  if (!unknown) return verdict;
  return { ok: false, issues: [...(verdict.ok ? [] : verdict.issues), unknown] };
}

/** Adds a checked claim at the end of the list; a message when the workspace holds as many as a file may. */
export function addClaim(workspace: WorkspaceDraft, claim: Claim): string | undefined {
  if (workspace.claims.length >= WORKSPACE_LIMITS.claims) return `A workspace can hold at most ${WORKSPACE_LIMITS.claims} claims`;
  if (workspace.claims.some((c) => c.id === claim.id)) return `There is already a claim with the id ${quoted(claim.id)}`;
  workspace.claims.push(claim);
  return undefined;
}

/** Replaces claim `id` with a checked claim, in its place in the list. */
export function replaceClaim(workspace: WorkspaceDraft, id: string, claim: Claim): string | undefined {
  const index = workspace.claims.findIndex((c) => c.id === id);
  if (index < 0) return 'That claim no longer exists';
  if (claim.id !== id && workspace.claims.some((c) => c.id === claim.id)) return `There is already a claim with the id ${quoted(claim.id)}`;
  workspace.claims[index] = claim;
  return undefined;
}

/** Removes claim `id`. */
export function removeClaim(workspace: WorkspaceDraft, id: string): string | undefined {
  const index = workspace.claims.findIndex((c) => c.id === id);
  if (index < 0) return 'That claim no longer exists';
  workspace.claims.splice(index, 1);
  return undefined;
}
