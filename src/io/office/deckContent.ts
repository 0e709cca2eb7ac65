/**
 * What a PowerPoint deck says, as plain data: every text already formatted for people, every
 * number the engine's own, every colour a hex code without '#' (as pptxgenjs wants it). The UI
 * builds it from the store and the app's formatters (src/ui/export/office/); `pptxDeck.ts` only
 * lays it out, so the deck can never say something the app would say differently.
 */

/** A named series of numbers, one per category (year or step), drawn in `color`. */
export interface DeckSeries {
  name: string;
  values: number[];
  /** Hex without '#', e.g. "0072B2". */
  color: string;
}

export interface DeckTitleSlide {
  kind: 'title';
  workspace: string;
  scenario: string;
  /** "1 December 2026": the local calendar date the deck was made. */
  date: string;
  credit: string;
}

export interface DeckHeadlineSlide {
  kind: 'headline';
  heading: string;
  /** "Market in 2032" → "$29.3 B"; the big numbers, in order. */
  figures: { label: string; value: string; detail?: string }[];
}

/** A size claim on the total, drawn as a marker at its year. */
export interface DeckClaimMarker {
  name: string;
  /** Index into the chart's years. */
  yearIndex: number;
  value: number;
  color: string;
}

/** The simulation's percentiles of the total per year, for the fan. */
export interface DeckFan {
  p5: number[];
  p10: number[];
  p25: number[];
  p50: number[];
  p75: number[];
  p90: number[];
  p95: number[];
  /** Outermost first: the 5–95, 10–90 and 25–75 bands. */
  bandColors: [string, string, string];
  medianColor: string;
  /** The median line's name, e.g. "Median (simulated)". */
  medianName: string;
}

export interface DeckTotalChartSlide {
  kind: 'totalChart';
  heading: string;
  /** Axis title, e.g. "USD bn". */
  unit: string;
  years: string[];
  total: DeckSeries;
  markers: DeckClaimMarker[];
  fan?: DeckFan;
  /** A line under the chart: the claims' odds, what the fan is. */
  caption?: string;
}

export interface DeckStackedChartSlide {
  kind: 'stackedChart';
  heading: string;
  unit: string;
  years: string[];
  /** The dimension's top-level members, in the app's order and palette. */
  series: DeckSeries[];
}

export interface DeckBridgeSlide {
  kind: 'bridge';
  heading: string;
  unit: string;
  start: { label: string; value: number };
  steps: { label: string; delta: number }[];
  end: { label: string; value: number };
  colors: { total: string; up: string; down: string };
  /** Legend names of the up and down series and the totals: "Raises", "Lowers", "Total". */
  names: { total: string; up: string; down: string };
  caption?: string;
}

export interface DeckTableSlide {
  kind: 'table';
  heading: string;
  columns: string[];
  /** Relative widths of the columns (any positive numbers). */
  widths: number[];
  /** Rows of cells; a row of one cell is a group heading spanning the table. */
  rows: string[][];
}

export type DeckSlide = DeckTitleSlide | DeckHeadlineSlide | DeckTotalChartSlide | DeckStackedChartSlide | DeckBridgeSlide | DeckTableSlide;

/** The slides of one scenario: a PowerPoint section named after it when the deck has several. */
export interface DeckSection {
  name: string;
  slides: DeckSlide[];
}

export interface DeckStyle {
  fontFace: string;
  /** Headings and body text. */
  ink: string;
  /** Secondary text, axis labels. */
  mutedInk: string;
  gridColor: string;
}

export interface DeckContent {
  /** The file's title property. */
  title: string;
  /** One section per scenario; a deck of one scenario is not split into sections. */
  sections: DeckSection[];
  style: DeckStyle;
}
