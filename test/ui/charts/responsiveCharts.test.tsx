// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { TotalChart } from '../../../src/ui/charts/TotalChart';
import { StackedAreaChart } from '../../../src/ui/charts/StackedAreaChart';
import { YEARS, formatValue, growingTotal, regions } from './chartFixtures';

/** jsdom has no ResizeObserver: a stand-in that reports the width the test chooses. */
const observers: { callback: ResizeObserverCallback; target?: Element }[] = [];
class FakeResizeObserver {
  private readonly entry: { callback: ResizeObserverCallback; target?: Element };
  constructor(callback: ResizeObserverCallback) {
    this.entry = { callback };
    observers.push(this.entry);
  }
  observe(target: Element) {
    this.entry.target = target;
  }
  unobserve() {}
  disconnect() {}
}

function resizeAll(width: number) {
  act(() => {
    for (const { callback, target } of observers) {
      if (!target) continue;
      const entry = { contentRect: { width, height: 0, top: 0, left: 0 }, target } as unknown as ResizeObserverEntry;
      callback([entry], {} as ResizeObserver);
    }
    // useParentSize applies the size on the next animation frame.
    vi.runAllTimers();
  });
}

beforeEach(() => {
  observers.length = 0;
  vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout', 'clearTimeout'] });
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('responsive chart wrappers', () => {
  it('draw nothing until measured, then fill the measured width with a height derived from it', () => {
    render(<TotalChart years={YEARS} total={growingTotal()} formatValue={formatValue} markers={[]} />);
    expect(screen.queryByTestId('total-chart')).toBeNull();
    resizeAll(1000);
    const svg = screen.getByTestId('total-chart');
    expect(svg).toHaveAttribute('width', '1000');
    expect(svg).toHaveAttribute('height', '420');
  });

  it('keep a sensible minimum height on a narrow panel, and honour a fixed height', () => {
    render(
      <>
        <StackedAreaChart years={YEARS} series={regions()} mode="values" formatValue={formatValue} />
        <TotalChart years={YEARS} total={growingTotal()} formatValue={formatValue} markers={[]} height={300} />
      </>,
    );
    resizeAll(480);
    expect(screen.getByTestId('stacked-area-chart')).toHaveAttribute('height', '260');
    expect(screen.getByTestId('total-chart')).toHaveAttribute('height', '300');
  });

  it("grow with a tall screen: a quarter of a 4K screen's height at least, up to 40% of it", () => {
    vi.stubGlobal('innerHeight', 2160);
    render(
      <>
        <TotalChart years={YEARS} total={growingTotal()} formatValue={formatValue} markers={[]} />
        <StackedAreaChart years={YEARS} series={regions()} mode="values" formatValue={formatValue} />
      </>,
    );
    resizeAll(1480);
    // 1480 × 0.42 = 622: more than the 460 px a 1080p screen is capped at.
    expect(screen.getByTestId('total-chart')).toHaveAttribute('height', '622');
    resizeAll(3800);
    expect(screen.getByTestId('stacked-area-chart')).toHaveAttribute('height', String(Math.round(2160 * 0.4)));
    resizeAll(600);
    expect(Number(screen.getByTestId('stacked-area-chart').getAttribute('height'))).toBeGreaterThanOrEqual(2160 / 4);
  });

  it('keep the last width while the container is hidden (measures 0)', () => {
    render(<TotalChart years={YEARS} total={growingTotal()} formatValue={formatValue} markers={[]} />);
    resizeAll(900);
    resizeAll(0);
    expect(screen.getByTestId('total-chart')).toHaveAttribute('width', '900');
  });
});
