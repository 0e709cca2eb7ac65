/**
 * The engine's WebAssembly kernels are compiled from their sources (src/engine/wasm/*.wat) by
 * scripts/build-wasm.mjs into generated modules that are committed; this fails when a source
 * changed and its module was not built again (or a module was edited by hand).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedModule, kernels } from '../../scripts/build-wasm.mjs';

describe('the WebAssembly kernels', () => {
  const all = kernels();

  it('are there: one generated module per source', () => {
    expect(all.map((k) => k.name).sort()).toEqual(['countBuckets', 'evaluateBatch', 'triangularDraws']);
  });

  it.each(all)('$name: the committed module is the compiled source (run `node scripts/build-wasm.mjs`)', async ({ name, source, generated }) => {
    expect(readFileSync(generated, 'utf8')).toBe(await generatedModule(name, readFileSync(source)));
  });
});
