/**
 * The package pptxgenjs wrote, finished: opened once more to do two things pptxgenjs cannot.
 * 1. Legend entries left out. A fan is drawn as stacked areas on an invisible base series
 *    (src/io/office/deckSeries.ts); the base stays in the chart and its data but has no place in
 *    the legend, where it would show a name beside an empty swatch. Each such chart's legend gets
 *    DrawingML's own `<c:legendEntry><c:idx/><c:delete val="1"/></c:legendEntry>` — what
 *    PowerPoint writes when a user deletes the entry.
 * 2. Compressed. pptxgenjs 4.0.1 stores every part as it is when asked for an ArrayBuffer (its
 *    `compression` option is read only for blobs and streams): the seed's two-scenario deck was
 *    2 MB, and is some 100 kB deflated.
 */
import JSZip from 'jszip';

const CHART_PART = /^ppt\/charts\/chart(\d+)\.xml$/;
const LEGEND_POSITION = /<c:legend><c:legendPos val="[a-z]+"\/>/;

/**
 * The package `bytes`, deflated, with, for the k-th chart of the deck (in the order they were
 * added, which is the order of their part numbers), the legend entries of the series indices
 * `legendOmissions[k]` deleted.
 */
export async function finishDeckPackage(bytes: ArrayBuffer, legendOmissions: readonly (readonly number[])[]): Promise<ArrayBuffer> {
  const zip = await JSZip.loadAsync(bytes);
  const charts = Object.keys(zip.files)
    .filter((path) => CHART_PART.test(path))
    .sort((a, b) => Number(CHART_PART.exec(a)![1]) - Number(CHART_PART.exec(b)![1]));
  if (charts.length !== legendOmissions.length) throw new Error(`the deck has ${charts.length} charts where ${legendOmissions.length} were added`);
  for (const [k, path] of charts.entries()) {
    const indices = legendOmissions[k]!;
    if (indices.length === 0) continue;
    const xml = await zip.file(path)!.async('string');
    if (!LEGEND_POSITION.test(xml)) throw new Error(`${path} has no legend to leave series out of`);
    const entries = indices.map((index) => `<c:legendEntry><c:idx val="${index}"/><c:delete val="1"/></c:legendEntry>`).join('');
    zip.file(path, xml.replace(LEGEND_POSITION, (legend) => legend + entries));
  }
  return zip.generateAsync({ type: 'arraybuffer', compression: 'DEFLATE' });
}
