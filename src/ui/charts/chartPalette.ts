/**
 * Colours for the forecast charts.
 *
 * The series palette starts from the Okabe–Ito colour-blind-safe set and Paul Tol's "muted" set,
 * then is ordered so that neighbours alternate between dark (CIE L* 32–47) and light (L* 67–75)
 * tones. Stacked areas sit next to their neighbours in the order given, so a viewer who cannot
 * tell the hues apart — or a projector that washes hues out — still sees a step in lightness at
 * every boundary. Okabe–Ito's yellow (#F0E442, 1.3:1 on white) is left out: it vanishes on a
 * projector; a darker gold takes its place. Every colour is at least about 2:1 against white, and
 * the dark ones pass 4.5:1, so they can also colour text.
 */
export const SERIES_PALETTE: readonly string[] = [
  '#0072B2', // blue             L* 46
  '#E69F00', // orange           L* 71
  '#00795C', // bluish green     L* 45
  '#56B4E9', // sky blue         L* 70
  '#B8470B', // vermillion       L* 45
  '#E08DBE', // reddish purple   L* 68
  '#4C3C99', // indigo           L* 32
  '#CBAA2A', // gold             L* 71
  '#882255', // wine             L* 32
  '#5CC1AE', // teal             L* 72
  '#7D5A3C', // brown            L* 41
  '#A3A3A3', // grey             L* 67
];

/** The colour of the `index`-th series; past twelve the palette repeats. */
export function seriesColor(index: number): string {
  const size = SERIES_PALETTE.length;
  return SERIES_PALETTE[((index % size) + size) % size] ?? '#0072B2';
}

/**
 * Claim statuses. Met and missed are close in lightness (a red–green pair is the classic
 * colour-blind trap), so the charts never rely on them alone: a met claim is drawn filled with a
 * tick, a missed one hollow with a cross, one that cannot be checked grey and dashed.
 */
export const STATUS_COLORS = {
  met: '#1A7F37', // 5.1:1 on white
  missed: '#C62828', // 5.6:1 on white
  notCheckable: '#8A8F98', // 3.3:1 on white: readable, but visibly "off"
} as const;

/** Ink for everything that is not data. */
export const CHART_INK = {
  /** The forecast line and its points. */
  forecast: '#0B5394',
  /** Tick labels and legend text: 7.6:1 on white. */
  text: '#4B5563',
  /** Headings inside tooltips. */
  strongText: '#1F2937',
  /** The x axis line and tick marks. */
  axis: '#9CA3AF',
  /** Horizontal gridlines: light enough to recede behind the data. */
  grid: '#E5E7EB',
  /** The vertical hover/focus cursor. */
  cursor: '#6B7280',
  background: '#FFFFFF',
} as const;

/**
 * The fan: the simulation's percentile bands under the forecast line, outermost first (5–95,
 * 10–90, 25–75), and its median. The bands are opaque tints of the forecast's blue, drawn nested,
 * each a step darker than the one around it (about 8 L*), so the three stay apart on a projector
 * that washes tints out, and the outer one still stands off white. The forecast line stays the
 * main line: at least 3:1 (graphics grade) against every band it crosses, drawn thicker, with its
 * white-filled points. The median is a thinner dotted indigo: a line of its own (4:1 and more on
 * every band), never mistaken for the forecast or a ghost scenario's dashed grey (present mode
 * draws the base scenario's ghost beside the fan). Dots need round line caps.
 */
export const FAN_INK = {
  bands: ['#D6E5F5', '#B7CFEA', '#96B9E0'] as readonly string[],
  median: '#4C3C99',
  medianDash: '0.1 3.4',
} as const;

/** A dash pattern for a line drawn `scale` times as wide (`markScale`): the same shape, not denser. */
export function scaledDash(dash: string | undefined, scale: number): string | undefined {
  if (dash === undefined || scale === 1) return dash;
  return dash
    .split(/[\s,]+/)
    .filter((part) => part !== '')
    .map((part) => Number(part) * scale)
    .join(' ');
}

/**
 * Comparison (ghost) lines: the first is a neutral dark grey — the usual single "base scenario"
 * ghost — and the rest are dark palette colours, so each stays 4.5:1 against white when dashed.
 */
export const GHOST_COLORS: readonly string[] = ['#5B6472', '#B8470B', '#4C3C99', '#00795C', '#882255', '#7D5A3C'];

/** Dash patterns cycle with the ghost colours so overlapping ghosts differ in shape too. */
export const GHOST_DASHES: readonly string[] = ['6 4', '2 3', '10 3 2 3'];

export function ghostColor(index: number): string {
  return GHOST_COLORS[index % GHOST_COLORS.length] ?? '#5B6472';
}

export function ghostDash(index: number): string {
  return GHOST_DASHES[index % GHOST_DASHES.length] ?? '6 4';
}
