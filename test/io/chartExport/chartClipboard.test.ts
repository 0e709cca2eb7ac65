// @vitest-environment jsdom
/** A chart on the clipboard as a PNG where the browser allows it; otherwise a message saying what to do instead. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canCopyImages, copyChartToClipboard } from '../../../src/io/chartExport/chartClipboard';
import { PNG_FILE_TYPE } from '../../../src/io/chartExport/chartPng';
import { stubPngDrawing, unstubPngDrawing } from './browserStubs';
import { CHART, clearPage, mount } from './svgFixtures';

afterEach(() => {
  unstubPngDrawing();
  clearPage();
});

class FakeClipboardItem {
  constructor(readonly items: Record<string, Promise<Blob>>) {}
}

describe('copyChartToClipboard', () => {
  it('reports that the browser does not allow it when there is no clipboard API, and never throws', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    expect(canCopyImages()).toBe(false);
    const result = await copyChartToClipboard(mount(CHART), { title: 'Total' });
    expect(result).toEqual({ ok: false, reason: 'unsupported', message: expect.stringMatching(/does not let web pages copy images/) });
  });

  it('reports a refusal by the browser (permission, focus) as a message', async () => {
    vi.stubGlobal('ClipboardItem', FakeClipboardItem);
    const write = vi.fn(async (items: FakeClipboardItem[]) => {
      // A refusing browser does not wait for the picture; swallow its rejection as a browser would.
      void Promise.resolve(items[0]!.items[PNG_FILE_TYPE]).catch(() => undefined);
      throw new DOMException('Document is not focused.', 'NotAllowedError');
    });
    vi.stubGlobal('navigator', { ...navigator, clipboard: { write } });
    const result = await copyChartToClipboard(mount(CHART), { title: 'Total' });
    expect(write).toHaveBeenCalledTimes(1);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(['denied', 'failed', 'unsupported']).toContain(result.reason);
      expect(result.message.length).toBeGreaterThan(20);
    }
  });

  it('puts the PNG on the clipboard as one image item, and says how big it is', async () => {
    stubPngDrawing();
    vi.stubGlobal('ClipboardItem', FakeClipboardItem);
    const written: Blob[] = [];
    const write = vi.fn(async (items: FakeClipboardItem[]) => {
      expect(Object.keys(items[0]!.items)).toEqual([PNG_FILE_TYPE]);
      written.push(await items[0]!.items[PNG_FILE_TYPE]!);
    });
    vi.stubGlobal('navigator', { ...navigator, clipboard: { write } });
    expect(canCopyImages()).toBe(true);
    const result = await copyChartToClipboard(mount(CHART), { title: 'Total' });
    if (!result.ok) throw new Error(result.message);
    expect(result.value.width).toBe(1280);
    expect(written).toEqual([result.value.blob]);
  });

  it('tells why the picture could not be made when the browser waited for it', async () => {
    stubPngDrawing({ image: 'fails' });
    vi.stubGlobal('ClipboardItem', FakeClipboardItem);
    const write = vi.fn(async (items: FakeClipboardItem[]) => {
      await items[0]!.items[PNG_FILE_TYPE];
    });
    vi.stubGlobal('navigator', { ...navigator, clipboard: { write } });
    const result = await copyChartToClipboard(mount(CHART), { title: 'Total' });
    expect(result).toEqual({ ok: false, reason: 'failed', message: 'The PNG could not be made (the browser could not draw the SVG). Try SVG instead.' });
  });
});
