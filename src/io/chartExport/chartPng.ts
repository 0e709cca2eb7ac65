/**
 * A chart as a PNG: its standalone SVG (`standaloneSvg.ts`) drawn onto a canvas at `scale` times
 * its CSS size.
 */
import { textBlob } from '../download';
import type { ExportResult } from './exportResult';
import { errorText } from '../../model/errorText';
import { SVG_FILE_TYPE, chartToSvg, defaultExportOptions, exportBackground, type ChartExportOptions } from './standaloneSvg';

/** The media type of a PNG file (and of a PNG on the clipboard). */
export const PNG_FILE_TYPE = 'image/png';

/** The PNG's size in device pixels: the picture's CSS size times `scale`. */
export interface PngExport {
  blob: Blob;
  width: number;
  height: number;
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.decoding = 'async';
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the browser could not draw the SVG'));
    image.src = url;
  });
}

function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, PNG_FILE_TYPE));
}

/**
 * The chart drawn as a PNG at `scale` times its CSS size (2 by default: sharp on a projector and
 * on high-density screens). The SVG is drawn through an `<img>` from a blob: URL, which the page's
 * Content-Security-Policy allows, then copied onto a canvas.
 */
export async function chartToPng(svg: SVGSVGElement, options: ChartExportOptions, scale = 2): Promise<ExportResult<PngExport>> {
  const standalone = chartToSvg(svg, options);
  if (!standalone.ok) return standalone;
  const { text, width, height } = standalone.value;
  const factor = Number.isFinite(scale) && scale > 0 ? scale : 2;
  let url: string | undefined;
  try {
    url = URL.createObjectURL(textBlob(text, SVG_FILE_TYPE));
    const image = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * factor);
    canvas.height = Math.round(height * factor);
    const context = canvas.getContext('2d');
    if (!context) return { ok: false, reason: 'unsupported', message: 'This browser cannot draw pictures here (no canvas), so no PNG was made. Try SVG instead.' };
    context.fillStyle = exportBackground(options);
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await canvasToBlob(canvas);
    if (!blob) return { ok: false, reason: 'failed', message: 'The browser could not encode the PNG. Try SVG instead.' };
    return { ok: true, value: { blob, width: canvas.width, height: canvas.height } };
  } catch (error) {
    return { ok: false, reason: 'failed', message: `The PNG could not be made (${errorText(error)}). Try SVG instead.` };
  } finally {
    if (url) URL.revokeObjectURL(url);
  }
}

/** The PNG blob alone (the brief's `chartToPngBlob(svg, scale)`), with the chart's own title. */
export async function chartToPngBlob(svg: SVGSVGElement, scale = 2, options: ChartExportOptions = defaultExportOptions(svg)): Promise<ExportResult<Blob>> {
  const result = await chartToPng(svg, options, scale);
  return result.ok ? { ok: true, value: result.value.blob } : result;
}
