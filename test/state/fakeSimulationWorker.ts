/**
 * A stand-in for a simulation worker that the simulation client cannot tell from the real one: it
 * runs the real worker roles (src/engine/simulationWorkerRoles.ts) in-process, one message per
 * macrotask, and every message in either direction is structured-cloned with its transfer list —
 * transferred buffers and ports are detached on the sending side, as between real threads. The
 * samplers reach the summariser over Node's real MessageChannel.
 */
import { createSimulationWorker, type FromSimulationWorker, type ToSimulationWorker } from '../../src/engine/simulationWorkerRoles';

export class FakeSimulationWorker extends EventTarget {
  terminated = false;
  /** The kinds of message this worker received, in order. */
  readonly received: ToSimulationWorker['kind'][] = [];
  readonly #handle: (message: ToSimulationWorker) => void;
  readonly #ports: MessagePort[] = [];

  constructor() {
    super();
    this.#handle = createSimulationWorker((message, transfer) => {
      const data = structuredClone(message, { transfer }) as FromSimulationWorker;
      setTimeout(() => {
        if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data }));
      }, 0);
    });
  }

  postMessage(message: ToSimulationWorker, transfer: Transferable[] = []): void {
    if (this.terminated) return;
    const data = structuredClone(message, { transfer: transfer as StructuredSerializeOptions['transfer'] });
    setTimeout(() => {
      if (this.terminated) return;
      this.received.push(data.kind);
      if (data.kind === 'sampler') this.#ports.push(data.summariser as MessagePort);
      if (data.kind === 'connect') this.#ports.push(data.sampler as MessagePort);
      this.#handle(data);
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
    for (const port of this.#ports) port.close();
  }

  /** What a browser does when the worker's script fails to load or throws at the top level. */
  crash(): void {
    this.dispatchEvent(new Event('error', { cancelable: true }));
  }

  asWorker(): Worker {
    return this as unknown as Worker;
  }
}
