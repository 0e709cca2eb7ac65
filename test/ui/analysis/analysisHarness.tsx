/**
 * What the Analysis panels' tests share: the real store connected to the real engine on the main
 * thread (a browser without workers), so every forecast and analysis on screen comes the way the
 * app's do — through the engine connection, never computed by the test.
 */
import { cleanup } from '@testing-library/react';
import { vi } from 'vitest';
import { connectEngine } from '../../../src/state/engineConnection';
import { resetSlidecastStore, useSlidecast } from '../../../src/state/store';
import { stubResizeObserver } from '../screenHarness';

let disconnect: (() => void) | undefined;

export function connectMainThreadEngine(): void {
  stubResizeObserver();
  disconnect = connectEngine(useSlidecast, () => {
    throw new Error('Worker is not defined');
  });
}

export function disconnectEngine(): void {
  cleanup();
  disconnect?.();
  disconnect = undefined;
  resetSlidecastStore();
  vi.unstubAllGlobals();
}
