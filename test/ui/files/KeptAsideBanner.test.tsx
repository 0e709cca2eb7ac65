// @vitest-environment jsdom
/**
 * Autosaves kept aside come back to the user: the banner lists each (the one this start could not
 * restore, with the reason; older work a page left behind), and each opens through Open's checks,
 * downloads, or is deleted from storage. Dismiss only hides them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createAutosave } from '../../../src/io/autosave';
import { applyRestore, offerKeptAside } from '../../../src/state/autosaveConnection';
import { resetSlidecastStore, useSlidecast } from '../../../src/state/store';
import { serializeWorkspace } from '../../../src/model/workspaceFile';
import { seedWorkspace } from '../../../src/model/seedWorkspace';
import { StatusBanners } from '../../../src/ui/StatusBanners';
import { memoryStorage } from '../../support/memoryAutosave';
import { captureDownloads } from '../../support/captureDownloads';

afterEach(() => {
  cleanup();
  resetSlidecastStore();
  vi.unstubAllGlobals();
});

/** Another workspace than the one on screen, to see it arrive. */
function renamed(title: string) {
  const workspace = seedWorkspace();
  workspace.title = title;
  return workspace;
}

/** A start of the app over `data`: restore, then offer what is kept aside, as src/main.tsx does. */
async function start(setUp: (data: Map<string, unknown>) => void) {
  const { storage, data } = memoryStorage();
  setUp(data);
  const autosave = createAutosave({ storage, onEvent: () => undefined });
  const outcome = await autosave.restore();
  applyRestore(useSlidecast, outcome);
  await offerKeptAside(useSlidecast, autosave, outcome);
  render(<StatusBanners />);
  return { data, user: userEvent.setup() };
}

const leftByPage = (title: string) => JSON.stringify({ tabId: 't', baseRevision: 1, savedAt: 5, workspace: serializeWorkspace(renamed(title)) });

describe('autosaves kept aside', () => {
  it('says why the last autosave was not restored, and opens another kept one through Open’s checks', async () => {
    const { data, user } = await start((data) => {
      data.set('workspace', { revision: 2, savedAt: 1, tabId: 'x', workspace: '{"format": "slidecast.workspace", ' });
      data.set('set-aside-1000-tab', leftByPage('Older work'));
    });
    const banner = screen.getByTestId('kept-aside');
    expect(banner).toHaveAttribute('role', 'alert');
    expect(banner).toHaveTextContent('The last autosave could not be restored');
    const items = within(banner).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('span')!.textContent)).toEqual([
      expect.stringMatching(/^An autosave that could not be restored, kept /),
      expect.stringMatching(/^Older work a closed page left behind, kept /),
    ]);
    expect(useSlidecast.getState().workspace.title).toBe(seedWorkspace().title);

    // The damaged one is refused as Open refuses, and the workspace on screen stays as it was.
    const before = useSlidecast.getState().workspace;
    await user.click(within(items[0]!).getByRole('button', { name: /^Open: / }));
    expect(useSlidecast.getState().workspace).toBe(before);
    expect(screen.getByTestId('problem')).toHaveTextContent('“the autosave kept aside” was not opened');

    // The older work opens, with no file: the first Save asks where.
    await user.click(within(items[1]!).getByRole('button', { name: /^Open: / }));
    expect(useSlidecast.getState().workspace.title).toBe('Older work');
    expect(useSlidecast.getState().fileName).toBeUndefined();
    expect(data.has('set-aside-1000-tab')).toBe(true); // opening keeps it until deleted
  });

  it('downloads one as a workspace file, deletes one from storage, and Dismiss only hides them', async () => {
    const downloads = captureDownloads();
    const { data, user } = await start((data) => {
      data.set('set-aside-2000-a', leftByPage('Second'));
      data.set('set-aside-1000-b', leftByPage('First'));
    });
    const banner = screen.getByTestId('kept-aside');
    expect(banner).toHaveTextContent('2 autosaves are kept aside');
    await user.click(within(banner).getAllByRole('button', { name: /^Download: / })[0]!);
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toMatch(/^slidecast-kept-aside-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
    expect(await downloads[0]!.blob.text()).toBe(serializeWorkspace(renamed('Second'))); // the newest first

    await user.click(within(banner).getAllByRole('button', { name: /^Delete: / })[0]!);
    expect(data.has('set-aside-2000-a')).toBe(false);
    expect(data.has('set-aside-1000-b')).toBe(true);
    expect(screen.getByTestId('kept-aside')).toHaveTextContent('An autosave is kept aside');

    await user.click(screen.getByRole('button', { name: /^Dismiss the autosaves kept aside/ }));
    expect(screen.queryByTestId('kept-aside')).toBeNull();
    expect(data.has('set-aside-1000-b')).toBe(true);
  });

  it('offers the unrestorable autosave from memory when storage refused to keep it aside', async () => {
    const { storage, data } = memoryStorage();
    data.set('workspace', 'hello');
    const autosave = createAutosave({ storage: { ...storage, setAside: () => Promise.reject(new Error('full')) }, onEvent: () => undefined });
    const outcome = await autosave.restore();
    await offerKeptAside(useSlidecast, autosave, outcome);
    expect(useSlidecast.getState().keptAside).toMatchObject({ unrestoredReason: expect.any(String), entries: [{ key: '', origin: 'unrestorable', text: '"hello"' }] });
  });

  it('shows nothing when nothing is kept aside', async () => {
    await start(() => undefined);
    expect(screen.queryByTestId('kept-aside')).toBeNull();
  });
});
