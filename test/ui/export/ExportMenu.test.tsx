// @vitest-environment jsdom
/**
 * The export menu button: WAI-ARIA menu button semantics, keyboard use (arrows, Home/End, Escape,
 * Tab), closing on a press elsewhere, and what an action says afterwards — a status for success,
 * an alert for a failure.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ExportMenu, type ExportMenuItem } from '../../../src/ui/export/ExportMenu';
import type { ExportFeedback } from '../../../src/ui/export/feedback';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function items(overrides: Partial<Record<'png' | 'svg' | 'copy', ExportMenuItem['run']>> = {}): ExportMenuItem[] {
  return [
    { id: 'png', label: 'PNG (2×)', run: overrides.png ?? (() => ({ ok: true, message: 'Downloaded “chart.png”.' })) },
    { id: 'svg', label: 'SVG', run: overrides.svg ?? (() => ({ ok: true, message: 'Downloaded “chart.svg”.' })) },
    { id: 'copy', label: 'Copy image', run: overrides.copy ?? (() => ({ ok: false, message: 'This browser does not allow it.' })) },
  ];
}

function setup(menuItems = items()) {
  const user = userEvent.setup();
  render(
    <div>
      <ExportMenu label="Export total market chart" items={menuItems} />
      <button type="button">Elsewhere</button>
    </div>,
  );
  const button = screen.getByRole('button', { name: 'Export total market chart' });
  return { user, button };
}

const menuItemNames = () => screen.getAllByRole('menuitem').map((item) => item.textContent);

describe('ExportMenu', () => {
  it('is a button that says it opens a menu, named for what it exports, with "Export" on it', () => {
    const { button } = setup();
    expect(button).toHaveTextContent('Export');
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    // Live regions are there before anything is said in them.
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('opens on click with the first item focused, and names the menu after the button', async () => {
    const { user, button } = setup();
    await user.click(button);
    const menu = screen.getByRole('menu', { name: 'Export total market chart' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(button).toHaveAttribute('aria-controls', menu.id);
    expect(menuItemNames()).toEqual(['PNG (2×)', 'SVG', 'Copy image']);
    expect(screen.getByRole('menuitem', { name: 'PNG (2×)' })).toHaveFocus();
  });

  it('moves with the arrow keys (wrapping), Home and End', async () => {
    const { user, button } = setup();
    button.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('menuitem', { name: 'PNG (2×)' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'SVG' })).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'PNG (2×)' })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'Copy image' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(screen.getByRole('menuitem', { name: 'PNG (2×)' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('menuitem', { name: 'Copy image' })).toHaveFocus();
  });

  it('opens from the keyboard with ArrowDown on the first item and ArrowUp on the last', async () => {
    const { user, button } = setup();
    button.focus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'Copy image' })).toHaveFocus();
    await user.keyboard('{Escape}');
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'PNG (2×)' })).toHaveFocus();
  });

  it('closes on Escape and gives focus back to the button', async () => {
    const { user, button } = setup();
    await user.click(button);
    await user.keyboard('{ArrowDown}{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();
  });

  it('closes on Tab, on a second click of the button, and on a press elsewhere', async () => {
    const { user, button } = setup();
    await user.click(button);
    await user.keyboard('{Tab}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();

    await user.click(button);
    await user.click(button);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();

    await user.click(button);
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('runs the chosen item with its own element, closes, and says what happened in a status', async () => {
    const png = vi.fn((_menu: HTMLElement): ExportFeedback => ({ ok: true, message: 'Downloaded “chart.png” (1600 × 800 px).' }));
    const { user, button } = setup(items({ png }));
    await user.click(button);
    await user.keyboard('{Enter}');
    expect(png).toHaveBeenCalledTimes(1);
    expect(png.mock.calls[0]![0]).toBeInstanceOf(HTMLElement);
    expect(png.mock.calls[0]![0].contains(button)).toBe(true);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(await screen.findByRole('status')).toHaveTextContent('Downloaded “chart.png” (1600 × 800 px).');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says a failure in an alert, which can be dismissed', async () => {
    const { user, button } = setup();
    await user.click(button);
    await user.click(screen.getByRole('menuitem', { name: 'Copy image' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This browser does not allow it.');
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    await user.click(screen.getByRole('button', { name: 'Dismiss the export message' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('turns an export that throws or rejects into an alert, never an uncaught error', async () => {
    const { user, button } = setup(
      items({
        png: () => {
          throw new Error('boom');
        },
        svg: () => Promise.reject(new Error('bang')),
      }),
    );
    await user.click(button);
    await user.click(screen.getByRole('menuitem', { name: 'PNG (2×)' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('PNG (2×) failed: boom');
    await user.click(button);
    await user.click(screen.getByRole('menuitem', { name: 'SVG' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('SVG failed: bang');
  });

  it('says "unknown error" for an export that throws nothing useful, and cuts a huge error message short', async () => {
    const { user, button } = setup(
      items({
        png: () => {
          throw null;
        },
        svg: () => Promise.reject(new Error(`bad value ${'x'.repeat(5 * 1024 * 1024)}`)),
      }),
    );
    await user.click(button);
    await user.click(screen.getByRole('menuitem', { name: 'PNG (2×)' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('PNG (2×) failed: unknown error');
    await user.click(button);
    await user.click(screen.getByRole('menuitem', { name: 'SVG' }));
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent(/^SVG failed: bad value x+…/);
    expect(alert.textContent!.length).toBeLessThan(300);
  });

  it('says what it is doing while a slow export runs, then what it did; the status clears itself later', async () => {
    let finish!: (feedback: ExportFeedback) => void;
    const slow: ExportMenuItem = { id: 'png', label: 'PNG (2×)', pending: 'Drawing the PNG…', run: () => new Promise((resolve) => (finish = resolve)) };
    render(<ExportMenu label="Export chart" items={[slow]} />);
    vi.useFakeTimers();
    fireEvent.click(screen.getByRole('button', { name: 'Export chart' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'PNG (2×)' }));
    expect(screen.getByRole('status')).toHaveTextContent('Drawing the PNG…');
    expect(screen.getByRole('button', { name: 'Export chart' })).toHaveAttribute('aria-busy', 'true');
    // However long it takes, the line says it is still at work.
    act(() => vi.advanceTimersByTime(20_000));
    expect(screen.getByRole('status')).toHaveTextContent('Drawing the PNG…');
    await act(async () => finish({ ok: true, message: 'Downloaded “chart.png”.' }));
    expect(screen.getByRole('status')).toHaveTextContent('Downloaded “chart.png”.');
    expect(screen.getByRole('button', { name: 'Export chart' })).not.toHaveAttribute('aria-busy');
    act(() => vi.advanceTimersByTime(7000));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });
});
