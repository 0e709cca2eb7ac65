// @vitest-environment jsdom
/**
 * Opening a file never half-applies: every bad file of the corpus is refused with a message that
 * names the problem, and the open workspace — its content, history and file name — stays exactly
 * as it was.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDroppedFile, saveFile } from '../../../src/ui/files/fileActions';
import { resetSlidecastStore, useSlidecast } from '../../../src/state/store';
import { setQuantityValue } from '../../../src/model/modelEdits';
import { MAX_WORKSPACE_FILE_BYTES } from '../../../src/io/workspaceFiles';
import { serializeWorkspace } from '../../../src/model/workspaceFile';
import { seedWorkspace } from '../../../src/model/seedWorkspace';
import { badFixtureExpectations, badFixtureNames } from '../../model/workspaceFixtures';

afterEach(() => resetSlidecastStore());

const file = (name: string, text: string) => new File([text], name, { type: 'application/json' });
const yes = () => true;

function editSomething(): void {
  useSlidecast.getState().editModel('baseGrowth', (model) => setQuantityValue(model, { kind: 'baseGrowth' }, 0.01));
  useSlidecast.getState().setFile({ name: 'mine.slidecast.json' });
}

describe('opening a file', () => {
  const expectations = badFixtureExpectations();

  it.each(badFixtureNames())('refuses %s and leaves the store exactly as it was', async (name) => {
    editSomething();
    const before = useSlidecast.getState();
    await openDroppedFile(file(name, readFileSync(`test/fixtures/bad/${name}`, 'utf8')), undefined, yes);
    const after = useSlidecast.getState();
    expect(after.workspace).toBe(before.workspace);
    expect(after.baseline).toBe(before.baseline);
    expect(after.past).toBe(before.past);
    expect(after.fileName).toBe('mine.slidecast.json');
    expect(after.problem?.title).toContain(name);
    for (const phrase of expectations[name]!.mentions) expect(after.problem?.message).toContain(phrase);
  });

  it('refuses an oversized file by its size, before reading it', async () => {
    const huge = file('huge.slidecast.json', 'x');
    Object.defineProperty(huge, 'size', { value: MAX_WORKSPACE_FILE_BYTES + 1 });
    const text = vi.spyOn(huge, 'text');
    await openDroppedFile(huge, undefined, yes);
    expect(text).not.toHaveBeenCalled();
    expect(useSlidecast.getState().problem?.message).toMatch(/limited to/);
  });

  it('swaps a good file in, in one step: workspace, baseline, empty history, file name', async () => {
    editSomething();
    const workspace = seedWorkspace();
    workspace.title = 'Opened';
    await openDroppedFile(file('opened.slidecast.json', serializeWorkspace(workspace)), undefined, yes);
    const state = useSlidecast.getState();
    expect(state.workspace).toEqual(workspace);
    expect(state.baseline).toBe(state.workspace);
    expect(state.past).toEqual([]);
    expect(state.fileName).toBe('opened.slidecast.json');
    expect(state.problem).toBeUndefined();
  });

  it('asks before replacing unsaved work, and keeps it when the answer is no', async () => {
    editSomething();
    const before = useSlidecast.getState().workspace;
    const confirm = vi.fn(() => false);
    await openDroppedFile(file('other.slidecast.json', serializeWorkspace(seedWorkspace())), undefined, confirm);
    expect(confirm).toHaveBeenCalledOnce();
    expect(useSlidecast.getState().workspace).toBe(before);
  });

  it('asks nothing over unsaved work when the file is refused: the work was never at stake', async () => {
    editSomething();
    const before = useSlidecast.getState().workspace;
    const confirm = vi.fn(() => true);
    await openDroppedFile(file('broken.slidecast.json', '{ "format": '), undefined, confirm);
    expect(confirm).not.toHaveBeenCalled();
    expect(useSlidecast.getState().workspace).toBe(before);
    expect(useSlidecast.getState().problem?.title).toContain('broken.slidecast.json');
  });

  it('does not ask when nothing is unsaved', async () => {
    const confirm = vi.fn(() => false);
    await openDroppedFile(file('other.slidecast.json', serializeWorkspace(seedWorkspace())), undefined, confirm);
    expect(confirm).not.toHaveBeenCalled();
  });
});

describe('saving', () => {
  it('marks the workspace saved only when the write went through', async () => {
    editSomething();
    // jsdom has no File System Access: browser-fs-access downloads through an anchor.
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    await saveFile(false);
    expect(click).toHaveBeenCalled();
    const state = useSlidecast.getState();
    expect(state.baseline).toBe(state.workspace);
  });
});
