/**
 * A deck description (`deckContent.ts`) laid out as a PowerPoint file with pptxgenjs, loaded only
 * when a deck is asked for. Every chart is a native chart: the numbers sit in the chart's XML and
 * in its embedded workbook, so the user can restyle it and edit its data in PowerPoint.
 *
 * Every text goes through `xmlSafeText` (pptxgenjs escapes XML's five special characters itself,
 * in slide text, table cells, series and category names and the workbook's shared strings; it
 * does not drop the characters XML cannot hold). Numbers are written as JavaScript prints them,
 * which is the shortest text that reads back as the same double: full precision.
 */
import type PptxGenJS from 'pptxgenjs';
import type {
  DeckBridgeSlide,
  DeckContent,
  DeckHeadlineSlide,
  DeckSeries,
  DeckSlide,
  DeckStackedChartSlide,
  DeckStyle,
  DeckTableSlide,
  DeckTitleSlide,
  DeckTotalChartSlide,
} from './deckContent';
import { bridgeSeries, fanSeries, INVISIBLE } from './deckSeries';
import { finishDeckPackage } from './finishDeckPackage';
import { xmlSafeText } from './xmlText';
import { distinctSectionTitles, distinctSeriesNames } from './seriesNames';

/** The file type of a .pptx. */
export const PPTX_FILE_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

// LAYOUT_WIDE: 13.33 × 7.5 in, PowerPoint's own default.
const SLIDE_W = 13.333;
const MARGIN = 0.6;
const CONTENT_W = SLIDE_W - 2 * MARGIN;
const HEADING = { x: MARGIN, y: 0.35, w: CONTENT_W, h: 0.8 };
const BODY = { x: MARGIN, y: 1.3, w: CONTENT_W, h: 5.3 };
const CAPTION = { x: MARGIN, y: 6.7, w: CONTENT_W, h: 0.5 };

type Slide = PptxGenJS.Slide;
type Pptx = PptxGenJS;

/**
 * The most charts a deck is made with. Each native chart carries its own embedded workbook, and
 * pptxgenjs writes them all on the page's thread at some tens of milliseconds apiece: 200 is
 * several seconds, while "every scenario" of a workspace at its limits (100 scenarios × 20
 * dimensions) would ask for thousands. Checked before pptxgenjs is loaded.
 */
export const MAX_DECK_CHARTS = 200;

/** A deck refused before any work: the message says why and what to do instead. */
export class DeckTooLargeError extends Error {
  override name = 'DeckTooLargeError';
}

/** The native charts of `content`: its total, dimension and bridge slides. */
export function deckChartCount(content: DeckContent): number {
  return content.sections.reduce((n, section) => n + section.slides.filter((slide) => slide.kind !== 'title' && slide.kind !== 'headline' && slide.kind !== 'table').length, 0);
}

/** The deck as the bytes of a .pptx file; more than MAX_DECK_CHARTS charts is refused first (DeckTooLargeError). */
export async function writeDeck(content: DeckContent): Promise<ArrayBuffer> {
  const charts = deckChartCount(content);
  if (charts > MAX_DECK_CHARTS) {
    throw new DeckTooLargeError(
      `this deck would hold ${charts.toLocaleString('en-US')} charts, and a deck stops at ${MAX_DECK_CHARTS}: ` +
        'a deck of the scenario on screen, or of a workspace with fewer scenarios or dimensions, fits',
    );
  }
  const { default: PptxGenJSClass } = await import('pptxgenjs');
  const pptx = new PptxGenJSClass();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = xmlSafeText(content.title);
  pptx.company = 'Slidecast';
  pptx.theme = { headFontFace: content.style.fontFace, bodyFontFace: content.style.fontFace };
  const sectioned = content.sections.length > 1;
  const titles = distinctSectionTitles(content.sections.map((section) => section.name));
  /** For each chart added, in order: the series to leave out of its legend. */
  const legendOmissions: number[][] = [];
  content.sections.forEach((section, i) => {
    const sectionTitle = titles[i]!;
    if (sectioned) pptx.addSection({ title: sectionTitle });
    for (const slide of section.slides) {
      const omitted = addSlide(pptx, slide, content.style, sectioned ? sectionTitle : undefined);
      if (omitted) legendOmissions.push(omitted);
    }
  });
  return finishDeckPackage((await pptx.write({ outputType: 'arraybuffer' })) as ArrayBuffer, legendOmissions);
}

/** Adds the slide; for a chart's slide, returns the indices of the series its legend leaves out. */
function addSlide(pptx: Pptx, content: DeckSlide, style: DeckStyle, sectionTitle: string | undefined): number[] | undefined {
  const slide = pptx.addSlide(sectionTitle === undefined ? undefined : { sectionTitle });
  switch (content.kind) {
    case 'title':
      titleSlide(slide, content, style);
      return undefined;
    case 'headline':
      headlineSlide(slide, content, style);
      return undefined;
    case 'totalChart':
      return totalChartSlide(pptx, slide, content, style);
    case 'stackedChart':
      stackedChartSlide(pptx, slide, content, style);
      return [];
    case 'bridge':
      bridgeSlide(pptx, slide, content, style);
      return [];
    case 'table':
      tableSlide(slide, content, style);
      return undefined;
  }
}

function text(slide: Slide, value: string, options: PptxGenJS.TextPropsOptions, style: DeckStyle): void {
  slide.addText(xmlSafeText(value), { fontFace: style.fontFace, color: style.ink, valign: 'top', margin: 0, ...options });
}

function heading(slide: Slide, value: string, style: DeckStyle): void {
  text(slide, value, { ...HEADING, fontSize: 26, bold: true, fit: 'shrink' }, style);
}

function caption(slide: Slide, value: string | undefined, style: DeckStyle): void {
  if (value) text(slide, value, { ...CAPTION, fontSize: 12, color: style.mutedInk, fit: 'shrink' }, style);
}

function titleSlide(slide: Slide, content: DeckTitleSlide, style: DeckStyle): void {
  text(slide, content.workspace, { x: MARGIN, y: 1.6, w: CONTENT_W, h: 1.6, fontSize: 40, bold: true, valign: 'bottom', fit: 'shrink' }, style);
  text(slide, content.scenario, { x: MARGIN, y: 3.4, w: CONTENT_W, h: 0.8, fontSize: 26, fit: 'shrink' }, style);
  text(slide, content.date, { x: MARGIN, y: 4.3, w: CONTENT_W, h: 0.5, fontSize: 18, color: style.mutedInk }, style);
  text(slide, content.credit, { x: MARGIN, y: 6.5, w: CONTENT_W, h: 0.4, fontSize: 14, color: style.mutedInk }, style);
}

function headlineSlide(slide: Slide, content: DeckHeadlineSlide, style: DeckStyle): void {
  heading(slide, content.heading, style);
  const count = Math.max(content.figures.length, 1);
  const gap = 0.3;
  const w = (CONTENT_W - gap * (count - 1)) / count;
  content.figures.forEach((figure, i) => {
    const x = MARGIN + i * (w + gap);
    text(slide, figure.label, { x, y: 2.2, w, h: 0.5, fontSize: 16, color: style.mutedInk }, style);
    text(slide, figure.value, { x, y: 2.8, w, h: 1.0, fontSize: 36, bold: true, fit: 'shrink' }, style);
    if (figure.detail) text(slide, figure.detail, { x, y: 3.9, w, h: 1.2, fontSize: 14, color: style.mutedInk, fit: 'shrink' }, style);
  });
}

/** Chart options every chart shares: the app's font and inks, a value axis in the model's unit. */
function chartBase(style: DeckStyle, unit: string): PptxGenJS.IChartOpts {
  return {
    ...BODY,
    catAxisLabelFontFace: style.fontFace,
    catAxisLabelFontSize: 12,
    catAxisLabelColor: style.mutedInk,
    valAxisLabelFontFace: style.fontFace,
    valAxisLabelFontSize: 12,
    valAxisLabelColor: style.mutedInk,
    valAxisTitle: xmlSafeText(unit),
    showValAxisTitle: unit.trim() !== '',
    valAxisTitleFontFace: style.fontFace,
    valAxisTitleFontSize: 12,
    valAxisTitleColor: style.mutedInk,
    valGridLine: { color: style.gridColor, size: 0.75 },
    catGridLine: { style: 'none' },
    showLegend: true,
    legendPos: 'b',
    legendFontFace: style.fontFace,
    legendFontSize: 12,
    legendColor: style.ink,
  };
}

function names(values: readonly string[]): string[] {
  return values.map(xmlSafeText);
}

/** pptxgenjs's data of a one-type chart: the series with distinct names, on the same categories. */
function seriesData(series: readonly DeckSeries[], labels: string[]): PptxGenJS.OptsChartData[] {
  const distinct = distinctSeriesNames(series.map((s) => s.name));
  return series.map((s, i) => ({ name: distinct[i]!, labels, values: s.values }));
}

/** The total chart; returns the series its legend leaves out (the fan's invisible base). */
function totalChartSlide(pptx: Pptx, slide: Slide, content: DeckTotalChartSlide, style: DeckStyle): number[] {
  heading(slide, content.heading, style);
  const labels = names(content.years);
  const types: PptxGenJS.IChartMulti[] = [];
  const unlisted: number[] = [];
  if (content.fan) {
    const pieces = fanSeries(content.fan);
    // The fan's series come first: their indices in the chart are their places here.
    pieces.forEach((piece, i) => piece.color === INVISIBLE && unlisted.push(i));
    types.push({
      type: pptx.ChartType.area,
      data: pieces.map((piece) => ({ name: piece.name, labels, values: piece.values })),
      options: { barGrouping: 'stacked', chartColors: pieces.map((piece) => piece.color) },
    });
  }
  types.push({
    type: pptx.ChartType.line,
    data: [{ name: content.total.name, labels, values: content.total.values }],
    options: { chartColors: [content.total.color], lineSize: 3, lineDataSymbol: 'circle', lineDataSymbolSize: 6 },
  });
  if (content.fan) {
    types.push({
      type: pptx.ChartType.line,
      data: [{ name: content.fan.medianName, labels, values: content.fan.p50 }],
      options: { chartColors: [content.fan.medianColor], lineSize: 1.5, lineDash: 'dash', lineDataSymbol: 'none' },
    });
  }
  // A claim is a marker alone at its year: a line series with no line and a value only there. Each
  // is a group of its own with a one-colour palette: pptxgenjs fills a line's markers from the
  // palette by the series' index in the whole chart, which past the palette's end is a random pick.
  for (const marker of content.markers) {
    types.push({
      type: pptx.ChartType.line,
      data: [{ name: marker.name, labels, values: labels.map((_, t) => (t === marker.yearIndex ? marker.value : null)) as number[] }],
      options: { chartColors: [marker.color], lineSize: 0, lineDataSymbol: 'diamond', lineDataSymbolSize: 11 },
    });
  }
  // One workbook holds every group's series: their names are made distinct across the chart.
  const series = types.flatMap((type) => type.data as { name: string }[]);
  distinctSeriesNames(series.map((s) => s.name)).forEach((name, i) => (series[i]!.name = name));
  const options: PptxGenJS.IChartOpts = { ...chartBase(style, content.unit), displayBlanksAs: 'gap' };
  // A chart of several types takes its options in the data's place (pptxgenjs's addChart reads
  // `data || options` then); its type declarations do not say so.
  slide.addChart(types, options as unknown as unknown[]);
  caption(slide, content.caption, style);
  return unlisted;
}

function stackedChartSlide(pptx: Pptx, slide: Slide, content: DeckStackedChartSlide, style: DeckStyle): void {
  heading(slide, content.heading, style);
  const labels = names(content.years);
  slide.addChart(
    pptx.ChartType.area,
    seriesData(content.series, labels),
    { ...chartBase(style, content.unit), barGrouping: 'stacked', chartColors: content.series.map((series) => series.color), legendPos: content.series.length > 6 ? 'r' : 'b' },
  );
}

function bridgeSlide(pptx: Pptx, slide: Slide, content: DeckBridgeSlide, style: DeckStyle): void {
  heading(slide, content.heading, style);
  const { labels, series } = bridgeSeries(content);
  const categories = names(labels);
  slide.addChart(
    pptx.ChartType.bar,
    seriesData(series, categories),
    {
      ...chartBase(style, content.unit),
      barDir: 'bar',
      barGrouping: 'stacked',
      barGapWidthPct: 40,
      // The first step at the top, read downwards like the app's bridge.
      catAxisOrientation: 'maxMin' as 'minMax', // written as given; the declarations know only 'minMax'
      valAxisOrientation: 'minMax',
      chartColors: series.map((s) => s.color),
      showLegend: false,
    },
  );
  caption(slide, content.caption, style);
}

function tableSlide(slide: Slide, content: DeckTableSlide, style: DeckStyle): void {
  heading(slide, content.heading, style);
  const total = content.widths.reduce((sum, w) => sum + w, 0) || 1;
  const colW = content.widths.map((w) => (w / total) * CONTENT_W);
  const header: PptxGenJS.TableRow = content.columns.map((column) => ({
    text: xmlSafeText(column),
    options: { bold: true, color: style.ink, fill: { color: style.gridColor } },
  }));
  const rows: PptxGenJS.TableRow[] = content.rows.map((cells) =>
    cells.length === 1
      ? [{ text: xmlSafeText(cells[0] ?? ''), options: { colspan: content.columns.length, bold: true, color: style.ink } }]
      : cells.map((cell) => ({ text: xmlSafeText(cell) })),
  );
  slide.addTable([header, ...rows], {
    x: BODY.x,
    y: BODY.y,
    w: CONTENT_W,
    colW,
    fontFace: style.fontFace,
    fontSize: 11,
    color: style.ink,
    valign: 'top',
    border: { type: 'solid', pt: 0.5, color: style.gridColor },
    margin: 0.05,
    // A long table continues on further slides, its header repeated, rather than overflowing.
    autoPage: true,
    autoPageRepeatHeader: true,
    autoPageHeaderRows: 1,
    autoPageSlideStartY: BODY.y,
  });
  // The slides the table continued onto say what they continue.
  // (They are Slide objects, made by addSlide; the declarations call them by a narrower type.)
  for (const next of slide.newAutoPagedSlides as unknown as Slide[]) heading(next, `${content.heading} (continued)`, style);
}
