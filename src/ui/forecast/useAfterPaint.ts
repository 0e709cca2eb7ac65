/**
 * A value that follows `value` once the frame showing the render that brought it has been
 * painted: for the parts of a screen that can wait a frame (the forecast's breakdown and member
 * table), so that the frame an input is waiting for is not held by them.
 *
 * React's `useDeferredValue` renders the deferred part in a task of its own right after the
 * urgent render, and in Chromium that task runs before the frame is painted (a frame starts only
 * at the display's next beat; until then the main thread takes whatever is queued): with the
 * large model of bench/largeModel.ts the member table's render sat between a result and the frame
 * that painted its headline. Here the value is taken in a task queued from the next animation
 * frame, which runs once that frame has been painted, and as a transition, which a newer input
 * interrupts. A newer value before then replaces the one waiting.
 */
import { startTransition, useEffect, useState } from 'react';

/** Runs `task` in a task after the next frame has been painted; returns its cancellation. */
export function afterNextPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return undefined;
    return afterNextPaint(() => startTransition(() => setShown(value)));
  }, [shown, value]);
  return shown;
}
