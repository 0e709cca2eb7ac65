/**
 * Issue 11's analyses through the one-way flow store → engine client → engine → store: the tornado
 * only while a screen watches it, following every edit, newest request winning; goal seek and
 * calibration when asked, with the model's own refusals kept in their answer (not the app's error).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analysisApi, type LockedPaths } from '../../src/engine/analysis';
import { endYearTotal, type AnalysisMetric } from '../../src/engine/analysisMetric';
import { evaluateScenario } from '../../src/engine/evaluateScenario';
import type { TornadoResult } from '../../src/engine/sensitivity';
import { connectEngine } from '../../src/state/engineConnection';
import { modelWith } from '../../src/state/engineClient';
import { useShareLocks } from '../../src/state/shareLocks';
import { resetSlidecastStore, useSlidecast } from '../../src/state/store';
import type { Model } from '../../src/model/types';
import { ControllableEngine, FakeEngineWorker } from './fakeEngineWorker';
import { activeModel, setValue } from './storeFactories';

const noWorker = (): Worker => {
  throw new Error('Worker is not defined');
};

let disconnect: (() => void) | undefined;
let unwatch: (() => void) | undefined;

afterEach(() => {
  unwatch?.();
  unwatch = undefined;
  disconnect?.();
  disconnect = undefined;
  resetSlidecastStore();
});

const tornadoOf = () => {
  const outcome = useSlidecast.getState().tornado;
  if (!outcome?.ok) throw new Error(`no tornado: ${outcome ? outcome.message : 'none'}`);
  return outcome;
};

describe('the tornado in the engine connection', () => {
  it('is computed only while a screen watches it, and then follows every edit', () => {
    disconnect = connectEngine(useSlidecast, noWorker);
    setValue({ kind: 'baseGrowth' }, 0.06);
    expect(useSlidecast.getState().tornado).toBeUndefined();

    unwatch = useSlidecast.getState().watchTornado();
    expect(tornadoOf().model).toBe(activeModel());
    expect(tornadoOf().result).toEqual(analysisApi.tornado(activeModel(), endYearTotal(activeModel())));

    setValue({ kind: 'baseGrowth' }, 0.08);
    expect(tornadoOf().model).toBe(activeModel());
    expect(tornadoOf().result.base).toBeCloseTo(analysisApi.tornado(activeModel(), endYearTotal(activeModel())).base, 12);

    unwatch();
    unwatch = undefined;
    const watched = tornadoOf().model;
    setValue({ kind: 'baseGrowth' }, 0.09);
    expect(tornadoOf().model).toBe(watched);
  });

  it('measures the metric picked, and says so when the model cannot answer it', () => {
    disconnect = connectEngine(useSlidecast, noWorker);
    unwatch = useSlidecast.getState().watchTornado();
    const cagr: AnalysisMetric = { kind: 'cagr', path: ['region', 'europe'], fromYear: 2025, toYear: 2030 };
    useSlidecast.getState().setTornadoMetric(cagr);
    expect(tornadoOf().result).toEqual(analysisApi.tornado(activeModel(), cagr));

    useSlidecast.getState().setTornadoMetric({ kind: 'member', path: ['region', 'atlantis'], year: 2030 });
    const outcome = useSlidecast.getState().tornado!;
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(/atlantis/);
    expect(useSlidecast.getState().computeError).toBeUndefined();
  });

  it('moves shares as their sliders do: a lock taken counts', () => {
    disconnect = connectEngine(useSlidecast, noWorker);
    unwatch = useSlidecast.getState().watchTornado();
    const metric: AnalysisMetric = { kind: 'member', path: ['region', 'europe'], year: 2030 };
    useSlidecast.getState().setTornadoMetric(metric);
    const unlocked = tornadoOf().result;
    useShareLocks.getState().toggleLock('region/europe');
    try {
      expect(tornadoOf().result).toEqual(analysisApi.tornado(activeModel(), metric, [['region', 'europe']]));
      expect(tornadoOf().result).not.toEqual(unlocked);
    } finally {
      useShareLocks.getState().clearLocks();
    }
  });

  it('delivers only the newest of requests made while one ran', async () => {
    const engine = new ControllableEngine();
    const held: { model: Model; finish: () => void }[] = [];
    engine.api.tornado = ((model: Model, metric: AnalysisMetric, locked?: LockedPaths) =>
      new Promise<TornadoResult>((resolve) => held.push({ model, finish: () => resolve(analysisApi.tornado(model, metric, locked)) }))) as unknown as typeof engine.api.tornado;
    disconnect = connectEngine(useSlidecast, () => new FakeEngineWorker(engine).asWorker());
    unwatch = useSlidecast.getState().watchTornado();
    await vi.waitFor(() => expect(held).toHaveLength(1));
    setValue({ kind: 'baseSize' }, 18);
    setValue({ kind: 'baseSize' }, 19);
    setValue({ kind: 'baseSize' }, 20);
    held[0]!.finish();
    await vi.waitFor(() => expect(held).toHaveLength(2));
    expect(held.map((call) => call.model.baseSize.value)).toEqual([17.18, 20]);
    expect(useSlidecast.getState().tornado).toBeUndefined();
    held[1]!.finish();
    await vi.waitFor(() => expect(useSlidecast.getState().tornado).toBeDefined());
    expect(tornadoOf().model.baseSize.value).toBe(20);
  });
});

describe('goal seek and calibration in the engine connection', () => {
  it('answers a goal seek with the solved value and the forecast it leads to', () => {
    disconnect = connectEngine(useSlidecast, noWorker);
    const target = { metric: { kind: 'total', year: 2032 } as const, value: 30 };
    useSlidecast.getState().askGoalSeek({ target, ref: { kind: 'baseGrowth' } });
    const outcome = useSlidecast.getState().goalSeek!;
    if (!outcome.ok) throw new Error(outcome.message);
    const expected = analysisApi.goalSeek(activeModel(), useSlidecast.getState().workspace.claims, target, { kind: 'baseGrowth' });
    expect(outcome.result.result).toEqual(expected);
    const applied = evaluateScenario(modelWith(activeModel(), [{ ref: { kind: 'baseGrowth' }, value: expected.value }], []), []).forecast;
    expect([...outcome.result.total]).toEqual([...applied.total]);
    expect(outcome.result.total.at(-1)).toBeCloseTo(30, 6);
  });

  it('keeps a goal the model cannot take in its answer, not in the app’s error', () => {
    disconnect = connectEngine(useSlidecast, noWorker);
    useSlidecast.getState().askGoalSeek({ target: { claimId: 'no-such-claim' }, ref: { kind: 'baseGrowth' } });
    const outcome = useSlidecast.getState().goalSeek!;
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(/no-such-claim/);
    expect(useSlidecast.getState().computeError).toBeUndefined();
  });

  it('calibrates to the claims chosen only', () => {
    disconnect = connectEngine(useSlidecast, noWorker);
    const ids = ['cagr-headline', 'size-2028-over-20'];
    useSlidecast.getState().askCalibration({ claimIds: ids, refs: [{ kind: 'baseSize' }, { kind: 'baseGrowth' }] });
    const outcome = useSlidecast.getState().calibration!;
    if (!outcome.ok) throw new Error(outcome.message);
    const claims = useSlidecast.getState().workspace.claims.filter((c) => ids.includes(c.id));
    expect(outcome.result).toEqual(analysisApi.calibrate(activeModel(), claims));
    expect(outcome.result.claims.map((c) => c.id)).toEqual(ids);
  });
});
