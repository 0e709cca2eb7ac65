/**
 * Reads a .pptx back the way a reader does: unzip it, parse each part's XML (failing on XML that is
 * not well-formed), and pull out what the tests compare — the slides in order with their text, and
 * each slide's charts with their series names, categories and cached numbers, and the shared
 * strings of each chart's embedded workbook.
 */
import JSZip from 'jszip';

export interface ChartSeries {
  name: string;
  categories: string[];
  /** Indexed by category; undefined where the chart has no value (an empty point). */
  values: (number | undefined)[];
  /** The series' own fill (hex), 'none' for no fill; and its markers' fill, when it has markers. */
  fill: string | undefined;
  markerFill: string | undefined;
}

export interface DeckChart {
  path: string;
  /** The chart groups in order: c:lineChart, c:areaChart, c:barChart… */
  groups: { type: string; grouping: string | undefined; series: ChartSeries[] }[];
  /** The embedded workbook's shared strings, in order. */
  sharedStrings: string[];
  /** The column names of the embedded workbook's data table. */
  tableColumns: string[];
  xml: string;
}

export interface DeckSlideRead {
  path: string;
  /** Every non-empty paragraph (a:p) of the slide, its runs joined, in document order. */
  texts: string[];
  /** Every table cell (a:tc), its text joined. */
  cells: string[];
  charts: DeckChart[];
  xml: string;
}

export interface DeckRead {
  slides: DeckSlideRead[];
  /** ppt/presentation.xml, for the sections. */
  presentation: Document;
  files: string[];
}

export function parseXml(xml: string, path: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`${path} is not well-formed XML: ${error.textContent ?? ''}`);
  return doc;
}

/** Elements by qualified name (the prefixes pptxgenjs writes: c:, a:, p:). */
function all(node: Document | Element, name: string): Element[] {
  return [...node.getElementsByTagName(name)];
}

function text(node: Element | undefined): string {
  return node?.textContent ?? '';
}

async function readText(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`${path} is missing from the package`);
  return file.async('string');
}

function readPoints(cache: Element | undefined): { count: number; points: Map<number, string> } {
  const points = new Map<number, string>();
  if (!cache) return { count: 0, points };
  for (const pt of all(cache, 'c:pt')) points.set(Number(pt.getAttribute('idx')), text(all(pt, 'c:v')[0]));
  const count = Number(all(cache, 'c:ptCount')[0]?.getAttribute('val') ?? points.size);
  return { count, points };
}

async function readChart(zip: JSZip, path: string): Promise<DeckChart> {
  const xml = await readText(zip, path);
  const doc = parseXml(xml, path);
  const plotArea = all(doc, 'c:plotArea')[0]!;
  const groups = [...plotArea.children]
    .filter((el) => /^c:\w+Chart$/.test(el.tagName))
    .map((group) => ({
      type: group.tagName,
      grouping: all(group, 'c:grouping')[0]?.getAttribute('val') ?? undefined,
      series: all(group, 'c:ser').map((ser): ChartSeries => {
        const name = text(all(all(ser, 'c:tx')[0]!, 'c:v')[0]);
        const catElement = all(ser, 'c:cat')[0]!;
        const cat = readPoints([...catElement.getElementsByTagName('*')].find((el) => el.tagName.endsWith('Cache')));
        const val = readPoints(all(all(ser, 'c:val')[0]!, 'c:numCache')[0]);
        const categories = Array.from({ length: cat.count }, (_, i) => cat.points.get(i) ?? '');
        const values = Array.from({ length: val.count }, (_, i) => {
          const v = val.points.get(i);
          return v === undefined || v === '' ? undefined : Number(v);
        });
        const spPr = [...ser.children].find((el) => el.tagName === 'c:spPr');
        const fill = spPr && (all(spPr, 'a:noFill')[0]?.parentElement === spPr ? 'none' : all(spPr, 'a:srgbClr')[0]?.getAttribute('val')) || undefined;
        const marker = all(ser, 'c:marker')[0];
        const markerFill = marker && all(marker, 'a:srgbClr')[0]?.getAttribute('val') || undefined;
        return { name, categories, values, fill, markerFill };
      }),
    }));
  // The chart's embedded workbook, through the chart's relationships.
  const relsPath = path.replace(/charts\/(chart\d+\.xml)$/, 'charts/_rels/$1.rels');
  const rels = parseXml(await readText(zip, relsPath), relsPath);
  const target = all(rels, 'Relationship').map((r) => r.getAttribute('Target') ?? '').find((t) => t.endsWith('.xlsx'));
  let sharedStrings: string[] = [];
  let tableColumns: string[] = [];
  if (target) {
    const workbookPath = new URL(target, `file:///${path}`).pathname.slice(1);
    const workbook = await JSZip.loadAsync(await zip.file(workbookPath)!.async('arraybuffer'));
    const sst = parseXml(await readText(workbook, 'xl/sharedStrings.xml'), `${workbookPath}!xl/sharedStrings.xml`);
    sharedStrings = all(sst, 'si').map((si) => text(si));
    const table = parseXml(await readText(workbook, 'xl/tables/table1.xml'), `${workbookPath}!xl/tables/table1.xml`);
    tableColumns = all(table, 'tableColumn').map((column) => column.getAttribute('name') ?? '');
    // Every part of the workbook must be well-formed too.
    for (const name of Object.keys(workbook.files).filter((f) => f.endsWith('.xml') || f.endsWith('.rels'))) {
      parseXml(await readText(workbook, name), `${workbookPath}!${name}`);
    }
  }
  return { path, groups, sharedStrings, tableColumns, xml };
}

export async function readDeck(bytes: ArrayBuffer): Promise<DeckRead> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.keys(zip.files);
  // Every XML part of the package is well-formed.
  for (const name of files.filter((f) => f.endsWith('.xml') || f.endsWith('.rels'))) parseXml(await readText(zip, name), name);
  const slidePaths = files
    .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  const slides: DeckSlideRead[] = [];
  for (const path of slidePaths) {
    const xml = await readText(zip, path);
    const doc = parseXml(xml, path);
    const relsPath = path.replace(/slides\/(slide\d+\.xml)$/, 'slides/_rels/$1.rels');
    const rels = parseXml(await readText(zip, relsPath), relsPath);
    const chartPaths = all(rels, 'Relationship')
      .map((r) => r.getAttribute('Target') ?? '')
      .filter((t) => /charts\/chart\d+\.xml$/.test(t))
      .map((t) => new URL(t, `file:///${path}`).pathname.slice(1));
    const charts = [];
    for (const chartPath of chartPaths) charts.push(await readChart(zip, chartPath));
    const joined = (el: Element) => all(el, 'a:t').map((t) => text(t)).join('');
    const texts = all(doc, 'a:p').map(joined).filter((t) => t !== '');
    slides.push({ path, texts, cells: all(doc, 'a:tc').map(joined), charts, xml });
  }
  const presentation = parseXml(await readText(zip, 'ppt/presentation.xml'), 'ppt/presentation.xml');
  return { slides, presentation, files };
}

/** |a − b| within 1e-9 of the larger magnitude (or absolutely, near 0). */
export function close(a: number | undefined, b: number): boolean {
  if (a === undefined) return false;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-300) || Math.abs(a - b) < 1e-12;
}
