// @vitest-environment jsdom
/**
 * A new result reaches the headline and the total chart in a render of their own, and the
 * breakdown and the member table only once that render's frame has been painted: with a large
 * model the table's hundreds of changed numbers would otherwise hold the frame an input waits for
 * (bench/ui.bench.ts, the large-model case). React's own deferred render ran before the frame.
 */
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { setQuantityValue } from '../../../src/model/modelEdits';
import { resetSlidecastStore, useSlidecast } from '../../../src/state/store';
import { formatSize } from '../../../src/ui/format';
import { ForecastView } from '../../../src/ui/forecast/ForecastView';
import { HeadlineStrip } from '../../../src/ui/forecast/HeadlineStrip';
import { computeActiveScenario, stubResizeObserver } from '../screenHarness';

/** The frames the page asked for and not yet painted: the test paints them when it says. */
const frames = new Map<number, FrameRequestCallback>();
let nextFrame = 1;

/** The next frame: its animation callbacks run, then the tasks they queued. */
async function paintFrame(): Promise<void> {
  await act(async () => {
    const due = [...frames.values()];
    frames.clear();
    for (const callback of due) callback(performance.now());
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

beforeEach(() => {
  stubResizeObserver();
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    frames.set(nextFrame, callback);
    return nextFrame++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
});
afterEach(() => {
  cleanup();
  frames.clear();
  resetSlidecastStore();
  vi.unstubAllGlobals();
});

/** The end-year total as the headline and as the member table show it. */
function shown() {
  const headline = Number(screen.getByTestId('headline-total').getAttribute('data-value'));
  const totalRow = within(screen.getByTestId('member-table')).getByRole('rowheader', { name: 'Total market' }).closest('tr')!;
  const cells = within(totalRow).getAllByRole('cell');
  return { headline, table: cells[1]!.textContent };
}

describe('a new result', () => {
  it('shows in the headline first, and in the member table once that frame is painted', async () => {
    const first = computeActiveScenario();
    const commits: { headline: number; table: string | null }[] = [];
    render(
      <Profiler id="forecast" onRender={() => commits.push(shown())}>
        <HeadlineStrip />
        <ForecastView />
      </Profiler>,
    );
    const before = first.forecast.total[first.forecast.total.length - 1]!;
    expect(shown()).toEqual({ headline: before, table: formatSize(before, 'USD bn') });

    act(() => useSlidecast.getState().editModel('growth', (model) => setQuantityValue(model, { kind: 'baseGrowth' }, 0.08)));
    commits.length = 0;
    let second!: ReturnType<typeof computeActiveScenario>;
    act(() => {
      second = computeActiveScenario();
    });
    const after = second.forecast.total[second.forecast.total.length - 1]!;
    expect(formatSize(after, 'USD bn')).not.toBe(formatSize(before, 'USD bn'));
    // The first render with the result: the headline has it, the table not yet.
    expect(commits[0]).toEqual({ headline: after, table: formatSize(before, 'USD bn') });
    // Nor once React has done all it would do before the frame.
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(shown()).toEqual({ headline: after, table: formatSize(before, 'USD bn') });
    // Then the frame is painted, and the table follows.
    await paintFrame();
    await waitFor(() => expect(shown()).toEqual({ headline: after, table: formatSize(after, 'USD bn') }));
  });
});
