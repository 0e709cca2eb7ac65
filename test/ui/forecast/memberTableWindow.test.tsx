// @vitest-environment jsdom
/**
 * A long member table (a large model's hundreds of members) draws only the rows in or near the
 * view, keeps the height of the rest, and follows the view as it scrolls; a screen reader is told
 * how many rows there are and which ones it reads. A short one (the seed's) is drawn whole.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { forecast } from '../../../src/engine/forecast';
import { formatPercent } from '../../../src/ui/format';
import { MemberTable, WINDOWED_FROM_ROWS } from '../../../src/ui/forecast/MemberTable';
import { OVERSCAN_ROWS } from '../../../src/ui/forecast/useRowWindow';
import { assertAsyncProperty } from '../../support/property';
import { dimension, member, model } from '../../support/models';

/** A model with one dimension of `count` members ("m0", "m1", …). */
function forecastOf(count: number) {
  const members = Array.from({ length: count }, (_, i) => member(`m${i}`, 1 / count, { delta: i / 10_000 }));
  return forecast(model({ dimensions: [dimension('region', members)] }));
}

/** Every row is this high on the test's screen; the view is `VIEW` px high. */
const ROW = 30;
const VIEW = 600;

/** Where the table's rows start, relative to the top of the view (negative: scrolled past). */
let rowsTop = 0;

const frames = new Map<number, FrameRequestCallback>();
let nextFrame = 1;
async function nextFrames(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 3 && frames.size > 0; i++) {
      const due = [...frames.values()];
      frames.clear();
      for (const callback of due) callback(performance.now());
    }
  });
}

/** The table scrolled so that its rows start `top` px from the top of the view. */
async function scrollTo(top: number): Promise<void> {
  rowsTop = top;
  fireEvent.scroll(document);
  await nextFrames();
}

beforeEach(() => {
  rowsTop = 0;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    frames.set(nextFrame, callback);
    return nextFrame++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  vi.stubGlobal('innerHeight', VIEW);
  // jsdom lays nothing out: the rows' group starts at `rowsTop`, and a row is ROW px high.
  vi.spyOn(HTMLTableSectionElement.prototype, 'getBoundingClientRect').mockImplementation(() => new DOMRect(0, rowsTop, 800, 0));
  vi.spyOn(HTMLTableRowElement.prototype, 'getBoundingClientRect').mockImplementation(() => new DOMRect(0, 0, 800, ROW));
});
afterEach(() => {
  cleanup();
  frames.clear();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const table = () => screen.getByTestId('member-table');
/** The rows drawn, by the index a screen reader is told (the header is row 1). */
const drawnRows = () => [...table().querySelectorAll('tr[aria-rowindex]')].map((row) => Number(row.getAttribute('aria-rowindex')));
const gapRows = () => [...table().querySelectorAll<HTMLElement>('tr.row-gap')].map((row) => Number.parseFloat(row.style.height) / ROW);
const memberRow = (name: string) => table().querySelector(`tr[data-series="region/${name}"]`);

describe('a member table of 300 members', () => {
  // The total, the dimension's heading, its 300 members: 302 rows under the header.
  const rows = 302;

  it('draws the rows in view and a few more, not all 302, and tells a screen reader there are 303', async () => {
    render(<MemberTable forecast={forecastOf(300)} unit="USD bn" />);
    await nextFrames();
    expect(table()).toHaveAttribute('aria-rowcount', String(rows + 1));
    const drawn = drawnRows();
    // The view holds 20 rows; the window adds the overscan beyond it, and the first and last rows.
    expect(drawn.length).toBeGreaterThanOrEqual(VIEW / ROW);
    expect(drawn.length).toBeLessThanOrEqual(VIEW / ROW + 3 * OVERSCAN_ROWS + 3);
    expect(drawn.slice(0, VIEW / ROW)).toEqual(Array.from({ length: VIEW / ROW }, (_, i) => i + 1));
    // Tab and Shift+Tab enter the table at either end.
    expect(drawn.at(-1)).toBe(rows + 1);
    expect(memberRow('m299')).not.toBeNull();
    expect(memberRow('m150')).toBeNull();
  });

  it('keeps the height of the rows left out, so the table is as high as the whole table', async () => {
    render(<MemberTable forecast={forecastOf(300)} unit="USD bn" />);
    await nextFrames();
    const headerRow = 1;
    expect(drawnRows().length - headerRow + gapRows().reduce((a, b) => a + b, 0)).toBe(rows);
  });

  it('shows the members scrolled to, with their numbers, and a button that shows one on the chart', async () => {
    const onShowMember = vi.fn();
    const user = userEvent.setup();
    const shown = forecastOf(300);
    render(<MemberTable forecast={shown} unit="USD bn" onShowMember={onShowMember} />);
    await nextFrames();
    // Scrolled down by 200 rows: m198 (row 200 of the rows, after the total and the heading) is at the top of the view.
    await scrollTo(-200 * ROW);
    const row = memberRow('m198');
    expect(row).not.toBeNull();
    expect(memberRow('m10')).toBeNull();
    const s = shown.layout.series.findIndex((info) => info.key === 'region/m198');
    const years = shown.layout.years.length;
    expect(within(row as HTMLElement).getAllByRole('cell')[2]!.textContent).toBe(formatPercent(shown.shares[s * years + years - 1]!));
    await user.click(within(row as HTMLElement).getByRole('button', { name: 'm198' }));
    expect(onShowMember).toHaveBeenCalledWith('region/m198');
    // And back up (the pressed button left, its row goes with the rest).
    act(() => (document.activeElement as HTMLElement).blur());
    await scrollTo(0);
    expect(memberRow('m10')).not.toBeNull();
    expect(memberRow('m198')).toBeNull();
  });

  it('keeps a focused member drawn, and focused, when the view scrolls away from it', async () => {
    render(<MemberTable forecast={forecastOf(300)} unit="USD bn" onShowMember={() => {}} />);
    await nextFrames();
    const button = within(memberRow('m5') as HTMLElement).getByRole('button', { name: 'm5' });
    act(() => button.focus());
    await scrollTo(-250 * ROW);
    expect(memberRow('m250')).not.toBeNull();
    expect(memberRow('m5')).not.toBeNull();
    expect(button).toHaveFocus();
    // Once the focus leaves, the row goes with the rest.
    act(() => button.blur());
    await nextFrames();
    expect(memberRow('m5')).toBeNull();
  });

  it('at any scroll position: the rows drawn and the gaps add up to every row, in order, and the view is drawn', async () => {
    render(<MemberTable forecast={forecastOf(300)} unit="USD bn" />);
    await nextFrames();
    await assertAsyncProperty(
      fc.asyncProperty(fc.integer({ min: -rows * ROW - VIEW, max: VIEW }), async (top) => {
        await scrollTo(top);
        const drawn = drawnRows();
        expect(drawn.length - 1 + gapRows().reduce((a, b) => a + b, 0)).toBe(rows);
        expect(drawn).toEqual([...drawn].sort((a, b) => a - b));
        // Row r of the rows (0-based) spans top + r·ROW … top + (r + 1)·ROW: each one that meets the view is drawn.
        for (let r = 0; r < rows; r++) {
          const from = top + r * ROW;
          if (from + ROW > 0 && from < VIEW) expect(drawn).toContain(r + 2);
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('a short member table', () => {
  it(`is drawn whole, with no row counts, below ${WINDOWED_FROM_ROWS} rows`, async () => {
    const members = WINDOWED_FROM_ROWS - 3;
    render(<MemberTable forecast={forecastOf(members)} unit="USD bn" />);
    await nextFrames();
    await scrollTo(-2000);
    expect(table()).not.toHaveAttribute('aria-rowcount');
    expect(table().querySelectorAll('tbody tr')).toHaveLength(members + 2);
    expect(table().querySelectorAll('tr.row-gap')).toHaveLength(0);
  });
});
