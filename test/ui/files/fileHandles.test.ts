// @vitest-environment jsdom
/**
 * Save overwrites the file the open workspace came from — and only that one. The file handle
 * belongs to the open document: every way a workspace arrives (the picker, a drop, a workspace
 * link, New workspace, a restored autosave) sets it or clears it, so Save can never write one
 * workspace over another's file.
 *
 * These tests run browser-fs-access on its File System Access path, against a fake of the API
 * (test/support/fakeFileSystemAccess.ts) that records which file got which bytes.
 */
import { createElement } from 'react';
import { render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeFileSystem } from '../../support/fakeFileSystemAccess';
import { openFile, saveFile } from '../../../src/ui/files/fileActions';
import { DropZone } from '../../../src/ui/files/DropZone';
import { applyWorkspaceLink } from '../../../src/ui/link/openWorkspaceLink';
import { startNewWorkspace } from '../../../src/ui/structure/newWorkspace';
import { applyRestore } from '../../../src/state/autosaveConnection';
import { resetSlidecastStore, useSlidecast } from '../../../src/state/store';
import { setQuantityValue } from '../../../src/model/modelEdits';
import { parseWorkspaceFile, serializeWorkspace } from '../../../src/model/workspaceFile';
import { seedWorkspace } from '../../../src/model/seedWorkspace';
import type { Workspace } from '../../../src/model/types';

// browser-fs-access chooses its File System Access path when it is loaded, so the fake goes in first.
const disk = await vi.hoisted(async () => {
  const { installFakeFileSystemAccess } = await import('../../support/fakeFileSystemAccess');
  return installFakeFileSystemAccess();
});

const yes = () => true;

function titled(title: string): Workspace {
  const workspace = seedWorkspace();
  workspace.title = title;
  return workspace;
}

function resetDisk(fake: FakeFileSystem): void {
  fake.files = {
    'a/alpha.slidecast.json': serializeWorkspace(titled('Alpha')),
    'b/beta.slidecast.json': serializeWorkspace(titled('Beta')),
  };
  fake.writes = [];
  fake.nextOpen = [];
  fake.nextSave = [];
  fake.saveRequests = [];
  fake.dropped = {};
}

/** The title of the workspace a write put on disk. */
function titleWritten(text: string): string {
  const loaded = parseWorkspaceFile(text);
  if (!loaded.ok) throw new Error('the written file does not open');
  return loaded.workspace.title;
}

function edit(): void {
  useSlidecast.getState().editModel('baseGrowth', (model) => setQuantityValue(model, { kind: 'baseGrowth' }, 0.01));
}

async function openAlphaWithThePicker(): Promise<void> {
  disk.nextOpen.push('a/alpha.slidecast.json');
  await openFile(yes);
  expect(useSlidecast.getState().workspace.title).toBe('Alpha');
}

/** Drops beta on the window, as Chromium does: with a handle when `withHandle`, else only the File. */
async function dropBeta(withHandle: boolean): Promise<void> {
  const file = new File([disk.files['b/beta.slidecast.json']!], 'beta.slidecast.json', { type: 'application/json' });
  const item = {
    kind: 'file',
    getAsFile: () => file,
    // The real one is only available during the drop event, which is why DropZone asks at once.
    getAsFileSystemHandle: () => Promise.resolve(withHandle ? fakeHandle('b/beta.slidecast.json') : null),
  };
  const drop = new Event('drop', { cancelable: true });
  Object.defineProperty(drop, 'dataTransfer', { value: { types: ['Files'], files: [file], items: [item] } });
  const view = render(createElement(DropZone));
  window.dispatchEvent(drop);
  await vi.waitFor(() => expect(useSlidecast.getState().workspace.title).toBe('Beta'));
  view.unmount();
}

/** A handle of the fake for `path`, as its open picker would return it. */
async function fakeHandle(path: string): Promise<unknown> {
  disk.nextOpen.unshift(path);
  const [handle] = await (window as unknown as { showOpenFilePicker: () => Promise<unknown[]> }).showOpenFilePicker();
  return handle;
}

beforeEach(() => resetDisk(disk));
afterEach(() => resetSlidecastStore());

describe('the file handle belongs to the open document', () => {
  it('Save after opening with the picker overwrites the opened file', async () => {
    await openAlphaWithThePicker();
    edit();
    await saveFile(false);
    expect(disk.writes.map((w) => w.path)).toEqual(['a/alpha.slidecast.json']);
    expect(disk.saveRequests).toEqual([]);
    expect(parseWorkspaceFile(disk.files['a/alpha.slidecast.json']!)).toMatchObject({ ok: true, workspace: useSlidecast.getState().workspace });
    expect(useSlidecast.getState().baseline).toBe(useSlidecast.getState().workspace);
  });

  it('Save after a drop overwrites the dropped file, never the one opened before', async () => {
    await openAlphaWithThePicker();
    await dropBeta(true);
    edit();
    await saveFile(false);
    expect(disk.writes.map((w) => [w.path, titleWritten(w.text)])).toEqual([['b/beta.slidecast.json', 'Beta']]);
    expect(titleWritten(disk.files['a/alpha.slidecast.json']!)).toBe('Alpha');
    expect(useSlidecast.getState().fileName).toBe('beta.slidecast.json');
  });

  it('Save after a drop that brings no handle asks where, offering the dropped file’s name', async () => {
    await openAlphaWithThePicker();
    await dropBeta(false);
    disk.nextSave.push('c/beta.slidecast.json');
    await saveFile(false);
    expect(disk.saveRequests).toEqual([{ suggestedName: 'beta.slidecast.json' }]);
    expect(disk.writes.map((w) => [w.path, titleWritten(w.text)])).toEqual([['c/beta.slidecast.json', 'Beta']]);
    expect(titleWritten(disk.files['a/alpha.slidecast.json']!)).toBe('Alpha');
  });

  it('Save after opening a workspace link asks where', async () => {
    await openAlphaWithThePicker();
    applyWorkspaceLink({ ok: true, workspace: titled('Linked') }, yes);
    await saveFile(false);
    expect(disk.saveRequests).toHaveLength(1);
    expect(disk.writes).toEqual([]); // the picker was cancelled: nothing written anywhere
    expect(titleWritten(disk.files['a/alpha.slidecast.json']!)).toBe('Alpha');
  });

  it('Save after New workspace asks where', async () => {
    await openAlphaWithThePicker();
    startNewWorkspace('blank', yes);
    disk.nextSave.push('c/new.slidecast.json');
    await saveFile(false);
    expect(disk.writes.map((w) => [w.path, titleWritten(w.text)])).toEqual([['c/new.slidecast.json', 'Untitled market']]);
    expect(useSlidecast.getState().fileName).toBe('new.slidecast.json');
  });

  it('Save after an autosave is restored asks where, even while a file was open', async () => {
    await openAlphaWithThePicker();
    const restored = titled('Restored');
    applyRestore(useSlidecast, { kind: 'restored', workspace: restored, baseline: restored, fileName: 'alpha.slidecast.json', savedAt: 1 });
    expect(useSlidecast.getState().fileName).toBe('alpha.slidecast.json');
    await saveFile(false);
    expect(disk.saveRequests).toEqual([{ suggestedName: 'alpha.slidecast.json' }]);
    expect(titleWritten(disk.files['a/alpha.slidecast.json']!)).toBe('Alpha');
  });

  it('Save As writes a new file, and the next Save overwrites that one', async () => {
    await openAlphaWithThePicker();
    disk.nextSave.push('c/copy.slidecast.json');
    await saveFile(true);
    edit();
    await saveFile(false);
    expect(disk.writes.map((w) => w.path)).toEqual(['c/copy.slidecast.json', 'c/copy.slidecast.json']);
    expect(disk.saveRequests).toHaveLength(1);
    expect(titleWritten(disk.files['a/alpha.slidecast.json']!)).toBe('Alpha');
    expect(useSlidecast.getState().fileName).toBe('copy.slidecast.json');
  });

  it('a workspace that arrives while a save is being written keeps its own file', async () => {
    await openAlphaWithThePicker();
    edit();
    const saving = saveFile(false);
    startNewWorkspace('blank', yes);
    await saving;
    expect(disk.writes.map((w) => w.path)).toEqual(['a/alpha.slidecast.json']);
    expect(useSlidecast.getState().fileName).toBeUndefined();
    expect(useSlidecast.getState().workspace.title).toBe('Untitled market');
  });

  it('Save of the start-up workspace asks where; after a reset of the store, it asks again', async () => {
    disk.nextSave.push('c/seed.slidecast.json');
    await saveFile(false);
    expect(disk.writes.map((w) => w.path)).toEqual(['c/seed.slidecast.json']);
    resetSlidecastStore();
    await saveFile(false);
    expect(disk.saveRequests).toHaveLength(2);
    expect(disk.writes).toHaveLength(1);
  });
});
