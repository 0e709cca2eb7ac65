import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave, type AutosaveEvent, type AutosaveStorage, type UnloadStash } from '../../src/io/autosave';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import { serializeWorkspace } from '../../src/model/workspaceFile';
import type { Workspace } from '../../src/model/types';
import { memoryStash, memoryStorage } from '../support/memoryAutosave';

/** The seed with another (valid: inside its range) base size, to tell versions apart. */
function edited(workspace: Workspace, version: number): Workspace {
  const copy = structuredClone(workspace);
  copy.scenarios[0]!.model.baseSize.value = 17.2 + version / 100;
  return copy;
}

function tab(storage: AutosaveStorage, channel?: BroadcastChannel, stash?: UnloadStash, delayMs = 10) {
  const events: AutosaveEvent[] = [];
  const autosave = createAutosave({ storage, onEvent: (e) => events.push(e), delayMs, channel, stash });
  return { autosave, events };
}

/** A page being unloaded: IndexedDB takes the request, but its answer comes in a task that never runs. */
function dying(storage: AutosaveStorage): AutosaveStorage {
  return { ...storage, update: () => new Promise<void>(() => undefined) };
}

const stored = (data: Map<string, unknown>) => (data.get('workspace') as { workspace: string; revision: number } | undefined);

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes within a second of a change, and a reload restores exactly', async () => {
    const { storage } = memoryStorage();
    const first = tab(storage);
    expect(await first.autosave.restore()).toEqual({ kind: 'none' });
    const workspace = edited(seedWorkspace(), 18.5);
    workspace.activeScenario = 'narrow';
    first.autosave.schedule({ workspace, baseline: seedWorkspace(), fileName: 'market.slidecast.json' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(first.events).toEqual([{ kind: 'saved', at: expect.any(Number) }]);

    const restored = await tab(storage).autosave.restore();
    expect(restored.kind).toBe('restored');
    if (restored.kind !== 'restored') return;
    expect(restored.workspace).toEqual(workspace);
    expect(restored.workspace.activeScenario).toBe('narrow');
    expect(restored.baseline).toEqual(seedWorkspace());
    expect(restored.fileName).toBe('market.slidecast.json');
  });

  it('coalesces a burst of changes into one write of the newest', async () => {
    const { storage, data } = memoryStorage();
    const { autosave, events } = tab(storage);
    for (let i = 0; i < 20; i++) autosave.schedule({ workspace: edited(seedWorkspace(), 10 + i), baseline: seedWorkspace(), fileName: undefined });
    await vi.advanceTimersByTimeAsync(100);
    expect(events.filter((e) => e.kind === 'saved')).toHaveLength(1);
    expect((data.get('workspace') as { workspace: string }).workspace).toBe(serializeWorkspace(edited(seedWorkspace(), 29)));
  });

  it('writes at once on flush (the tab is hidden)', async () => {
    const { storage, data } = memoryStorage();
    const { autosave } = tab(storage);
    autosave.schedule({ workspace: seedWorkspace(), baseline: seedWorkspace(), fileName: undefined });
    await autosave.flush();
    expect(data.get('workspace')).toBeDefined();
  });

  it('keeps an edit made just before the page goes (a reload within the quiet spell), though IndexedDB never answers', async () => {
    const { storage, data } = memoryStorage();
    const { stash, entries } = memoryStash();
    const before = tab(dying(storage), undefined, stash, 400);
    await before.autosave.restore();
    before.autosave.schedule({ workspace: edited(seedWorkspace(), 7), baseline: seedWorkspace(), fileName: 'market.slidecast.json' });
    before.autosave.flushOnUnload();
    expect(stored(data)).toBeUndefined(); // IndexedDB did not get it

    const after = tab(storage, undefined, stash);
    const restored = await after.autosave.restore();
    expect(restored).toMatchObject({ kind: 'restored', workspace: edited(seedWorkspace(), 7), baseline: seedWorkspace(), fileName: 'market.slidecast.json' });
    // Now in IndexedDB, where every tab finds it; the stash is emptied.
    expect(stored(data)?.workspace).toBe(serializeWorkspace(edited(seedWorkspace(), 7)));
    expect(entries.size).toBe(0);
  });

  it('stashes nothing when every change is already written', async () => {
    const { storage } = memoryStorage();
    const { stash, entries } = memoryStash();
    const { autosave } = tab(storage, undefined, stash);
    await autosave.restore();
    autosave.flushOnUnload();
    autosave.schedule({ workspace: edited(seedWorkspace(), 1), baseline: seedWorkspace(), fileName: undefined });
    await vi.advanceTimersByTimeAsync(50);
    autosave.flushOnUnload();
    expect(entries.size).toBe(0);
  });

  it('forgets its stash once the write it stands in for has landed (the tab was only hidden)', async () => {
    const { storage, data } = memoryStorage();
    const { stash, entries } = memoryStash();
    const { autosave } = tab(storage, undefined, stash);
    await autosave.restore();
    autosave.schedule({ workspace: edited(seedWorkspace(), 2), baseline: seedWorkspace(), fileName: undefined });
    autosave.flushOnUnload();
    expect(entries.size).toBe(1);
    await vi.advanceTimersByTimeAsync(50);
    expect(stored(data)?.workspace).toBe(serializeWorkspace(edited(seedWorkspace(), 2)));
    expect(entries.size).toBe(0);
  });

  it('never puts a stashed edit over newer work another tab saved since: it is set aside, not lost', async () => {
    const { storage, data } = memoryStorage();
    const { stash, entries } = memoryStash();
    const a = tab(dying(storage), undefined, stash, 400);
    await a.autosave.restore();
    a.autosave.schedule({ workspace: edited(seedWorkspace(), 3), baseline: seedWorkspace(), fileName: undefined });
    a.autosave.flushOnUnload();

    const b = tab(storage); // another tab, open all along, saves newer work
    await b.autosave.restore();
    b.autosave.schedule({ workspace: edited(seedWorkspace(), 4), baseline: seedWorkspace(), fileName: undefined });
    await vi.advanceTimersByTimeAsync(50);

    const reloaded = tab(storage, undefined, stash);
    expect(await reloaded.autosave.restore()).toMatchObject({ kind: 'restored', workspace: edited(seedWorkspace(), 4) });
    expect(stored(data)?.workspace).toBe(serializeWorkspace(edited(seedWorkspace(), 4)));
    const aside = [...data.keys()].filter((k) => k.startsWith('set-aside-'));
    expect(aside.map((k) => JSON.parse(data.get(k) as string).workspace)).toEqual([serializeWorkspace(edited(seedWorkspace(), 3))]);
    expect(entries.size).toBe(0);
    // Offered back as the workspace file it holds, until the user deletes it.
    expect(await reloaded.autosave.keptAside()).toEqual([
      { key: aside[0], keptAt: expect.any(Number), origin: 'leftByPage', text: serializeWorkspace(edited(seedWorkspace(), 3)) },
    ]);
    await reloaded.autosave.discardKeptAside(aside[0]!);
    expect(await reloaded.autosave.keptAside()).toEqual([]);
    expect(data.has(aside[0]!)).toBe(false);
  });

  it('says so when a write fails, and keeps working after', async () => {
    const { storage, fail } = memoryStorage();
    const { autosave, events } = tab(storage);
    fail(new DOMException('quota', 'QuotaExceededError'));
    autosave.schedule({ workspace: seedWorkspace(), baseline: seedWorkspace(), fileName: undefined });
    await vi.advanceTimersByTimeAsync(50);
    expect(events[0]).toEqual({ kind: 'failed', message: expect.stringContaining('storage for this site is full') });
    fail(undefined);
    autosave.schedule({ workspace: seedWorkspace(), baseline: seedWorkspace(), fileName: undefined });
    await vi.advanceTimersByTimeAsync(50);
    expect(events[1]?.kind).toBe('saved');
  });

  it('never lets an older tab overwrite newer work from another tab', async () => {
    const { storage, data } = memoryStorage();
    const a = tab(storage);
    await a.autosave.restore();
    a.autosave.schedule({ workspace: edited(seedWorkspace(), 1), baseline: seedWorkspace(), fileName: undefined });
    await vi.advanceTimersByTimeAsync(50);

    const b = tab(storage); // opened later: restores A's work
    await b.autosave.restore();
    b.autosave.schedule({ workspace: edited(seedWorkspace(), 2), baseline: seedWorkspace(), fileName: undefined });
    await vi.advanceTimersByTimeAsync(50);

    // A, now older than B's write, edits again: refused, and told.
    a.autosave.schedule({ workspace: edited(seedWorkspace(), 3), baseline: seedWorkspace(), fileName: undefined });
    await vi.advanceTimersByTimeAsync(50);
    expect(a.events.at(-1)).toEqual({ kind: 'superseded' });
    expect((data.get('workspace') as { workspace: string }).workspace).toBe(serializeWorkspace(edited(seedWorkspace(), 2)));

    // And it stops trying.
    a.autosave.schedule({ workspace: edited(seedWorkspace(), 4), baseline: seedWorkspace(), fileName: undefined });
    await vi.advanceTimersByTimeAsync(50);
    expect((data.get('workspace') as { workspace: string }).workspace).toBe(serializeWorkspace(edited(seedWorkspace(), 2)));
  });

  it('learns at once from another tab’s broadcast that it is superseded', async () => {
    vi.useRealTimers();
    const { storage } = memoryStorage();
    const channelA = new BroadcastChannel('autosave-test');
    const channelB = new BroadcastChannel('autosave-test');
    const a = tab(storage, channelA);
    const b = tab(storage, channelB);
    await a.autosave.restore();
    await b.autosave.restore();
    b.autosave.schedule({ workspace: edited(seedWorkspace(), 5), baseline: seedWorkspace(), fileName: undefined });
    await b.autosave.flush();
    await vi.waitFor(() => expect(a.events).toContainEqual({ kind: 'superseded' }));
    a.autosave.dispose();
    b.autosave.dispose();
  });

  it.each([
    ['damaged JSON', { revision: 3, savedAt: 1, tabId: 'x', workspace: '{"format": "slidecast.workspace", ' }],
    ['a newer format version', { revision: 3, savedAt: 1, tabId: 'x', workspace: serializeWorkspace(seedWorkspace()).replace(/"version": \d+/, '"version": 99') }],
    ['not a record at all', 'hello'],
  ])('sets aside an autosave it cannot restore (%s), for download, and starts afresh', async (_, record) => {
    const { storage, data } = memoryStorage();
    data.set('workspace', record);
    const { autosave } = tab(storage);
    const outcome = await autosave.restore();
    expect(outcome.kind).toBe('setAside');
    if (outcome.kind !== 'setAside') return;
    expect(outcome.reason).toMatch(/\S/);
    const aside = [...data.keys()].filter((k) => k.startsWith('set-aside-'));
    expect(aside).toHaveLength(1);
    expect(data.get(aside[0]!)).toEqual(record);
    // Listed for the user: the record's workspace text where it has one, else the value itself.
    const [kept] = await autosave.keptAside();
    expect(kept).toEqual({ key: aside[0], keptAt: expect.any(Number), origin: 'unrestorable', text: typeof record === 'string' ? record : record.workspace });
    expect(Math.abs(kept!.keptAt - Date.now())).toBeLessThan(1000);
    // The next write is not blocked by the damaged record's revision.
    autosave.schedule({ workspace: seedWorkspace(), baseline: seedWorkspace(), fileName: undefined });
    await vi.advanceTimersByTimeAsync(50);
    expect((data.get('workspace') as { revision: number }).revision).toBe(1);
  });

  it('lists what is kept aside newest first, reads odd values as text, and lists nothing when storage fails', async () => {
    const { storage, data } = memoryStorage();
    data.set('set-aside-1000', { not: 'a record' });
    data.set('set-aside-3000-tab', JSON.stringify({ tabId: 't', baseRevision: 1, savedAt: 2, workspace: '{"w":1}' }));
    data.set('set-aside-2000-tab', 'not JSON');
    data.set('set-aside-garbage', 'x'); // not a key autosave writes: ignored
    const { autosave } = tab(storage);
    expect(await autosave.keptAside()).toEqual([
      { key: 'set-aside-3000-tab', keptAt: 3000, origin: 'leftByPage', text: '{"w":1}' },
      { key: 'set-aside-2000-tab', keptAt: 2000, origin: 'leftByPage', text: 'not JSON' },
      { key: 'set-aside-1000', keptAt: 1000, origin: 'unrestorable', text: '{"not":"a record"}' },
    ]);
    const broken = tab({ ...storage, keptAside: () => Promise.reject(new DOMException('blocked', 'SecurityError')) });
    expect(await broken.autosave.keptAside()).toEqual([]);
  });

  it('reports storage that cannot be read, and starts from the seed', async () => {
    const events: AutosaveEvent[] = [];
    const autosave = createAutosave({
      storage: { ...memoryStorage().storage, read: () => Promise.reject(new DOMException('blocked', 'SecurityError')) },
      onEvent: (e) => events.push(e),
    });
    expect(await autosave.restore()).toEqual({ kind: 'none' });
    expect(events[0]).toEqual({ kind: 'failed', message: expect.stringContaining('blocks storage') });
  });
});
