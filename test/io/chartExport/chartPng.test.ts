// @vitest-environment jsdom
/** A chart as a PNG: its standalone SVG drawn at twice its size on a white canvas; every failure told in words. */
import { afterEach, describe, expect, it } from 'vitest';
import { PNG_FILE_TYPE, chartToPng, chartToPngBlob } from '../../../src/io/chartExport/chartPng';
import { stubPngDrawing, unstubPngDrawing } from './browserStubs';
import { CHART, clearPage, mount } from './svgFixtures';

afterEach(() => {
  unstubPngDrawing();
  clearPage();
});

describe('chartToPng', () => {
  it('draws the standalone picture at twice its CSS size, on the background painted first', async () => {
    const canvas = stubPngDrawing();
    const result = await chartToPng(mount(CHART), { title: 'Total market' });
    if (!result.ok) throw new Error(result.message);
    // 640 px wide; the title above the 300 px chart makes it taller.
    expect(result.value.width).toBe(1280);
    expect(result.value.height).toBeGreaterThan(600);
    expect(canvas).toMatchObject({ width: 1280, height: result.value.height });
    expect(canvas.calls).toEqual([`fillStyle #ffffff`, `fillRect 0 0 1280 ${result.value.height}`, `drawImage 0 0 1280 ${result.value.height}`]);
    expect(result.value.blob.type).toBe(PNG_FILE_TYPE);
    // The SVG's blob: URL is let go once drawn.
    expect(canvas.revoked).toEqual(['blob:chart-1']);
  });

  it('draws at the scale asked for, and at 2× when the scale makes no sense', async () => {
    stubPngDrawing();
    const three = await chartToPng(mount(CHART), { title: 'x' }, 3);
    expect(three.ok && three.value.width).toBe(1920);
    for (const scale of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const result = await chartToPng(mount(CHART), { title: 'x' }, scale);
      expect(result.ok && result.value.width).toBe(1280);
    }
  });

  it('paints the background asked for', async () => {
    const canvas = stubPngDrawing();
    await chartToPng(mount(CHART), { title: 'x', background: '#000000' });
    expect(canvas.calls[0]).toBe('fillStyle #000000');
  });

  it('says the browser could not draw the SVG, and frees its URL, when the picture does not load', async () => {
    const canvas = stubPngDrawing({ image: 'fails' });
    const result = await chartToPng(mount(CHART), { title: 'x' });
    expect(result).toEqual({ ok: false, reason: 'failed', message: 'The PNG could not be made (the browser could not draw the SVG). Try SVG instead.' });
    expect(canvas.revoked).toEqual(['blob:chart-1']);
  });

  it('says so when the browser has no canvas to draw on', async () => {
    stubPngDrawing({ context: null });
    const result = await chartToPng(mount(CHART), { title: 'x' });
    expect(result).toMatchObject({ ok: false, reason: 'unsupported', message: expect.stringMatching(/no canvas.*Try SVG instead/) });
  });

  it('passes on the SVG’s refusal when the chart is not drawn', async () => {
    stubPngDrawing();
    const result = await chartToPng(mount('<svg><path d="M0,0"></path></svg>'), { title: 'x' });
    expect(result).toMatchObject({ ok: false, reason: 'notOnScreen' });
  });
});

describe('chartToPngBlob', () => {
  it('gives the PNG alone', async () => {
    stubPngDrawing();
    const result = await chartToPngBlob(mount(CHART));
    expect(result.ok && result.value.type).toBe(PNG_FILE_TYPE);
  });
});
