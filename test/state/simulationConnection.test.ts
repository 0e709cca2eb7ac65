/**
 * Store → simulation client → worker pool → statistics in the store, with the real store and the
 * real engine in worker stand-ins, and on the main thread.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { simulate } from '../../src/engine/simulate';
import { activeScenarioOf } from '../../src/state/scenarioSelectors';
import { connectSimulation, RESULT_WAIT_MS } from '../../src/state/simulationConnection';
import { resetSlidecastStore, useSlidecast } from '../../src/state/store';
import { model } from '../support/models';
import { FakeSimulationWorker } from './fakeSimulationWorker';
import { setValue, workspaceOf } from './storeFactories';

let disconnect: (() => void) | undefined;
const workers: FakeSimulationWorker[] = [];

function fakeWorker(): Worker {
  const worker = new FakeSimulationWorker();
  workers.push(worker);
  return worker.asWorker();
}

afterEach(() => {
  disconnect?.();
  disconnect = undefined;
  for (const worker of workers.splice(0)) worker.terminate();
  resetSlidecastStore();
});

/** The simulation the store shows once it is done. */
async function finishedSimulation() {
  await vi.waitFor(() => expect(useSlidecast.getState().simulation?.running).toBe(false), { timeout: 20_000, interval: 5 });
  return useSlidecast.getState().simulation!;
}

function expectedStatistics(): number[] {
  const { workspace } = useSlidecast.getState();
  const m = activeScenarioOf(workspace).model;
  const summary = simulate(m, workspace.claims, { samples: m.simulation.samples, seed: m.simulation.seed });
  return Array.from(summary.statistics);
}

describe('connectSimulation', () => {
  it("streams the seed scenario's statistics into the store, and runs again after an edit", async () => {
    disconnect = connectSimulation(useSlidecast, { createWorker: fakeWorker, poolSize: 2 });
    await vi.waitFor(() => expect(useSlidecast.getState().simulation).toBeDefined());
    const first = useSlidecast.getState().simulation!;
    expect(first.scenarioId).toBe('consensus');
    expect(first.target).toBe(10_000);
    expect(first.summary.samples).toBeLessThan(10_000);
    const done = await finishedSimulation();
    expect(Array.from(done.summary.statistics)).toEqual(expectedStatistics());

    setValue({ kind: 'baseSize' }, 25);
    await vi.waitFor(() => expect(useSlidecast.getState().simulation?.running).toBe(true));
    const again = await finishedSimulation();
    expect(Array.from(again.summary.statistics)).toEqual(expectedStatistics());
  });

  it('simulates a change once its forecast is in the store, or RESULT_WAIT_MS after it without one; the run in flight stops at once', async () => {
    disconnect = connectSimulation(useSlidecast, { createWorker: fakeWorker, poolSize: 1 });
    await finishedSimulation();
    const runs = () => workers.reduce((n, w) => n + w.received.filter((kind) => kind === 'run').length, 0);
    const blocks = () => workers.reduce((n, w) => n + w.received.filter((kind) => kind === 'block').length, 0);

    // A change: no run yet, and none of the old run's blocks handed out any more.
    setValue({ kind: 'baseSize' }, 25);
    const [runsBefore, blocksBefore] = [runs(), blocks()];
    await new Promise((resolve) => setTimeout(resolve, RESULT_WAIT_MS / 2));
    expect(runs()).toBe(runsBefore);
    expect(blocks()).toBe(blocksBefore);
    // The forecast arrives: the run starts after the frame that paints it (a task of its own here).
    const { result, resultScenario } = useSlidecast.getState();
    useSlidecast.getState().setResult(resultScenario ?? 'consensus', { ...result! });
    await vi.waitFor(() => expect(runs()).toBe(runsBefore + 2), { timeout: RESULT_WAIT_MS / 2, interval: 1 }); // the summariser and the sampler
    await vi.waitFor(() => expect(Array.from(useSlidecast.getState().simulation!.summary.statistics)).toEqual(expectedStatistics()), { timeout: 20_000, interval: 5 });

    // Without a forecast (no engine connected here), the run starts at the deadline.
    setValue({ kind: 'baseSize' }, 26);
    const started = performance.now();
    await vi.waitFor(() => expect(runs()).toBe(runsBefore + 4), { timeout: 1000, interval: 1 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(RESULT_WAIT_MS - 5);
    await vi.waitFor(() => expect(Array.from(useSlidecast.getState().simulation!.summary.statistics)).toEqual(expectedStatistics()), { timeout: 20_000, interval: 5 });
  });

  it('while a slider is dragged simulates each input to its first estimate only, and the last one in full when the drag ends', async () => {
    disconnect = connectSimulation(useSlidecast, { createWorker: fakeWorker, poolSize: 2 });
    await finishedSimulation();
    useSlidecast.getState().beginGesture('baseSize');
    setValue({ kind: 'baseSize' }, 25);
    await vi.waitFor(() => expect(useSlidecast.getState().simulation?.summary.samples).toBe(1000));
    const preview = useSlidecast.getState().simulation!;
    expect(preview.running).toBe(true);
    expect(preview.target).toBe(10_000);
    // The preview is the whole run's first block: its numbers are the full run's first estimate.
    const { workspace } = useSlidecast.getState();
    const m = activeScenarioOf(workspace).model;
    const firstBlock = simulate(m, workspace.claims, { samples: m.simulation.samples, seed: m.simulation.seed, shouldStop: ((n) => () => n++ >= 1)(0) });
    expect(Array.from(preview.summary.statistics)).toEqual(Array.from(firstBlock.statistics));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(useSlidecast.getState().simulation?.summary.samples).toBe(1000); // no refining during the drag

    useSlidecast.getState().endGesture();
    const done = await finishedSimulation();
    expect(done.summary.samples).toBe(10_000);
    expect(Array.from(done.summary.statistics)).toEqual(expectedStatistics());
  });

  it('previews a drag at most once an interval: the first input at once, then the newest', async () => {
    disconnect = connectSimulation(useSlidecast, { createWorker: fakeWorker, poolSize: 1, previewInterval: 80 });
    await finishedSimulation();
    const runsBefore = workers.reduce((n, w) => n + w.received.filter((kind) => kind === 'run').length, 0);
    useSlidecast.getState().beginGesture('baseSize');
    for (let i = 0; i < 10; i++) setValue({ kind: 'baseSize' }, 20 + i); // ten inputs at once
    await new Promise((resolve) => setTimeout(resolve, 200));
    const runs = workers.reduce((n, w) => n + w.received.filter((kind) => kind === 'run').length, 0) - runsBefore;
    // Each run goes to the summariser and the sampler: two previews, the first and the newest.
    expect(runs).toBe(4);
    await vi.waitFor(() => expect(useSlidecast.getState().simulation?.summary.samples).toBe(1000));
    useSlidecast.getState().endGesture();
    const done = await finishedSimulation();
    expect(Array.from(done.summary.statistics)).toEqual(expectedStatistics()); // of the newest input, 29
    expect(activeScenarioOf(useSlidecast.getState().workspace).model.baseSize.value).toBe(29);
  });

  it('clears the statistics when the scenario on screen has no range', async () => {
    const fixed = model({ baseSize: 50 });
    useSlidecast.getState().replaceWorkspace(workspaceOf(fixed));
    useSlidecast.getState().setSimulation({ scenarioId: 's0', summary: simulate(fixed, [], { samples: 1, seed: 1 }), target: 1, running: false });
    disconnect = connectSimulation(useSlidecast, { createWorker: fakeWorker, poolSize: 1 });
    await vi.waitFor(() => expect(useSlidecast.getState().simulation).toBeUndefined());
  });

  it('says when the simulation stopped, and why', async () => {
    const broken = model({ baseSize: 50 });
    broken.baseGrowth.range = { low: 0, high: 0.1, dist: 'uniform' };
    broken.simulation = { samples: 2000, seed: -1 };
    useSlidecast.getState().replaceWorkspace(workspaceOf(broken));
    disconnect = connectSimulation(useSlidecast, { createWorker: fakeWorker, poolSize: 1 });
    await vi.waitFor(() => expect(useSlidecast.getState().computeError).toMatch(/^its simulation stopped \(.*seed/));
    expect(useSlidecast.getState().simulation).toBeUndefined();
  });

  it('adds its fallback to the engine notice once, without moving the forecast off its worker', () => {
    disconnect = connectSimulation(useSlidecast, {
      createWorker: () => {
        throw new Error('Worker is not defined');
      },
      later: () => undefined,
    });
    setValue({ kind: 'baseSize' }, 25);
    const state = useSlidecast.getState();
    expect(state.engineNotice).toMatch(/^The simulation is running on the main thread/);
    expect(state.engineMode).toBe('worker');
    state.setEngineFallback('The forecast engine is running on the main thread (test).');
    expect(useSlidecast.getState().engineNotice).toBe(`${state.engineNotice} The forecast engine is running on the main thread (test).`);
  });
});
