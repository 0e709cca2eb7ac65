/**
 * Checks a value against the workspace schema and turns zod's verdict into issues a strategist
 * can act on: one `{ path, message }` per problem, in plain words, naming the field.
 *
 * Rule-specific messages ("must be between 0 and 1, not 1.2", "shares sum to 0.95, must sum to
 * 1") live with the rules in `workspaceSchema.ts`. This file words the generic ones — a field that
 * is missing, a text where a number belongs, a field the format does not know — and splits an
 * unknown-fields issue into one issue per field, so each misspelling is named by its own path.
 *
 * Validation comes in two stages, each stopping early: the count limits on the value as parsed
 * (`checkWorkspaceCounts`), then the schema, which stops walking lists once it has found
 * `ISSUES_KEPT` issues. At most `ISSUES_KEPT` issues are kept; the others are only counted.
 */
import type { z } from 'zod';
import { formatFieldPath } from './fieldPath';
import { ISSUES_KEPT, type LoadIssue } from './loadError';
import { describeFound, quoted } from './messageValue';
import type { Claim, Workspace } from './types';
import { WORKSPACE_FIELD_ORDER } from './workspaceFieldOrder';
import { checkWorkspaceCounts } from './workspaceLimits';
import { claimSchema, NOT_CHECKED, parseWorkspaceSchema } from './workspaceSchema';

export type ValidationResult =
  | { ok: true; workspace: Workspace }
  /** The first `ISSUES_KEPT` issues, how many more were found, and whether validation stopped looking. */
  | { ok: false; issues: LoadIssue[]; moreIssues: number; stoppedEarly: boolean };

/** Validates a value already in the current format version. Never throws. */
export function validateWorkspace(value: unknown): ValidationResult {
  const counts = checkWorkspaceCounts(value);
  if (counts.found > 0) return { ok: false, issues: counts.issues, moreIssues: counts.moreIssues, stoppedEarly: false };
  const { result, stoppedEarly } = parseWorkspaceSchema(value, { error: plainWordsErrorMap });
  if (result.success) return { ok: true, workspace: result.data };
  const issues = toLoadIssues(result.error.issues);
  return { ok: false, issues: issues.slice(0, ISSUES_KEPT), moreIssues: Math.max(0, issues.length - ISSUES_KEPT), stoppedEarly };
}

export type ClaimValidationResult = { ok: true; claim: Claim } | { ok: false; issues: LoadIssue[] };

/**
 * Validates one claim by the rule every claim of a file meets — the same schema, in the same
 * words, each issue naming its field (`year`, `toYear`, `tolerance` …): the claims editor asks
 * here, so a claim it refuses is one a file could not hold either, with the same message. The
 * workspace's own rules on its list of claims (unique ids, the count limit) are the editor's
 * edits' to keep (`claimEdits.ts`). Never throws.
 */
export function validateClaim(value: unknown): ClaimValidationResult {
  const result = claimSchema.safeParse(value, { error: plainWordsErrorMap });
  if (result.success) return { ok: true, claim: result.data };
  return { ok: false, issues: toLoadIssues(result.error.issues) };
}

/** Messages for the issues whose schema gives none. Returning undefined keeps zod's own words. */
const plainWordsErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is missing';
      return `must be ${expectedWords(issue.expected)}, not ${describeFound(issue.input)}`;
    case 'invalid_value':
      return oneOf(issue.values, issue.input);
    case 'invalid_union': {
      // A claim whose `metric` is missing or unknown: the only discriminated union of the format.
      const options: unknown = issue.options;
      if (issue.discriminator === undefined || !Array.isArray(options)) return undefined;
      return oneOf(options, isRecord(issue.input) ? issue.input[issue.discriminator] : undefined);
    }
    case 'unrecognized_keys':
      // Never shown: `toLoadIssues` splits the issue into one per unknown field, and needs the
      // fields this object does allow to word each one. Only this raw issue can still see the
      // object's schema, so its message carries them across.
      return JSON.stringify(knownFieldsOf(issue.inst));
    default:
      return undefined;
  }
};

/**
 * A field that must hold one of a few fixed values (a distribution, a claim's `op` or `metric`):
 * missing, or holding something else. Either way the choices are named.
 */
function oneOf(choices: readonly unknown[], found: unknown): string {
  const listed = choices.map((choice) => JSON.stringify(choice));
  const rule = listed.length === 1 ? listed[0]! : `one of ${listed.join(', ')}`;
  return found === undefined ? `is missing; it must be ${rule}` : `must be ${rule}, not ${describeFound(found)}`;
}

function expectedWords(expected: string): string {
  switch (expected) {
    case 'number':
      return 'a finite number';
    case 'int':
      return 'a whole number';
    case 'string':
      return 'text in double quotes';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list [ … ]';
    case 'object':
      return 'an object { … }';
    default:
      return expected;
  }
}

function toLoadIssues(issues: readonly z.core.$ZodIssue[]): LoadIssue[] {
  const result: LoadIssue[] = [];
  const seen = new Set<string>();
  const add = (path: readonly PropertyKey[], message: string) => {
    const formatted = formatFieldPath(path.map((segment) => (typeof segment === 'number' ? segment : String(segment))));
    const key = `${formatted}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    result.push({ path: formatted, message });
  };
  // Looking for a spelling suggestion costs a little per field; a hostile file can hold a hundred
  // thousand unknown fields, and nobody reads past the first few anyway.
  let suggestionsLeft = 20;
  for (const issue of issues) {
    // Items validation did not walk (it had found enough): nothing to say about them.
    if (issue.code === 'custom' && issue.params?.[NOT_CHECKED] === true) continue;
    if (issue.code === 'unrecognized_keys') {
      const allowed = parseKnownFields(issue.message);
      for (const key of issue.keys) add([...issue.path, key], unknownFieldMessage(key, allowed, suggestionsLeft-- > 0));
    } else {
      add(issue.path, issue.message);
    }
  }
  return result;
}

/** The fields an object schema allows, in the order a file lists them. */
function knownFieldsOf(schema: unknown): string[] {
  const shape = (schema as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
  if (shape === undefined) return [];
  const rank = (field: string) => {
    const index = WORKSPACE_FIELD_ORDER.indexOf(field);
    return index === -1 ? Infinity : index;
  };
  return Object.keys(shape).sort((a, b) => rank(a) - rank(b));
}

function parseKnownFields(message: string): string[] {
  try {
    const fields: unknown = JSON.parse(message);
    return Array.isArray(fields) ? fields.filter((field): field is string => typeof field === 'string') : [];
  } catch {
    return [];
  }
}

function unknownFieldMessage(field: string, allowed: readonly string[], suggest: boolean): string {
  // No field of the format is longer than 20 letters: a longer name is no slip of the keyboard.
  const suggestion = suggest && field.length <= 40 ? closestField(field, allowed) : undefined;
  if (suggestion !== undefined) return `is not a field of the workspace format; did you mean ${quoted(suggestion)}?`;
  if (allowed.length === 0) return 'is not a field of the workspace format here; remove it or check its spelling';
  return `is not a field of the workspace format here; remove it (the fields here are ${allowed.join(', ')})`;
}

/** An allowed field within two edits of `field` (`baseSzie` → `baseSize`), if there is one. */
function closestField(field: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  // One slip in a short word (year → yaer), two in a longer one (baseSize → baseSzie).
  let bestDistance = field.length <= 4 ? 2 : 3;
  for (const known of allowed) {
    const distance = editDistance(field.toLowerCase(), known.toLowerCase());
    if (distance < bestDistance) {
      best = known;
      bestDistance = distance;
    }
  }
  return best;
}

/** Damerau–Levenshtein distance (optimal string alignment), so a swap of two letters counts as one edit. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return Infinity;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = rows[i]!;
      const previous = rows[i - 1]!;
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
      }
    }
  }
  return rows[a.length]![b.length]!;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
