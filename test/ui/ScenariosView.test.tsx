// @vitest-environment jsdom
/**
 * The Scenarios view's notes, against the real store: typed notes are kept as they are, and a paste
 * past what a file may hold is refused whole with a message — the notes are never cut silently.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { resetSlidecastStore, useSlidecast } from '../../src/state/store';
import { ScenariosView } from '../../src/ui/scenarios/ScenariosView';
import { renderWithUser } from './screenHarness';

afterEach(() => {
  cleanup();
  resetSlidecastStore();
});

const notesOf = (id: string) => useSlidecast.getState().workspace.scenarios.find((s) => s.id === id)?.notes;

describe('scenario notes', () => {
  it('keeps what is typed; refuses a paste past 10,000 characters with a message, the notes as they were; the next edit clears it', async () => {
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
    expect(box).toHaveValue('Bear case: <b>slow</b> adoption');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAccessibleDescription(alert.textContent!);

    await user.type(box, '!');
    expect(notesOf('consensus')).toBe('Bear case: <b>slow</b> adoption!');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(box).toHaveAttribute('aria-invalid', 'false');
  });
});
