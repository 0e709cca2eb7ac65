// @vitest-environment jsdom
/**
 * A file the installed app is launched with (public/manifest.webmanifest's file_handlers, delivered
 * on `window.launchQueue`) goes through Open's path: the same checks, the same message when refused,
 * the same question about unsaved work, and Save then overwrites that file.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLaunchedFile } from '../../../src/ui/files/fileActions';
import { connectLaunchQueue, type LaunchParams, type LaunchQueue } from '../../../src/io/launchQueue';
import { resetSlidecastStore, useSlidecast } from '../../../src/state/store';
import { fileHandleOf } from '../../../src/state/fileSlice';
import { setQuantityValue } from '../../../src/model/modelEdits';
import { serializeWorkspace } from '../../../src/model/workspaceFile';
import { seedWorkspace } from '../../../src/model/seedWorkspace';
import { badFixtureExpectations, badFixtureNames } from '../../model/workspaceFixtures';

afterEach(() => resetSlidecastStore());

/** What Chromium's launch queue does: it keeps launches until a consumer is set, then hands them over. */
function fakeLaunchQueue(...launches: LaunchParams[]): LaunchQueue & { consumer?: (params: LaunchParams) => void } {
  const queue: LaunchQueue & { consumer?: (params: LaunchParams) => void } = {
    setConsumer(consumer) {
      queue.consumer = consumer;
      for (const launch of launches) consumer(launch);
    },
  };
  return queue;
}

function fakeFileHandle(name: string, text: string | { unreadable: DOMException }): FileSystemFileHandle {
  return {
    kind: 'file',
    name,
    getFile: () => (typeof text !== 'string' ? Promise.reject(text.unreadable) : Promise.resolve(new File([text], name, { type: 'application/json' }))),
  } as unknown as FileSystemFileHandle;
}

function editSomething(): void {
  useSlidecast.getState().editModel('baseGrowth', (model) => setQuantityValue(model, { kind: 'baseGrowth' }, 0.01));
  useSlidecast.getState().setFile({ name: 'mine.slidecast.json' });
}

/** Connects a fake queue to the app's consumer and waits for the launched file to be handled. */
async function launch(handles: FileSystemHandle[], confirm: (question: string) => boolean = () => true): Promise<void> {
  const opened: Promise<void>[] = [];
  const connected = connectLaunchQueue({ launchQueue: fakeLaunchQueue({ files: handles }) }, (handle) => opened.push(openLaunchedFile(handle, confirm)));
  expect(connected).toBe(true);
  await Promise.all(opened);
}

describe('a file the installed app is launched with', () => {
  it('opens a good file in one step, keeping its handle so Save overwrites it', async () => {
    editSomething();
    const workspace = seedWorkspace();
    workspace.title = 'Launched';
    const handle = fakeFileHandle('launched.slidecast.json', serializeWorkspace(workspace));
    await launch([handle]);
    const state = useSlidecast.getState();
    expect(state.workspace).toEqual(workspace);
    expect(state.baseline).toBe(state.workspace);
    expect(state.past).toEqual([]);
    expect(state.fileName).toBe('launched.slidecast.json');
    expect(fileHandleOf(state)).toBe(handle);
    expect(state.problem).toBeUndefined();
  });

  const expectations = badFixtureExpectations();
  it.each(badFixtureNames())('refuses %s with Open’s message and leaves the workspace as it was', async (name) => {
    editSomething();
    const before = useSlidecast.getState();
    await launch([fakeFileHandle(name, readFileSync(`test/fixtures/bad/${name}`, 'utf8'))]);
    const after = useSlidecast.getState();
    expect(after.workspace).toBe(before.workspace);
    expect(after.baseline).toBe(before.baseline);
    expect(after.past).toBe(before.past);
    expect(after.fileName).toBe('mine.slidecast.json');
    expect(after.problem?.title).toBe(`“${name}” was not opened`);
    for (const phrase of expectations[name]!.mentions) expect(after.problem?.message).toContain(phrase);
  });

  it('refuses a file the browser cannot read, by name, and keeps the workspace', async () => {
    editSomething();
    const before = useSlidecast.getState().workspace;
    await launch([fakeFileHandle('gone.slidecast.json', { unreadable: new DOMException('gone', 'NotFoundError') })]);
    expect(useSlidecast.getState().workspace).toBe(before);
    expect(useSlidecast.getState().problem).toEqual({ title: '“gone.slidecast.json” was not opened', message: 'The file could not be read.' });
  });

  it('asks, once the file has been read and can open, before replacing unsaved work, and keeps it when the answer is no', async () => {
    editSomething();
    const before = useSlidecast.getState().workspace;
    const confirm = vi.fn(() => false);
    await launch([fakeFileHandle('other.slidecast.json', serializeWorkspace(seedWorkspace()))], confirm);
    expect(confirm).toHaveBeenCalledWith(expect.stringMatching(/not saved/));
    expect(useSlidecast.getState().workspace).toBe(before);
    expect(useSlidecast.getState().fileName).toBe('mine.slidecast.json');
  });

  it('does not ask when nothing is unsaved', async () => {
    const confirm = vi.fn(() => false);
    await launch([fakeFileHandle('other.slidecast.json', serializeWorkspace(seedWorkspace()))], confirm);
    expect(confirm).not.toHaveBeenCalled();
    expect(useSlidecast.getState().fileName).toBe('other.slidecast.json');
  });

  it('opens nothing for a launch without a file (the app started from its icon) or with only a folder', async () => {
    const open = vi.fn();
    connectLaunchQueue({ launchQueue: fakeLaunchQueue({ files: [] }, { files: [{ kind: 'directory', name: 'x' } as FileSystemHandle] }) }, open);
    expect(open).not.toHaveBeenCalled();
  });

  it('does nothing in a browser without a launch queue', () => {
    expect(connectLaunchQueue({}, vi.fn())).toBe(false);
  });
});
