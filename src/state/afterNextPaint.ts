/**
 * Runs a task once the next frame has been painted: in a task queued from the next animation
 * frame, which runs after that frame's paint (a task queued before it would run first, as the main
 * thread takes whatever is queued until the display's next beat). Where there are no frames (Node,
 * the tests), in a task of its own. The forecast's breakdown and member table take a result this
 * way (src/ui/forecast/useAfterPaint.ts), and a change's simulation starts this way after its
 * forecast (src/state/simulationConnection.ts), so that neither holds the frame an input waits for.
 */

/** Runs `task` in a task after the next frame has been painted; returns its cancellation. */
export function afterNextPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(task, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
