import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine/simulate';
import { simulationSeries } from '../../../src/engine/simulationSummary';
import { forecast } from '../../../src/engine/forecast';
import { fanOf } from '../../../src/ui/forecast/useFan';
import { simulationFor } from '../../../src/ui/forecast/useScenarioSimulation';
import { addMember } from '../../../src/model/structureOps';
import { seedModel } from '../../state/storeFactories';

const model = seedModel();
const summary = simulate(model, [], { samples: 200, seed: 5 });
const progress = { scenarioId: 'consensus', summary, target: 200, running: false };

describe('simulationFor', () => {
  it('gives the statistics of the scenario asked for, on the years they were made for', () => {
    expect(simulationFor(progress, 'consensus', forecast(model).layout)).toBe(progress);
  });

  it('gives none for another scenario, another horizon, other members, no samples or no simulation', () => {
    const layout = forecast(model).layout;
    expect(simulationFor(progress, 'narrow', layout)).toBeUndefined();
    expect(simulationFor(undefined, 'consensus', layout)).toBeUndefined();
    expect(simulationFor(progress, 'consensus', forecast({ ...model, endYear: model.endYear + 2 }).layout)).toBeUndefined();
    expect(simulationFor(progress, 'consensus', forecast({ ...model, baseYear: model.baseYear - 1, endYear: model.endYear - 1 }).layout)).toBeUndefined();
    const restructured = structuredClone(model);
    expect(addMember(restructured, [restructured.dimensions[0]!.id], { name: 'Newcomer' })).toBeUndefined();
    expect(simulationFor(progress, 'consensus', forecast(restructured).layout)).toBeUndefined();
    const empty = simulate(model, [], { samples: 200, seed: 5, shouldStop: () => true });
    expect(simulationFor({ ...progress, summary: empty }, 'consensus', layout)).toBeUndefined();
  });
});

describe('fanOf', () => {
  it('reads every percentile of the row asked for', () => {
    const fan = fanOf(summary, 3);
    for (const p of ['p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'] as const) expect(Array.from(fan[p])).toEqual([...simulationSeries(summary, p, 3)]);
  });
});
