import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { Member, Workspace } from '../../src/model/types';
import { WORKSPACE_LIMITS } from '../../src/model/workspaceLimits';
import type { SchemaMatchesDomainTypes, workspaceSchema } from '../../src/model/workspaceSchema';
import { validateWorkspace } from '../../src/model/workspaceValidation';
import { validWorkspace } from './workspaceFixtures';

/** The valid test workspace with one change, validated. */
function validateChanged(change: (ws: Workspace) => void) {
  const ws = validWorkspace();
  change(ws);
  return validateWorkspace(ws);
}

function issuesOf(change: (ws: Workspace) => void) {
  const result = validateChanged(change);
  return result.ok ? [] : result.issues;
}

const model = (ws: Workspace) => ws.scenarios[0]!.model;
const regions = (ws: Workspace) => model(ws).dimensions[0]!.members;

/** `n` members whose shares sum to 1 (the last takes the rounding). */
function members(n: number, prefix = 'm'): Member[] {
  const list = Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, name: `Member ${i}`, share: { value: 1 / n } }));
  list[n - 1]!.share.value = 1 - list.slice(0, -1).reduce((sum, m) => sum + m.share.value, 0);
  return list;
}

describe('the schema describes exactly the domain types', () => {
  it('has an output type assignable both ways to Workspace (checked by the compiler)', () => {
    expectTypeOf<SchemaMatchesDomainTypes[number]>().toEqualTypeOf<true>();
    expectTypeOf<z.output<typeof workspaceSchema>>().toExtend<Workspace>();
    expectTypeOf<Workspace>().toExtend<z.output<typeof workspaceSchema>>();
  });
});

describe('validateWorkspace', () => {
  it('accepts the valid test workspace unchanged, with absent optional fields still absent', () => {
    const input = validWorkspace();
    const result = validateWorkspace(input);
    expect(result).toStrictEqual({ ok: true, workspace: input });
    if (!result.ok) return;
    const driver = result.workspace.scenarios[0]!.model.drivers[0]!;
    expect(Object.keys(driver)).toEqual(['id', 'name', 'impact']);
    expect('range' in driver.impact).toBe(false);
  });

  it('refuses each unknown field by its own path, with a suggestion when it is a slip', () => {
    const issues = issuesOf((ws) => {
      Object.assign(model(ws).simulation, { sampels: 10, colour: 'red' });
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'scenarios[0].model.simulation.sampels', message: expect.stringContaining('did you mean "samples"') as string },
        { path: 'scenarios[0].model.simulation.colour', message: expect.stringContaining('the fields here are samples, seed') as string },
      ]),
    );
  });

  it('never falls back to a default for a misspelt optional field', () => {
    const issues = issuesOf((ws) => {
      Object.assign(model(ws).drivers[0]!, { rampYaers: 3 });
    });
    expect(issues).toEqual([
      { path: 'scenarios[0].model.drivers[0].rampYaers', message: 'is not a field of the workspace format; did you mean "rampYears"?' },
    ]);
  });

  describe('shares', () => {
    it('accepts shares of exactly 0 and 1', () => {
      expect(
        validateChanged((ws) => {
          regions(ws)[0]!.share.value = 1;
          regions(ws)[1]!.share.value = 0;
        }).ok,
      ).toBe(true);
    });

    it('accepts a sum within 1e-6 of 1 and refuses one just beyond', () => {
      expect(validateChanged((ws) => (regions(ws)[1]!.share.value = 0.4 + 9e-7)).ok).toBe(true);
      expect(issuesOf((ws) => (regions(ws)[1]!.share.value = 0.4 + 2e-6))).toEqual([
        { path: 'scenarios[0].model.dimensions[0].members', message: 'shares sum to 1.000002, must sum to 1' },
      ]);
    });

    it('checks the sum of every nested list', () => {
      expect(issuesOf((ws) => (regions(ws)[0]!.children![1]!.share.value = 0.2))).toEqual([
        { path: 'scenarios[0].model.dimensions[0].members[0].children', message: 'shares sum to 1.1, must sum to 1' },
      ]);
    });

    it('keeps a share range inside 0 and 1', () => {
      expect(issuesOf((ws) => (regions(ws)[1]!.share.range = { low: -0.1, high: 0.5, dist: 'uniform' }))).toEqual([
        { path: 'scenarios[0].model.dimensions[0].members[1].share.range.low', message: 'must be between 0 and 1, not -0.1' },
      ]);
    });
  });

  describe('ranges', () => {
    it('accepts low = value = high', () => {
      expect(validateChanged((ws) => (model(ws).baseSize.range = { low: 17.18, high: 17.18, dist: 'normal' })).ok).toBe(true);
    });

    it('refuses a value outside its range at either end', () => {
      expect(issuesOf((ws) => (model(ws).baseGrowth.value = 0.07))).toEqual([
        { path: 'scenarios[0].model.baseGrowth.value', message: '0.07 lies outside its range (low 0.04, high 0.06)' },
      ]);
      expect(issuesOf((ws) => (model(ws).baseGrowth.value = 0.03))).toHaveLength(1);
    });
  });

  describe('numbers', () => {
    it.each([
      [NaN, 'must be a finite number, not NaN'],
      [Infinity, 'must be a finite number, not Infinity'],
      [-Infinity, 'must be a finite number, not -Infinity'],
      ['17', 'must be a finite number, not the text "17"'],
      [null, 'must be a finite number, not null'],
    ])('refuses %s as a number, naming the field', (value, message) => {
      const issues = issuesOf((ws) => {
        (model(ws).baseSize as { value: unknown }).value = value;
      });
      expect(issues).toHaveLength(1);
      expect(issues[0]!.path).toBe('scenarios[0].model.baseSize.value');
      expect(issues[0]!.message).toContain(message);
    });

    it('bounds rates to −1 … 10 a year', () => {
      expect(validateChanged((ws) => (model(ws).drivers[0]!.impact.value = -1)).ok).toBe(true);
      expect(validateChanged((ws) => (model(ws).drivers[0]!.impact.value = 10)).ok).toBe(true);
      expect(issuesOf((ws) => (model(ws).drivers[0]!.impact.value = 10.5))[0]?.message).toContain('between -1 and 10');
      expect(issuesOf((ws) => (regions(ws)[1]!.growthDelta = { value: -2 }))[0]?.path).toBe(
        'scenarios[0].model.dimensions[0].members[1].growthDelta.value',
      );
    });

    it('takes seeds over the whole uint32 range and no further', () => {
      expect(validateChanged((ws) => (model(ws).simulation.seed = 0)).ok).toBe(true);
      expect(validateChanged((ws) => (model(ws).simulation.seed = 2 ** 32 - 1)).ok).toBe(true);
      expect(issuesOf((ws) => (model(ws).simulation.seed = 2 ** 32))[0]?.path).toBe('scenarios[0].model.simulation.seed');
      expect(issuesOf((ws) => (model(ws).simulation.seed = -1))[0]?.path).toBe('scenarios[0].model.simulation.seed');
    });

    it('takes 1 to 1,000,000 samples', () => {
      expect(validateChanged((ws) => (model(ws).simulation.samples = 1)).ok).toBe(true);
      expect(validateChanged((ws) => (model(ws).simulation.samples = 1_000_000)).ok).toBe(true);
      expect(issuesOf((ws) => (model(ws).simulation.samples = 1_000_001))[0]?.message).toBe(
        'must be a whole number from 1 to 1,000,000, not 1,000,001',
      );
    });
  });

  describe('years', () => {
    it('allows a horizon of exactly 50 years and not 51', () => {
      expect(validateChanged((ws) => (model(ws).endYear = 2075)).ok).toBe(true);
      expect(issuesOf((ws) => (model(ws).endYear = 2076))).toEqual([
        { path: 'scenarios[0].model.endYear', message: 'is 51 years after baseYear (2025); a model covers at most 50 years' },
      ]);
    });

    it('refuses a model whose end year is its base year', () => {
      expect(issuesOf((ws) => (model(ws).endYear = 2025))[0]?.message).toBe('must be after baseYear (2025), not 2025');
    });
  });

  describe('claims', () => {
    it('does not check member paths against the scenarios (members differ per scenario)', () => {
      expect(
        validateChanged((ws) =>
          ws.claims.push({ id: 'x', label: '', metric: 'share', year: 2028, member: 'region/atlantis', op: 'atMost', value: 0.1, source: '' }),
        ).ok,
      ).toBe(true);
    });

    it('lets size and cagr claims leave out the member (the total) but not share claims', () => {
      expect(validateChanged((ws) => ws.claims.push({ id: 's', label: '', metric: 'size', year: 2028, op: 'atLeast', value: 20, source: '' })).ok).toBe(true);
      expect(
        issuesOf((ws) => ws.claims.push({ id: 's', label: '', metric: 'share', year: 2028, op: 'atLeast', value: 0.2, source: '' })),
      ).toEqual([{ path: 'claims[1].member', message: 'is needed for a share claim: whose share it is, e.g. region/na' }]);
    });

    it('refuses a cagr claim with a single year, and a size claim with a year range', () => {
      const issues = issuesOf((ws) => {
        Object.assign(ws.claims[0]!, { year: 2030 });
        ws.claims.push({ id: 's', label: '', metric: 'size', year: 2028, op: 'approx', value: 20, source: '' });
        Object.assign(ws.claims[1]!, { fromYear: 2025 });
      });
      expect(issues.map((issue) => issue.path)).toEqual(['claims[0].year', 'claims[1].fromYear']);
    });
  });

  describe('counts and lengths', () => {
    it('allows 500 members in a list and refuses 501', () => {
      expect(validateChanged((ws) => (model(ws).dimensions[0]!.members = members(500))).ok).toBe(true);
      expect(issuesOf((ws) => (model(ws).dimensions[0]!.members = members(501)))).toEqual([
        { path: 'scenarios[0].model.dimensions[0].members', message: 'has 501 members, at most 500 allowed' },
      ]);
    });

    it(`allows ${WORKSPACE_LIMITS.membersPerModel.toLocaleString('en-US')} members in a model and refuses more`, () => {
      const withChildren = (n: number) =>
        members(50).map((member) => ({ ...member, children: members(n, `${member.id}-`) }));
      expect(validateChanged((ws) => (model(ws).dimensions[0]!.members = withChildren(399))).ok).toBe(true); // 50 + 50 × 399
      expect(issuesOf((ws) => (model(ws).dimensions[0]!.members = withChildren(400)))).toEqual([
        { path: 'scenarios[0].model.dimensions', message: 'hold 20,050 members in all, at most 20,000 allowed in one model' },
      ]);
    });

    it('allows members four levels deep and not five', () => {
      const chain = (levels: number): Member => ({
        id: `level${levels}`,
        name: 'Level',
        share: { value: 1 },
        ...(levels > 1 ? { children: [chain(levels - 1)] } : {}),
      });
      expect(validateChanged((ws) => (model(ws).dimensions[0]!.members = [chain(4)])).ok).toBe(true);
      expect(issuesOf((ws) => (model(ws).dimensions[0]!.members = [chain(5)]))[0]?.path).toBe(
        'scenarios[0].model.dimensions[0].members[0].children[0].children[0].children[0].children',
      );
    });

    it('bounds the number of scenarios, claims, dimensions and drivers', () => {
      const copies = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));
      const scenario = validWorkspace().scenarios[0]!;
      expect(issuesOf((ws) => (ws.scenarios = copies(101, (i) => ({ ...scenario, id: i === 0 ? 'base' : `s${i}` }))))[0]?.path).toBe('scenarios');
      const claim = validWorkspace().claims[0]!;
      expect(issuesOf((ws) => (ws.claims = copies(501, (i) => ({ ...claim, id: `c${i}` }))))[0]?.path).toBe('claims');
      const dimension = model(validWorkspace()).dimensions[0]!;
      expect(issuesOf((ws) => (model(ws).dimensions = copies(21, (i) => ({ ...dimension, id: `d${i}` }))))[0]?.path).toBe(
        'scenarios[0].model.dimensions',
      );
      const driver = model(validWorkspace()).drivers[0]!;
      expect(issuesOf((ws) => (model(ws).drivers = copies(201, (i) => ({ ...driver, id: `d${i}` }))))[0]?.path).toBe(
        'scenarios[0].model.drivers',
      );
    });

    it('bounds names at 200 characters and notes at 10,000', () => {
      expect(validateChanged((ws) => (ws.scenarios[0]!.name = 'x'.repeat(200))).ok).toBe(true);
      expect(issuesOf((ws) => (ws.scenarios[0]!.name = 'x'.repeat(201)))[0]?.message).toBe('is too long: 201 characters, at most 200');
      expect(validateChanged((ws) => (ws.scenarios[0]!.notes = 'x'.repeat(10_000))).ok).toBe(true);
      expect(issuesOf((ws) => (model(ws).baseSize.note = 'x'.repeat(10_001)))[0]?.path).toBe('scenarios[0].model.baseSize.note');
    });
  });

  describe('ids', () => {
    it('must be unique within each list, the repeat named', () => {
      expect(issuesOf((ws) => (regions(ws)[1]!.id = 'na'))).toEqual([
        {
          path: 'scenarios[0].model.dimensions[0].members[1].id',
          message: '"na" is already the id of item [0] of this list; ids must be unique within a list',
        },
      ]);
    });

    it('may repeat across lists (a country and a region may share an id)', () => {
      expect(validateChanged((ws) => (regions(ws)[0]!.children![0]!.id = 'na')).ok).toBe(true);
    });

    it.each(['__proto__', 'constructor', 'prototype'])('refuses %s as an id', (id) => {
      expect(issuesOf((ws) => (model(ws).drivers[0]!.id = id))[0]?.message).toBe(`"${id}" is reserved; choose another id`);
    });
  });

  it('reports every problem of a file, not only the first', () => {
    const issues = issuesOf((ws) => {
      model(ws).baseYear = 2025.5;
      regions(ws)[0]!.share.value = -1;
      ws.activeScenario = 'nowhere';
    });
    expect(issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining([
        'scenarios[0].model.baseYear',
        'scenarios[0].model.dimensions[0].members[0].share.value',
        'scenarios[0].model.dimensions[0].members',
      ]),
    );
  });
});
