import { describe, expect, it } from 'vitest';
import { analysisApi, lockedByPaths } from '../../src/engine/analysis';
import { calibrate } from '../../src/engine/calibration';
import { goalSeek } from '../../src/engine/goalSeek';
import { tornado } from '../../src/engine/sensitivity';
import { dimension, member, model } from '../support/models';

const ranged = (value: number, low: number, high: number) => ({ value, range: { low, high, dist: 'uniform' as const } });

describe('the analysis calls of the worker', () => {
  const m = model({ dimensions: [dimension('region', [{ ...member('na', 0.5), share: ranged(0.5, 0.2, 0.8) }, member('eu', 0.3, { delta: 0.05 }), member('apac', 0.2)])] });
  m.baseGrowth = ranged(0.05, 0, 0.1);
  const metric = { kind: 'member' as const, path: ['region', 'eu'], year: 2030 };

  it('take locked members as a list of paths, which survives a structured clone', () => {
    const locked = structuredClone([['region', 'apac']]);
    expect(analysisApi.tornado(m, metric, locked)).toEqual(tornado(m, metric, { locked: (p) => p.join('/') === 'region/apac' }));
    expect(analysisApi.tornado(m, metric, locked)).not.toEqual(analysisApi.tornado(m, metric));
    const target = { metric, value: 40 };
    expect(analysisApi.goalSeek(m, [], target, { kind: 'memberShare', path: ['region', 'na'] }, locked)).toEqual(
      goalSeek(m, [], target, { kind: 'memberShare', path: ['region', 'na'] }, { locked: lockedByPaths(locked) }),
    );
    const claims = [{ id: 'c', label: 'c', source: 's', metric: 'size' as const, year: 2030, op: 'approx' as const, value: 150 }];
    expect(analysisApi.calibrate(m, claims)).toEqual(calibrate(m, claims));
  });

  it('name a request the model cannot answer, by an error a caller can tell from a failure', () => {
    let thrown: unknown;
    try {
      analysisApi.tornado(m, { kind: 'total', year: 1999 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).name).toBe('AnalysisInputError');
    expect((thrown as Error).message).toBe("1999 is outside this scenario's years 2025–2030");
  });

  it('return plain data a worker can send back', () => {
    const result = analysisApi.tornado(m, metric);
    expect(structuredClone(result)).toEqual(result);
  });
});
