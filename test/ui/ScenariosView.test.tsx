// @vitest-environment jsdom
/**
 * The Scenarios view's notes, against the real store: typed notes are kept as they are, and a paste
 * past what a file may hold is refused whole with a message — the notes are never cut silently, and
 * the paste stays in the box to be cut down (or given up with Esc).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { resetSlidecastStore, useSlidecast } from '../../src/state/store';
import { ScenariosView } from '../../src/ui/scenarios/ScenariosView';
import { renderWithUser } from './screenHarness';

afterEach(() => {
  cleanup();
  resetSlidecastStore();
});

const notesOf = (id: string) => useSlidecast.getState().workspace.scenarios.find((s) => s.id === id)?.notes;

describe('scenario notes', () => {
  it('keeps what is typed; a paste past 10,000 characters stays in the box with a message, the notes as they were, until it is cut short enough', async () => {
    const { user } = renderWithUser(<ScenariosView />);
    const box = screen.getByRole('textbox', { name: 'Notes on Report consensus' });
    await user.clear(box);
    await user.type(box, 'Bear case: <b>slow</b> adoption');
    expect(notesOf('consensus')).toBe('Bear case: <b>slow</b> adoption');
    expect(screen.queryByRole('alert')).toBeNull();

    await user.paste('x'.repeat(12_000));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Notes can be at most 10,000 characters; these would be 12,031');
    expect(notesOf('consensus')).toBe('Bear case: <b>slow</b> adoption');
    // What was pasted is not thrown away: it stays in the box to be cut down.
    expect(box).toHaveValue(`Bear case: <b>slow</b> adoption${'x'.repeat(12_000)}`);
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAccessibleDescription(alert.textContent!);

    // Cut short enough, the notes take it and the message goes.
    fireEvent.change(box, { target: { value: `Bear case: ${'x'.repeat(9_000)}` } });
    expect(notesOf('consensus')).toBe(`Bear case: ${'x'.repeat(9_000)}`);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(box).toHaveAttribute('aria-invalid', 'false');
  });

  it('gives a refused paste up on Esc: the box shows the notes again', async () => {
    const { user } = renderWithUser(<ScenariosView />);
    const box = screen.getByRole('textbox', { name: 'Notes on Report consensus' });
    const before = notesOf('consensus');
    await user.click(box);
    await user.paste('y'.repeat(10_001));
    expect(screen.getByRole('alert')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(box).toHaveValue(before ?? '');
    expect(notesOf('consensus')).toBe(before);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
