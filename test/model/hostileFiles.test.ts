/**
 * Hostile files (issue 9, item 8): limits are checked before the work they protect, and a refusal
 * never repeats the file's text back at length.
 *
 * Big inputs are generated here rather than kept as fixtures. Work is counted, never timed: the
 * scan's stopping point, whether the schema was reached at all, and how many members it walked.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeLoadError, type LoadError } from '../../src/model/loadError';
import { MAX_JSON_KEYS_PER_OBJECT, MAX_JSON_TEXT_LENGTH } from '../../src/model/safeJson';
import type { Workspace } from '../../src/model/types';
import { parseWorkspaceFile, readWorkspaceValue, type LoadResult } from '../../src/model/workspaceFile';
import { WORKSPACE_LIMITS } from '../../src/model/workspaceLimits';
import { workspaceSchema } from '../../src/model/workspaceSchema';
import { validateWorkspace } from '../../src/model/workspaceValidation';
import { validWorkspace } from './workspaceFixtures';

/** What a person is shown: short, whatever the file held. */
const ALERT_LENGTH = 500;

function refusal(result: LoadResult): { error: LoadError; message: string } {
  if (result.ok) throw new Error('the file was opened');
  return { error: result.error, message: describeLoadError(result.error) };
}

/** The valid test workspace as text, with `fields` (raw JSON, no trailing comma) added at its top. */
function withTopLevelFields(fields: string): string {
  return `{${fields},${JSON.stringify(validWorkspace()).slice(1)}`;
}

/** `{"k0":0,"k1":0,…}` fields adding up to about `length` characters. */
function unknownFields(length: number): { text: string; count: number } {
  const parts: string[] = [];
  let total = 0;
  for (let i = 0; total < length; i++) {
    const part = `"k${i}":0`;
    parts.push(part);
    total += part.length + 1;
  }
  return { text: parts.join(','), count: parts.length };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a 5 MB file of unknown fields', () => {
  const { text: fields, count } = unknownFields(MAX_JSON_TEXT_LENGTH - 1_000);
  const text = withTopLevelFields(fields);

  it('is refused by the scan at the first field too many, with a short message and no validation', () => {
    expect(text.length).toBeLessThanOrEqual(MAX_JSON_TEXT_LENGTH);
    expect(count).toBeGreaterThan(400_000);
    const validation = vi.spyOn(workspaceSchema, 'safeParse');
    const { error, message } = refusal(parseWorkspaceFile(text));
    expect(validation).not.toHaveBeenCalled();
    // The scan stopped where the object passed the limit: within the first few kilobytes.
    expect(error).toMatchObject({ kind: 'tooManyFields', limit: MAX_JSON_KEYS_PER_OBJECT, line: 1 });
    if (error.kind === 'tooManyFields') expect(error.column).toBeLessThan(2_000);
    expect(message).toContain(`more than ${MAX_JSON_KEYS_PER_OBJECT} fields`);
    expect(message.length).toBeLessThan(ALERT_LENGTH);
  });

  it('is refused the same way when already parsed (a stored autosave, a test)', () => {
    const { error } = refusal(readWorkspaceValue(JSON.parse(text)));
    expect(error).toMatchObject({ kind: 'tooManyFields', limit: MAX_JSON_KEYS_PER_OBJECT });
  });

  it('accepts as many fields in one object as the limit allows', () => {
    const { error } = refusal(parseWorkspaceFile(withTopLevelFields(unknownFields(1).text)));
    expect(error.kind).toBe('invalid');
  });
});

describe('many bad members within every count limit', () => {
  /** Members that count how often validation reads their name: once per member it walks. */
  function countingMembers(n: number, reads: { count: number }): unknown[] {
    return Array.from({ length: n }, (_, i) => ({
      id: `m${i}`,
      get name() {
        reads.count++;
        return 7; // a number where a name belongs: one issue per member
      },
      share: { value: 0.01 },
    }));
  }

  it('stops validating after a few issues, and says there are more', () => {
    const reads = { count: 0 };
    const ws = validWorkspace() as unknown as { scenarios: Record<string, unknown>[] };
    const scenario = ws.scenarios[0]!;
    const model = scenario.model as Record<string, unknown>;
    // 10 scenarios × 20 dimensions × 100 members: 20,000 members, each within the limits.
    ws.scenarios = Array.from({ length: 10 }, (_, s) => ({
      ...scenario,
      id: s === 0 ? 'base' : `s${s}`,
      model: {
        ...model,
        dimensions: Array.from({ length: 20 }, (_, d) => ({ id: `d${d}`, name: 'D', members: countingMembers(100, reads) })),
      },
    }));
    const result = validateWorkspace(ws);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.length).toBeLessThanOrEqual(10);
    expect(reads.count).toBeLessThan(200); // of 20,000
    const message = describeLoadError({ kind: 'invalid', issues: result.issues, moreIssues: result.moreIssues, stoppedEarly: result.stoppedEarly });
    expect(message).toContain('scenarios[0].model.dimensions[0].members[0].name: must be text');
    expect(message).toMatch(/… and more\.$/);
    expect(message.length).toBeLessThan(ALERT_LENGTH);
  });

  it('counts the issues it did not show when it saw them all', () => {
    const result = validateWorkspace({ ...validWorkspace(), title: 1, activeScenario: 2, claims: {}, presentation: 3, x1: 1, x2: 2, x3: 3, x4: 4 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const message = describeLoadError({ kind: 'invalid', issues: result.issues, moreIssues: result.moreIssues, stoppedEarly: result.stoppedEarly });
    expect(message).toMatch(/^The file has 8 problems:/);
    expect(message).toMatch(/… and 3 more\.$/);
  });
});

describe('count limits come before validation', () => {
  /** A workspace whose first scenario, claim and member are all invalid, so only a count check can speak first. */
  function brokenFirstElements(): Workspace {
    const ws = validWorkspace();
    (ws.scenarios[0]!.model as { unit: unknown }).unit = 42;
    (ws.claims[0] as { op: unknown }).op = 'roughly';
    return ws;
  }

  function refusedByCount(ws: Workspace, path: string, words: string) {
    const validation = vi.spyOn(workspaceSchema, 'safeParse');
    const { error, message } = refusal(readWorkspaceValue(ws));
    expect(validation).not.toHaveBeenCalled();
    expect(error.kind).toBe('invalid');
    expect(message).toBe(`${path}: ${words}`);
  }

  it(`refuses ${WORKSPACE_LIMITS.scenarios + 1} scenarios by their count`, () => {
    const ws = brokenFirstElements();
    const first = ws.scenarios[0]!;
    ws.scenarios = Array.from({ length: WORKSPACE_LIMITS.scenarios + 1 }, (_, i) => ({ ...first, id: `s${i}` }));
    refusedByCount(ws, 'scenarios', 'has 101 scenarios, at most 100 allowed');
  });

  it('refuses 50,000 claims by their count', () => {
    const ws = brokenFirstElements();
    ws.claims = Array.from({ length: 50_000 }, () => ws.claims[0]!);
    refusedByCount(ws, 'claims', 'has 50,000 claims, at most 500 allowed');
  });

  it(`refuses ${WORKSPACE_LIMITS.membersPerList + 1} members in one list by their count`, () => {
    const ws = brokenFirstElements();
    const member = { id: 'm', name: 'M', share: { value: 2 } };
    ws.scenarios[0]!.model.dimensions[0]!.members = Array.from({ length: WORKSPACE_LIMITS.membersPerList + 1 }, () => member);
    refusedByCount(ws, 'scenarios[0].model.dimensions[0].members', 'has 501 members, at most 500 allowed');
  });

  it('refuses a model of more members in all than allowed by their count', () => {
    const ws = brokenFirstElements();
    const child = { id: 'c', name: 'C', share: { value: 2 } };
    ws.scenarios[0]!.model.dimensions[0]!.members = Array.from({ length: 50 }, (_, i) => ({
      id: `r${i}`,
      name: 'R',
      share: { value: 0.02 },
      children: Array.from({ length: 400 }, () => child),
    }));
    refusedByCount(ws, 'scenarios[0].model.dimensions', 'hold 20,050 members in all, at most 20,000 allowed in one model');
  });

  it('refuses members nested too deep before validating them', () => {
    const ws = brokenFirstElements();
    const chain = (levels: number): unknown => ({ id: 'x', ...(levels > 1 ? { children: [chain(levels - 1)] } : {}) });
    (ws.scenarios[0]!.model.dimensions[0] as { members: unknown }).members = [chain(5)];
    refusedByCount(
      ws,
      'scenarios[0].model.dimensions[0].members[0].children[0].children[0].children[0].children',
      "members may nest at most 4 levels deep (a dimension's members are level 1)",
    );
  });

  it('keeps the first few count problems and counts the others', () => {
    const ws = brokenFirstElements();
    const chain = (levels: number): unknown => ({ id: 'x', ...(levels > 1 ? { children: [chain(levels - 1)] } : {}) });
    (ws.scenarios[0]!.model.dimensions[0] as { members: unknown }).members = Array.from({ length: 400 }, () => chain(5));
    const result = validateWorkspace(ws);
    expect(result).toMatchObject({ ok: false, moreIssues: 390, stoppedEarly: false });
    if (!result.ok) expect(result.issues).toHaveLength(10);
  });

  it('refuses too many pinned assumptions by their count', () => {
    const ws = brokenFirstElements();
    ws.presentation = { pins: Array.from({ length: 25 }, () => ({ kind: 'baseSize' as const })) };
    refusedByCount(ws, 'presentation.pins', 'has 25 pinned assumptions, at most 24 allowed');
  });
});

describe('refusals never echo the file at length', () => {
  const huge = 'x'.repeat(5_000_000);

  it.each([
    ['a 5 MB format', JSON.stringify({ format: huge, version: 2 })],
    ['a 5 MB format that is not text', JSON.stringify({ format: [huge] })],
    ['a 5 MB version', JSON.stringify({ format: 'slidecast.workspace', version: huge })],
    ['a 5 MB version that is a list', JSON.stringify({ format: 'slidecast.workspace', version: [huge] })],
    ['a huge duplicated key', `{"${'k'.repeat(2_400_000)}": 1, "${'k'.repeat(2_400_000)}": 2}`],
    ['a huge unknown field', withTopLevelFields(`"${huge}": 1`)],
    ['a huge unknown field with spaces', withTopLevelFields(`"${'a b'.repeat(1_500_000)}": 1`)],
    ['a huge __proto__ path', withTopLevelFields(`"${huge}": {"__proto__": 1}`)],
    ['a huge key before a missing colon', `{"${huge}" 1}`],
  ])('%s gets a short message', (_what, text) => {
    const { message } = refusal(parseWorkspaceFile(text));
    expect(message.length).toBeLessThan(ALERT_LENGTH);
    expect(message).not.toMatch(/x{81}|k{81}|(a b){30}/);
  });

  it('caps a long format at about 80 characters, quoted, with an ellipsis', () => {
    const { message } = refusal(parseWorkspaceFile(JSON.stringify({ format: `slidecast.workspace.${huge}` })));
    expect(message).toMatch(/^This is not a Slidecast workspace file: its format is "slidecast\.workspace\.x+…", not "slidecast\.workspace"\.$/);
    expect(message.length).toBeLessThan(200);
  });

  it('quotes what a hostile text holds instead of passing it on: quotes, line breaks, bidi controls', () => {
    const { message } = refusal(parseWorkspaceFile(JSON.stringify({ format: 'a"b\nc\u202Ed' })));
    expect(message).toContain('its format is "a\\"b\\nc\\u202ed"');
  });

  it('shortens a long id everywhere it is named', () => {
    const ws = validWorkspace();
    const id = 'y'.repeat(2_000_000);
    ws.scenarios = [ws.scenarios[0]!, { ...ws.scenarios[0]!, id }, { ...ws.scenarios[0]!, id }];
    ws.activeScenario = id.replace(/^y/, 'z');
    const { message } = refusal(readWorkspaceValue(ws));
    expect(message.length).toBeLessThan(ALERT_LENGTH * 2);
    expect(message).not.toMatch(/[yz]{81}/);
  });

  it('lists a few of the scenarios an unknown active scenario could have been', () => {
    const ws = validWorkspace();
    ws.scenarios = Array.from({ length: 100 }, (_, i) => ({ ...ws.scenarios[0]!, id: `scenario-${i}-${'w'.repeat(150)}` }));
    ws.activeScenario = 'nowhere';
    const { message } = refusal(readWorkspaceValue(ws));
    expect(message.length).toBeLessThan(ALERT_LENGTH);
    expect(message).toContain('"nowhere" is not the id of any scenario');
  });
});

describe('a missing field is missing', () => {
  it.each([
    ['an op', (ws: Workspace) => delete (ws.claims[0] as Partial<Workspace['claims'][0]>).op, 'claims[0].op: is missing'],
    [
      'a distribution',
      (ws: Workspace) => delete (ws.scenarios[0]!.model.baseGrowth.range as { dist?: unknown }).dist,
      'scenarios[0].model.baseGrowth.range.dist: is missing',
    ],
    ['a metric', (ws: Workspace) => delete (ws.claims[0] as { metric?: unknown }).metric, 'claims[0].metric: is missing'],
  ])('says so for %s, with the choices, never "not undefined"', (_what, change, words) => {
    const ws = validWorkspace();
    change(ws);
    const { message } = refusal(readWorkspaceValue(ws));
    expect(message.startsWith(words)).toBe(true);
    expect(message).not.toContain('undefined');
  });
});
