// @vitest-environment jsdom
/**
 * The store's connection to autosave: a change is written after a quiet spell, at once when the
 * tab is hidden, and — when the page goes (reload, close) before that spell is over — stashed as
 * it goes, so the next page has it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectAutosave } from '../../src/state/autosaveConnection';
import { createAutosave, localStorageStash } from '../../src/io/autosave';
import { memoryStash, memoryStorage } from '../support/memoryAutosave';
import { resetSlidecastStore, useSlidecast } from '../../src/state/store';
import { setQuantityValue } from '../../src/model/modelEdits';
import { activeModelOf } from '../../src/state/scenarioSelectors';

function editTrendGrowth(value: number): void {
  useSlidecast.getState().editModel('baseGrowth', (model) => setQuantityValue(model, { kind: 'baseGrowth' }, value));
}

let visibility: DocumentVisibilityState = 'visible';
beforeEach(() => {
  vi.useFakeTimers();
  visibility = 'visible';
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
});
afterEach(() => {
  vi.useRealTimers();
  resetSlidecastStore();
});

describe('autosave connection', () => {
  it('keeps an edit when the page goes within the quiet spell (a reload at once)', async () => {
    let alive = true;
    const { storage } = memoryStorage({ answers: () => alive });
    const { stash } = memoryStash();
    const autosave = createAutosave({ storage, stash, onEvent: () => undefined, delayMs: 400 });
    await autosave.restore();
    const disconnect = connectAutosave(useSlidecast, autosave);
    editTrendGrowth(0.007);
    await vi.advanceTimersByTimeAsync(100);
    alive = false; // the page is going: from here on IndexedDB never answers
    window.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(1000);
    disconnect();

    alive = true;
    const next = createAutosave({ storage, stash, onEvent: () => undefined });
    const restored = await next.restore();
    expect(restored.kind).toBe('restored');
    if (restored.kind === 'restored') expect(activeModelOf(restored.workspace).baseGrowth.value).toBe(0.007);
  });

  it('writes at once when the tab is hidden, and otherwise after the quiet spell', async () => {
    const { storage, data } = memoryStorage();
    const autosave = createAutosave({ storage, onEvent: () => undefined, delayMs: 400 });
    await autosave.restore();
    const disconnect = connectAutosave(useSlidecast, autosave);
    editTrendGrowth(0.007);
    await vi.advanceTimersByTimeAsync(100);
    expect(data.get('workspace')).toBeUndefined(); // still waiting
    visibility = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(data.get('workspace')).toBeDefined();
    disconnect();
  });

  it('stashes in localStorage, under keys of its own', () => {
    localStorage.setItem('someone-else', 'x');
    const stash = localStorageStash()!;
    stash.put('tab-1', '{"a":1}');
    expect(stash.entries()).toEqual([{ key: 'tab-1', text: '{"a":1}' }]);
    stash.remove('tab-1');
    expect(stash.entries()).toEqual([]);
    expect(localStorage.getItem('someone-else')).toBe('x');
  });
});
