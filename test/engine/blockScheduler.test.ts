/**
 * The block scheduler of src/engine/blockScheduler.ts: the next block to the next free worker, one
 * block per worker at a time, each block handed on as it arrives, the count of blocks run a prefix.
 */
import { describe, expect, it } from 'vitest';
import { runBlocks, type BlockWorker } from '../../src/engine/blockScheduler';
import type { SimulationBlock } from '../../src/engine/simulation';

const block = (index: number): SimulationBlock => ({ index, samples: 1, values: new Float64Array([index]), claimsMet: new Uint32Array(0), sums: new Float64Array(0) });

/** A worker that answers after `delay(index)` turns of the event loop, and records what it ran. */
function fakeWorker(delay: (index: number) => number, log: { worker: number; index: number }[], id: number, busy: { now: number; max: number }): BlockWorker {
  let running = false;
  return {
    async runBlock(index) {
      if (running) throw new Error(`worker ${id} given two blocks at once`);
      running = true;
      busy.now += 1;
      busy.max = Math.max(busy.max, busy.now);
      log.push({ worker: id, index });
      for (let i = 0; i < delay(index); i++) await new Promise((resolve) => setTimeout(resolve, 0));
      busy.now -= 1;
      running = false;
      return block(index);
    },
  };
}

describe('runBlocks', () => {
  it('runs every block once, one at a time per worker, and hands each on as it arrives, whatever order they finished in', async () => {
    for (const k of [1, 2, 3, 4]) {
      const log: { worker: number; index: number }[] = [];
      const busy = { now: 0, max: 0 };
      // Even blocks are slow, odd ones fast: they finish out of order.
      const workers = Array.from({ length: k }, (_, id) => fakeWorker((index) => (index % 2 === 0 ? 3 : 0), log, id, busy));
      const arrivals: number[] = [];
      const counts: number[] = [];
      const ran = await runBlocks(workers, 11, { onBlock: (b, done) => (arrivals.push(b.index), counts.push(done)) });
      expect(ran).toBe(11);
      expect([...arrivals].sort((a, b) => a - b)).toEqual(Array.from({ length: 11 }, (_, i) => i));
      if (k > 1) expect(arrivals).not.toEqual(Array.from({ length: 11 }, (_, i) => i)); // out of order: not kept and sorted
      expect(counts).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
      expect(log.map((entry) => entry.index).sort((a, b) => a - b)).toEqual(Array.from({ length: 11 }, (_, i) => i));
      expect(log.map((entry) => entry.index)).toEqual(Array.from({ length: 11 }, (_, i) => i)); // handed out in order
      expect(busy.max).toBe(Math.min(k, 11));
      expect(new Set(log.map((entry) => entry.worker)).size).toBe(k);
    }
  });

  it('hands no more blocks out once asked to stop, and counts the blocks done, without a gap', async () => {
    const log: { worker: number; index: number }[] = [];
    const busy = { now: 0, max: 0 };
    const done: number[] = [];
    const workers = [0, 1].map((id) => fakeWorker(() => 1, log, id, busy));
    const ran = await runBlocks(workers, 20, { shouldStop: () => done.length >= 4, onBlock: (b) => done.push(b.index) });
    expect(ran).toBeGreaterThanOrEqual(4);
    expect(ran).toBeLessThan(20);
    expect([...done].sort((a, b) => a - b)).toEqual(Array.from({ length: ran }, (_, i) => i));
  });

  it('rejects with a worker’s failure and hands out no block after it', async () => {
    const ran: number[] = [];
    const worker: BlockWorker = {
      async runBlock(index) {
        ran.push(index);
        if (index === 2) throw new Error('block 2 failed');
        return block(index);
      },
    };
    await expect(runBlocks([worker], 10)).rejects.toThrow('block 2 failed');
    expect(ran).toEqual([0, 1, 2]);
    await expect(runBlocks([{ runBlock: async (i) => block(i + 1) }], 1)).rejects.toThrow('a worker answered block 0 with block 1');
    await expect(runBlocks([], 1)).rejects.toThrow('at least one worker');
  });
});
