/**
 * A value that follows `value` once the frame showing the render that brought it has been
 * painted: for the parts of a screen that can wait a frame (the forecast's breakdown and member
 * table), so that the frame an input is waiting for is not held by them.
 *
 * React's `useDeferredValue` renders the deferred part in a task of its own right after the
 * urgent render, and in Chromium that task runs before the frame is painted (a frame starts only
 * at the display's next beat; until then the main thread takes whatever is queued): with the
 * large model of bench/largeModel.ts the member table's render sat between a result and the frame
 * that painted its headline. Here the value is taken after the next frame has been painted
 * (src/state/afterNextPaint.ts), and as a transition, which a newer input
 * interrupts. A newer value before then replaces the one waiting.
 */
import { startTransition, useEffect, useState } from 'react';
import { afterNextPaint } from '../../state/afterNextPaint';

export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return undefined;
    return afterNextPaint(() => startTransition(() => setShown(value)));
  }, [shown, value]);
  return shown;
}
