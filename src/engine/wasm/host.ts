/**
 * The engine's WebAssembly kernels on the host that runs them — the page, a worker, Node alike:
 * each module compiled once per thread (they are a few kilobytes, so synchronous compilation is
 * allowed everywhere), an instance per user with its own memory.
 */

/** What the kernels need of the host's WebAssembly API, typed here: the pure layer knows neither the DOM's nor Node's declarations. */
interface WebAssemblyHost {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}

/** A kernel's memory, as its module exports it. */
export interface KernelMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}

const PAGE_BYTES = 65536;

const compiled = new Map<Uint8Array, object>();

/** A new instance of the module `bytes` (compiled on first use), with its exports typed as `T`. */
export function instantiate<T extends { memory: KernelMemory }>(bytes: Uint8Array): T {
  const host = (globalThis as unknown as { WebAssembly: WebAssemblyHost }).WebAssembly;
  let module = compiled.get(bytes);
  if (module === undefined) {
    module = new host.Module(bytes);
    compiled.set(bytes, module);
  }
  return new host.Instance(module, {}).exports as T;
}

/** Grows `memory` to at least `bytes` (a grown memory has a new buffer: views of the old one are detached). */
export function growTo(memory: KernelMemory, bytes: number): void {
  const pages = Math.ceil(bytes / PAGE_BYTES) - memory.buffer.byteLength / PAGE_BYTES;
  if (pages > 0) memory.grow(pages);
}
