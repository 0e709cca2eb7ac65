// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FitChart } from '../../../src/ui/present/FitChart';
import { stubResizeObserver } from '../screenHarness';

describe('FitChart', () => {
  beforeEach(() => {
    stubResizeObserver(900);
    // jsdom lays nothing out: the box is 400 px tall, with the type size present mode's CSS gives it.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400);
    vi.spyOn(window, 'getComputedStyle').mockReturnValue({ fontSize: '40px' } as CSSStyleDeclaration);
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('hands its chart the box’s height and a type size a little smaller than the box’s, in whole pixels', () => {
    render(<FitChart>{({ height, fontSize }) => <p data-testid="size">{`${height} ${fontSize}`}</p>}</FitChart>);
    expect(screen.getByTestId('size')).toHaveTextContent('400 36');
  });
});
