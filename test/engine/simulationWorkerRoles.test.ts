/**
 * The browser simulation workers' roles, driven message by message in-process: when a summary is
 * due, the summariser dropping a cancelled run's late blocks and holding a newer run's early ones,
 * and the sampler's blocks reaching the summariser transferred, never copied.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/simulation';
import { summariseSimulation } from '../../src/engine/simulationSummary';
import {
  createSimulationWorker,
  summaryDue,
  type BlockMessage,
  type BlockPort,
  type FromSimulationWorker,
  type RunSpec,
} from '../../src/engine/simulationWorkerRoles';
import { dimension, member, model } from '../support/models';

function spec(run: number, samples: number, seed = 5): RunSpec {
  const m = model({ baseYear: 2025, endYear: 2027, baseSize: 100, baseGrowth: 0.05 });
  m.baseGrowth.range = { low: 0, high: 0.1, dist: 'triangular' };
  m.simulation = { samples, seed };
  return { run, model: m, claims: [], samples, seed };
}

/** A port whose messages the test delivers by hand. */
function handPort(): BlockPort & { send: (message: BlockMessage) => void; sent: BlockMessage[] } {
  let listener: ((event: { data: BlockMessage }) => void) | undefined;
  const sent: BlockMessage[] = [];
  return {
    sent,
    postMessage: (message) => sent.push(message),
    addEventListener: (_, l) => {
      listener = l;
    },
    start: () => undefined,
    send: (message) => listener?.({ data: message }),
  };
}

function summariser() {
  const posted: FromSimulationWorker[] = [];
  const handle = createSimulationWorker((message) => posted.push(message));
  handle({ kind: 'summariser' });
  const port = handPort();
  handle({ kind: 'connect', sampler: port });
  return { handle, port, posted };
}

describe('summaryDue', () => {
  it('is due on the first block, on every doubling and on the last block, and never twice for the same samples', () => {
    expect(summaryDue(1000, 0, 10_000)).toBe(true);
    expect(summaryDue(1500, 1000, 10_000)).toBe(false);
    expect(summaryDue(2000, 1000, 10_000)).toBe(true);
    expect(summaryDue(3000, 2000, 10_000)).toBe(false);
    expect(summaryDue(10_000, 8000, 10_000)).toBe(true);
    expect(summaryDue(10_000, 10_000, 10_000)).toBe(false);
  });
});

describe('the summariser', () => {
  it("drops a cancelled run's late block and holds a newer run's block that came before its start", () => {
    const { handle, port, posted } = summariser();
    const old = spec(1, 3000);
    const newer = spec(2, 2000, 9);
    const oldSim = createSimulation(old.model, [], old);
    const newSim = createSimulation(newer.model, [], newer);
    handle({ kind: 'run', ...old });
    port.send({ run: 1, block: oldSim.runBlock(0) });
    expect(posted.map((m) => m.kind)).toEqual(['summary']);

    port.send({ run: 2, block: newSim.runBlock(0) }); // before run 2's start reached the summariser
    expect(posted).toHaveLength(1);
    handle({ kind: 'run', ...newer });
    expect(posted).toHaveLength(2);
    port.send({ run: 1, block: oldSim.runBlock(1) }); // late: run 1 was cancelled
    expect(posted).toHaveLength(2);
    port.send({ run: 2, block: newSim.runBlock(1) });
    const last = posted.at(-1)!;
    expect(last.kind === 'summary' && last.run === 2 && last.summary.samples).toBe(2000);
    if (last.kind === 'summary') {
      const expected = summariseSimulation(newSim, [newSim.runBlock(0), newSim.runBlock(1)]);
      expect(Array.from(last.summary.statistics)).toEqual(Array.from(expected.statistics));
    }
  });

  it('drops the blocks of a run cancelled by `cancel`, and takes the next run', () => {
    const { handle, port, posted } = summariser();
    const old = spec(1, 4000);
    const oldSim = createSimulation(old.model, [], old);
    handle({ kind: 'run', ...old });
    port.send({ run: 1, block: oldSim.runBlock(0) });
    expect(posted).toHaveLength(1);
    handle({ kind: 'cancel', run: 2 });
    port.send({ run: 1, block: oldSim.runBlock(1) }); // on its way when the run was cancelled
    expect(posted).toHaveLength(1);
    const next = spec(3, 1000, 9);
    const nextSim = createSimulation(next.model, [], next);
    handle({ kind: 'run', ...next });
    port.send({ run: 3, block: nextSim.runBlock(0) });
    expect(posted.map((m) => m.kind === 'summary' && m.run)).toEqual([1, 3]);
  });

  it("lets a finished run's blocks go: nothing more is taken for it", () => {
    const { handle, port, posted } = summariser();
    const run = spec(1, 2000);
    const simulation = createSimulation(run.model, [], run);
    handle({ kind: 'run', ...run });
    const first = simulation.runBlock(0);
    port.send({ run: 1, block: first });
    port.send({ run: 1, block: simulation.runBlock(1) });
    expect(posted.map((m) => m.kind)).toEqual(['summary', 'summary']);
    // Still held, the same block again would be "given twice"; let go, it is ignored.
    port.send({ run: 1, block: simulation.runBlock(1) });
    expect(posted).toHaveLength(2);
  });
});

describe('a sampler', () => {
  it('sends its block to the summariser with the arrays to transfer, and tells the page only the count', () => {
    const posted: { message: FromSimulationWorker; transfer: ArrayBuffer[] }[] = [];
    const handle = createSimulationWorker((message, transfer) => posted.push({ message, transfer }));
    const port = handPort();
    const transfers: ArrayBuffer[][] = [];
    port.postMessage = (message, transfer) => {
      port.sent.push(message);
      transfers.push(transfer);
    };
    handle({ kind: 'sampler', summariser: port });
    handle({ kind: 'run', ...spec(4, 1500) });
    handle({ kind: 'block', run: 4, index: 1 });
    expect(posted).toEqual([{ message: { kind: 'ran', run: 4, index: 1, samples: 500 }, transfer: [] }]);
    const block = port.sent[0]!.block;
    expect(port.sent[0]!.run).toBe(4);
    expect(transfers[0]).toEqual([block.values.buffer, block.claimsMet.buffer, block.sums.buffer]);
  });

  it('makes each run’s blocks as a fresh simulation does, whatever runs it made before (its evaluator’s kernel is laid out afresh)', () => {
    const handle = createSimulationWorker(() => undefined);
    const port = handPort();
    handle({ kind: 'sampler', summariser: port });
    const wider = spec(2, 1200, 7);
    wider.model.endYear = 2040;
    wider.model.dimensions = [dimension('region', [member('na', 0.6, { delta: 0.01 }), member('eu', 0.4)])];
    wider.model.dimensions[0]!.members[1]!.share.range = { low: 0.3, high: 0.5, dist: 'pert' };
    for (const run of [spec(1, 1500), wider, spec(3, 1500, 9), wider]) {
      const next = { ...run, run: port.sent.length + 1 };
      handle({ kind: 'run', ...next });
      handle({ kind: 'block', run: next.run, index: 1 });
      const expected = createSimulation(next.model, next.claims, { samples: next.samples, seed: next.seed }).runBlock(1);
      const block = port.sent.at(-1)!.block;
      expect(Array.from(block.values)).toEqual(Array.from(expected.values));
      expect(Array.from(block.sums)).toEqual(Array.from(expected.sums));
    }
  });

  it('answers "fixed" for a model without a ranged quantity', () => {
    const posted: FromSimulationWorker[] = [];
    const handle = createSimulationWorker((message) => posted.push(message));
    handle({ kind: 'sampler', summariser: handPort() });
    const fixed = spec(1, 1000);
    delete fixed.model.baseGrowth.range;
    handle({ kind: 'run', ...fixed });
    handle({ kind: 'block', run: 1, index: 0 });
    expect(posted).toEqual([{ kind: 'fixed', run: 1 }]);
  });
});
