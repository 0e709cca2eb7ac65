import { describe, expect, it } from 'vitest';
import { bridgeSteps } from '../../src/engine/bridge';
import {
  compareRequestOf,
  compareScenarios,
  resolveCompareChoice,
  transferablesOfCompare,
} from '../../src/engine/compareScenarios';
import { evaluateScenario } from '../../src/engine/evaluateScenario';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import type { Scenario } from '../../src/model/types';
import { model } from '../support/models';

describe('compareScenarios', () => {
  const workspace = seedWorkspace();
  const [consensus, narrow] = workspace.scenarios as [Scenario, Scenario];

  it('evaluates every scenario as the model screen does, keyed by id', () => {
    const result = compareScenarios({ scenarios: [consensus, narrow], claims: workspace.claims });
    expect(Object.keys(result.results)).toEqual(['consensus', 'narrow']);
    const alone = evaluateScenario(narrow.model, workspace.claims);
    expect(result.results.narrow!.forecast.total).toEqual(alone.forecast.total);
    expect(result.results.narrow!.forecast.layout.years[0]).toBe(2023);
    expect(result.results.consensus!.forecast.layout.years[0]).toBe(2025);
    expect(result.results.narrow!.claims).toEqual(alone.claims);
    expect(result.bridge).toBeUndefined();
  });

  it('adds the bridge between the pair asked for, naming the pair', () => {
    const result = compareScenarios({ scenarios: [consensus, narrow], claims: [], bridge: { from: 'narrow', to: 'consensus' } });
    expect(result.bridge).toEqual({ ...bridgeSteps(narrow.model, consensus.model), from: 'narrow', to: 'consensus' });
    // The bridge ends where the scenarios' own forecasts do.
    const total = (id: string) => {
      const t = result.results[id]!.forecast.total;
      return t[t.length - 1];
    };
    expect(result.bridge!.fromTotal).toBe(total('narrow'));
    expect(result.bridge!.toTotal).toBe(total('consensus'));
  });

  it('leaves the bridge out when the pair names a scenario the request does not hold', () => {
    expect(compareScenarios({ scenarios: [consensus], claims: [], bridge: { from: 'consensus', to: 'gone' } }).bridge).toBeUndefined();
  });

  it('lists every buffer to transfer exactly once', () => {
    const result = compareScenarios({ scenarios: [consensus, narrow], claims: [] });
    const buffers = transferablesOfCompare(result);
    expect(buffers).toHaveLength(8);
    expect(new Set(buffers).size).toBe(8);
    for (const buffer of buffers) expect(buffer).toBeInstanceOf(ArrayBuffer);
    // And a structured clone with that transfer list goes through (a repeated buffer would throw).
    const cloned = structuredClone(result, { transfer: buffers });
    expect(cloned.results.consensus!.forecast.total.length).toBe(8);
  });
});

describe('resolveCompareChoice and compareRequestOf', () => {
  const scenario = (id: string): Scenario => ({ id, name: id.toUpperCase(), model: model({}) });
  const workspace = { scenarios: [scenario('a'), scenario('b'), scenario('c')], claims: [] };

  it('compares every scenario while fewer than two are chosen, the first two bridged', () => {
    expect(resolveCompareChoice(workspace, [], undefined)).toEqual({ selection: ['a', 'b', 'c'], bridge: { from: 'a', to: 'b' } });
    expect(resolveCompareChoice(workspace, ['c'], undefined).selection).toEqual(['a', 'b', 'c']);
  });

  it('keeps the chosen order (the reference first) and drops scenarios no longer in the workspace', () => {
    expect(resolveCompareChoice(workspace, ['c', 'gone', 'a'], undefined)).toEqual({ selection: ['c', 'a'], bridge: { from: 'c', to: 'a' } });
  });

  it('keeps a valid bridge pair and replaces one that is not', () => {
    expect(resolveCompareChoice(workspace, [], { from: 'c', to: 'a' }).bridge).toEqual({ from: 'c', to: 'a' });
    expect(resolveCompareChoice(workspace, ['a', 'b'], { from: 'c', to: 'a' }).bridge).toEqual({ from: 'a', to: 'b' });
    expect(resolveCompareChoice(workspace, [], { from: 'b', to: 'b' }).bridge).toEqual({ from: 'a', to: 'b' });
  });

  it('has no bridge with a single scenario', () => {
    expect(resolveCompareChoice({ scenarios: [scenario('a')] }, [], undefined)).toEqual({ selection: ['a'], bridge: undefined });
  });

  it('builds the request the worker is asked', () => {
    const request = compareRequestOf(workspace, ['b', 'c'], undefined);
    expect(request.scenarios.map((s) => s.id)).toEqual(['b', 'c']);
    expect(request.bridge).toEqual({ from: 'b', to: 'c' });
    expect(request.claims).toBe(workspace.claims);
  });
});
