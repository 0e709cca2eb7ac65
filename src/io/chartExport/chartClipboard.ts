/**
 * A chart put on the clipboard as a PNG (`chartPng.ts`), where the browser lets a page do so.
 * (Files go to the browser as downloads through `src/io/download.ts`.)
 */
import { PNG_FILE_TYPE, chartToPng, type PngExport } from './chartPng';
import type { ExportResult } from './exportResult';
import { errorText } from '../../model/errorText';
import { defaultExportOptions, type ChartExportOptions } from './standaloneSvg';

/** Whether this browser lets a page put an image on the clipboard at all. */
export function canCopyImages(): boolean {
  if (typeof navigator === 'undefined' || typeof navigator.clipboard?.write !== 'function') return false;
  if (typeof ClipboardItem !== 'function') return false;
  const supports = (ClipboardItem as unknown as { supports?: (type: string) => boolean }).supports;
  return typeof supports === 'function' ? supports(PNG_FILE_TYPE) : true;
}

const NOT_ALLOWED =
  'This browser does not let web pages copy images to the clipboard. Use “PNG (2×)” and insert the downloaded file instead.';

/**
 * Puts the chart on the clipboard as a PNG where the browser allows it. The clipboard item is
 * created at once with a promise of the picture (Safari only accepts a write started within the
 * click), and the PNG is made while the browser waits for it.
 */
export async function copyChartToClipboard(
  svg: SVGSVGElement,
  options: ChartExportOptions = defaultExportOptions(svg),
  scale = 2,
): Promise<ExportResult<PngExport>> {
  if (!canCopyImages()) return { ok: false, reason: 'unsupported', message: NOT_ALLOWED };
  let made: PngExport | undefined;
  let failure: ExportResult<PngExport> | undefined;
  const png = chartToPng(svg, options, scale).then((result) => {
    if (result.ok) {
      made = result.value;
      return result.value.blob;
    }
    failure = result;
    throw new Error(result.message);
  });
  // The failure is reported from here; the browser may not wait for the promise at all.
  png.catch(() => undefined);
  try {
    await navigator.clipboard.write([new ClipboardItem({ [PNG_FILE_TYPE]: png })]);
  } catch (error) {
    if (failure) return failure;
    const name = error instanceof DOMException ? error.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError') {
      return {
        ok: false,
        reason: 'denied',
        message: 'The browser did not allow copying to the clipboard (permission refused, or the page was not in focus). Use “PNG (2×)” instead.',
      };
    }
    if (name === 'DataError' || name === 'NotSupportedError' || error instanceof TypeError) return { ok: false, reason: 'unsupported', message: NOT_ALLOWED };
    return { ok: false, reason: 'failed', message: `The chart could not be copied (${errorText(error)}). Use “PNG (2×)” instead.` };
  }
  if (!made) return failure ?? { ok: false, reason: 'failed', message: 'The chart could not be copied. Use “PNG (2×)” instead.' };
  return { ok: true, value: made };
}
