/**
 * Which rows of a long table to draw: those in or near the view, found from the table's place
 * on screen, followed as anything scrolls or the window is resized.
 *
 * With the large model of bench/largeModel.ts the member table has 265 rows whose four numbers
 * all change with every result; drawn whole, their render, commit and layout (≈ 17 ms of the main
 * thread a nudge, traces of `npm run bench:ui -- --large`) sat in the frames the next input waited
 * behind, even with the table scrolled far out of view. The rows left out keep their height (the
 * table draws a gap of as many rows), so the scroll bar and the scroll position are those of the
 * whole table.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';

/** Rows drawn beyond each edge of the view, so that scrolling shows drawn rows, not gaps. */
export const OVERSCAN_ROWS = 15;
/** A row's height before one has been measured (px). */
const ROW_HEIGHT_GUESS = 34;

export interface RowWindow {
  /** The first row in or near the view. */
  first: number;
  /** One past the last row in or near the view. */
  end: number;
  /** The height of one row (px): every row of a windowed table is as high as the others. */
  rowHeight: number;
}

/** The part of the window that `element` can show: the view, clipped by every scrolling box around it. */
function visibleSpan(element: Element): { top: number; bottom: number } {
  let top = 0;
  let bottom = window.innerHeight;
  for (let box = element.parentElement; box; box = box.parentElement) {
    if (getComputedStyle(box).overflowY === 'visible') continue;
    const rect = box.getBoundingClientRect();
    top = Math.max(top, rect.top);
    bottom = Math.min(bottom, rect.bottom);
  }
  return { top, bottom };
}

/**
 * The window of `rows` rows of `table` (its first row group starts its rows) that is in or near
 * the view; every row when `enabled` is false. A row is measured from the first drawn row marked
 * `aria-rowindex`.
 */
export function useRowWindow(table: RefObject<HTMLTableElement | null>, rows: number, enabled: boolean): RowWindow {
  const [window_, setWindow] = useState<RowWindow>({ first: 0, end: Math.min(rows, 2 * OVERSCAN_ROWS), rowHeight: ROW_HEIGHT_GUESS });
  const measure = useRef<(() => void) | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return undefined;
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = 0;
      const element = table.current;
      const body = element?.tBodies[0];
      if (!element || !body) return;
      const measured = body.querySelector('tr[aria-rowindex]')?.getBoundingClientRect().height ?? 0;
      const rowHeight = measured > 0 ? measured : ROW_HEIGHT_GUESS;
      const start = body.getBoundingClientRect().top;
      const view = visibleSpan(element);
      // Whole steps of the overscan: a scroll of a few rows draws nothing new.
      const step = OVERSCAN_ROWS;
      const clamp = (n: number) => Math.min(rows, Math.max(0, n));
      const first = clamp(Math.floor((Math.floor((view.top - start) / rowHeight) - OVERSCAN_ROWS) / step) * step);
      const end = Math.max(first, clamp(Math.ceil((Math.ceil((view.bottom - start) / rowHeight) + OVERSCAN_ROWS) / step) * step));
      setWindow((last) => (last.first === first && last.end === end && last.rowHeight === rowHeight ? last : { first, end, rowHeight }));
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    update();
    measure.current = schedule;
    document.addEventListener('scroll', schedule, { capture: true, passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      measure.current = undefined;
    };
  }, [table, rows, enabled]);
  // Anything above the table may have grown or shrunk with the render (a chart, a warning): its
  // place is read again in the next frame.
  useEffect(() => measure.current?.());
  return enabled ? window_ : { first: 0, end: rows, rowHeight: window_.rowHeight };
}
