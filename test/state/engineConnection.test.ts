/**
 * The one-way flow store → engine client → engine → result in the store, with the real store and
 * the real engine: on the main thread (a browser without workers) and through a worker stand-in.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluateScenario } from '../../src/engine/evaluateScenario';
import { connectEngine } from '../../src/state/engineConnection';
import { activeScenarioOf } from '../../src/state/scenarioSelectors';
import { resetSlidecastStore, useSlidecast } from '../../src/state/store';
import { ControllableEngine, FakeEngineWorker } from './fakeEngineWorker';
import { NARROW, drag, setShare, setValue } from './storeFactories';

const noWorker = (): Worker => {
  throw new Error('Worker is not defined');
};

let disconnect: (() => void) | undefined;

afterEach(() => {
  disconnect?.();
  disconnect = undefined;
  resetSlidecastStore();
});

/** The engine's end-year total for the scenario on screen, computed here from the store's model. */
function expectedEndTotal(): number {
  const { workspace } = useSlidecast.getState();
  const total = evaluateScenario(activeScenarioOf(workspace).model, workspace.claims).forecast.total;
  return total[total.length - 1]!;
}

function shownEndTotal(): number | undefined {
  const total = useSlidecast.getState().result?.forecast.total;
  return total?.[total.length - 1];
}

describe('connectEngine on the main thread', () => {
  it('computes the scenario on screen at once and says the engine is on the main thread', () => {
    disconnect = connectEngine(useSlidecast, noWorker);
    const state = useSlidecast.getState();
    expect(state.resultScenario).toBe('consensus');
    expect(shownEndTotal()).toBe(expectedEndTotal());
    expect(state.engineMode).toBe('main-thread');
    expect(state.engineNotice).toMatch(/main thread/);
  });

  it('recomputes after every edit, undo and scenario switch', () => {
    disconnect = connectEngine(useSlidecast, noWorker);
    const initialTotal = shownEndTotal();

    setValue({ kind: 'baseSize' }, 25);
    expect(shownEndTotal()).toBe(expectedEndTotal());
    expect(shownEndTotal()).toBeGreaterThan(initialTotal!);

    setShare(['region', 'europe'], 0.5);
    const europe = useSlidecast.getState().result!.forecast.layout.series.findIndex((s) => s.key === 'region/europe');
    const years = useSlidecast.getState().result!.forecast.layout.years.length;
    expect(useSlidecast.getState().result!.forecast.shares[europe * years]).toBeCloseTo(0.5, 12);

    useSlidecast.getState().undo();
    useSlidecast.getState().undo();
    expect(shownEndTotal()).toBe(initialTotal);

    useSlidecast.getState().switchScenario(NARROW);
    expect(useSlidecast.getState().resultScenario).toBe(NARROW);
    expect(shownEndTotal()).toBe(expectedEndTotal());
  });

  it('asks for nothing when nothing the forecast depends on changed', () => {
    disconnect = connectEngine(useSlidecast, noWorker);
    const results: unknown[] = [];
    const unsubscribe = useSlidecast.subscribe((state, previous) => {
      if (state.result !== previous.result) results.push(state.result);
    });
    useSlidecast.getState().beginGesture('baseSize');
    useSlidecast.getState().endGesture();
    setValue({ kind: 'baseSize' }, useSlidecast.getState().workspace.scenarios[0]!.model.baseSize.value);
    useSlidecast.getState().switchScenario('consensus');
    unsubscribe();
    expect(results).toEqual([]);
  });

  it('stops following the store once disconnected', () => {
    disconnect = connectEngine(useSlidecast, noWorker);
    const before = useSlidecast.getState().result;
    disconnect();
    disconnect = undefined;
    setValue({ kind: 'baseSize' }, 30);
    expect(useSlidecast.getState().result).toBe(before);
  });
});

describe('connectEngine through a worker', () => {
  it('shows the newest numbers after a drag, never a queue catching up', async () => {
    const engine = new ControllableEngine();
    const workers: FakeEngineWorker[] = [];
    disconnect = connectEngine(useSlidecast, () => {
      const worker = new FakeEngineWorker(engine);
      workers.push(worker);
      return worker.asWorker();
    });
    await vi.waitFor(() => expect(engine.calls).toHaveLength(1));

    drag({ kind: 'baseSize' }, [18, 19, 20, 21, 22]);
    engine.calls[0]!.finish();
    await vi.waitFor(() => expect(engine.calls).toHaveLength(2));
    expect(engine.computedBaseSizes).toEqual([17.18, 22]);
    expect(useSlidecast.getState().result).toBeUndefined();

    engine.calls[1]!.finish();
    await vi.waitFor(() => expect(useSlidecast.getState().result).toBeDefined());
    expect(shownEndTotal()).toBe(expectedEndTotal());
    expect(useSlidecast.getState().engineMode).toBe('worker');
    for (const worker of workers) worker.terminate();
  });
});
