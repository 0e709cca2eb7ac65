/** Types of scripts/build-wasm.mjs, for the TypeScript that imports it (test/engine/wasmModules.test.ts). */
export declare function generatedModule(name: string, source: Uint8Array): Promise<string>;
export declare function kernels(): { name: string; source: string; generated: string }[];
