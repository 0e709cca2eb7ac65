// @vitest-environment jsdom
/**
 * The share import's preview stays off the typing path (issue 9): the paste is checked once
 * typing pauses, not on every keystroke, and a preview of older text cannot be imported.
 *
 * Keystrokes are change events fired one after another with no pause between them (as fast
 * typing is to the timer), so the count of checks does not depend on the machine's speed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { previewShareImport } from '../../../src/model/shareImport';
import { seedWorkspace } from '../../../src/model/seedWorkspace';
import { resetSlidecastStore, useSlidecast } from '../../../src/state/store';
import { StructureView } from '../../../src/ui/structure/StructureView';

vi.mock('../../../src/model/shareImport', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/model/shareImport')>();
  return { ...actual, previewShareImport: vi.fn(actual.previewShareImport) };
});

afterEach(() => {
  cleanup();
  resetSlidecastStore();
});

/** The preview waits for a pause of 200 ms; a loaded machine may take longer to get there. */
const SETTLED = { timeout: 5_000 };

const ROWS = 'North America,40%\nEurope,30%\nAsia-Pacific,20%\nLatin America,6%\nMiddle East & Africa,4%';

function open(): HTMLTextAreaElement {
  useSlidecast.getState().replaceWorkspace(seedWorkspace());
  render(<StructureView />);
  fireEvent.change(screen.getByLabelText('Into'), { target: { value: 'region' } });
  vi.mocked(previewShareImport).mockClear();
  return screen.getByLabelText('Rows to import (paste cells from a spreadsheet, or CSV)');
}

/** Types `text` after what the box holds, one character per change event, with no pause. */
function typeFast(box: HTMLTextAreaElement, text: string): void {
  for (const c of text) fireEvent.change(box, { target: { value: box.value + c } });
}

describe('the import preview while typing', () => {
  it('checks the rows once typing pauses, not on every keystroke', async () => {
    const paste = open();
    typeFast(paste, ROWS);
    expect(paste).toHaveValue(ROWS);
    expect(previewShareImport).not.toHaveBeenCalled();
    expect(screen.getByText('Checking the rows…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();

    expect(await screen.findByRole('button', { name: 'Import 5 shares' }, SETTLED)).toBeEnabled();
    expect(previewShareImport).toHaveBeenCalledTimes(1);
    expect(vi.mocked(previewShareImport).mock.calls[0]![1]).toBe(ROWS);
  });

  it('does not let a preview of older text be imported while typing goes on', async () => {
    const paste = open();
    fireEvent.change(paste, { target: { value: ROWS } });
    expect(await screen.findByRole('button', { name: 'Import 5 shares' }, SETTLED)).toBeEnabled();
    typeFast(paste, '\nAtlantis,1%');
    // The preview shown is of the text before "Atlantis": it cannot be applied.
    expect(screen.getByTestId('import-preview')).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText('Checking the changes…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import 5 shares' })).toBeDisabled();
    expect(await screen.findByText(/“Atlantis” is not a member of Region/, {}, SETTLED)).toBeInTheDocument();
    expect(screen.getByTestId('import-preview')).toHaveAttribute('aria-busy', 'false');
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
    expect(previewShareImport).toHaveBeenCalledTimes(2);
  });

  it('clears the preview at once when the text is cleared', async () => {
    const paste = open();
    fireEvent.change(paste, { target: { value: 'North America,100%' } });
    expect(await screen.findByTestId('import-preview', {}, SETTLED)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(paste).toHaveValue('');
    expect(screen.queryByTestId('import-preview')).not.toBeInTheDocument();
  });
});
