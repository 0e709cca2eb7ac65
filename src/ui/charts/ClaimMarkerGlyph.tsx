/**
 * A claim from the sources drawn as a target on the total chart.
 *
 * Shape says what the claim is (diamond: "about", bar with an up arrow: "at least", bar with a
 * down arrow: "at most"); fill and a small badge say how the forecast does against it (filled
 * with a tick: met, hollow with a cross: missed, grey dashed with "?": cannot be checked), so the
 * status never depends on telling green from red.
 */
import { memo } from 'react';
import type { CSSProperties } from 'react';
import type { ClaimOp } from '../../model/types';
import { claimOpSymbol } from '../claimOdds';
import { CHART_INK, STATUS_COLORS } from './chartPalette';

export type { ClaimOp };
export { claimOpSymbol };
export type ClaimStatus = 'met' | 'missed' | 'notCheckable';

export interface ClaimMarker {
  id: string;
  label: string;
  year: number;
  /** The claimed value, in the model unit. */
  value: number;
  op: ClaimOp;
  status: ClaimStatus;
  /** The odds that the scenario meets the claim, in words ("P(2028 ≥ $20 B) = 63%"), when it was simulated. */
  odds?: string;
}

const STATUS_TEXT: Record<ClaimStatus, string> = { met: 'met', missed: 'missed', notCheckable: 'not checkable' };

export function claimStatusText(status: ClaimStatus): string {
  return STATUS_TEXT[status];
}

/** "Over $20 B by 2028: ≥ $20.0 B in 2028, met", then "; P(2028 ≥ $20 B) = 63%" when simulated. */
export function describeClaim(marker: ClaimMarker, formatValue: (v: number) => string): string {
  const odds = marker.odds === undefined ? '' : `; ${marker.odds}`;
  return `${marker.label}: ${claimOpSymbol(marker.op)} ${formatValue(marker.value)} in ${marker.year}, ${STATUS_TEXT[marker.status]}${odds}`;
}

/** Half the glyph's size in px; the chart keeps this much room above the plot. */
export const CLAIM_GLYPH_RADIUS = 8;

function shapePath(op: ClaimOp, r: number): { outline: string; bar?: string } {
  if (op === 'approx') return { outline: `M0,${-r}L${r},0L0,${r}L${-r},0Z` };
  // The bar sits exactly on the claimed value; the arrow points to the side that satisfies it.
  const tip = op === 'atLeast' ? -(r + 5) : r + 5;
  const base = op === 'atLeast' ? -3 : 3;
  return { outline: `M${-r + 2},${base}L${r - 2},${base}L0,${tip}Z`, bar: `M${-r - 1},0H${r + 1}` };
}

interface ClaimMarkerGlyphProps {
  marker: ClaimMarker;
  x: number;
  y: number;
  /** Native tooltip and accessible text; omit in a legend key. */
  title?: string;
  /** Shape only, in plain ink and without a status badge (the legend's key to the shapes). */
  shapeOnly?: boolean;
  /** The chart's `markScale`: the glyph, its strokes and badge grow with the chart's type. */
  scale?: number;
  style?: CSSProperties;
}

function ClaimMarkerGlyphImpl({ marker, x, y, title, shapeOnly = false, scale = 1, style }: ClaimMarkerGlyphProps) {
  const r = CLAIM_GLYPH_RADIUS;
  const color = shapeOnly ? CHART_INK.text : STATUS_COLORS[marker.status];
  const { outline, bar } = shapePath(marker.op, r);
  const filled = shapeOnly || marker.status === 'met';
  const dash = !shapeOnly && marker.status === 'notCheckable' ? '2 2' : undefined;
  // The badge sits to the upper right, clear of the line the marker is compared with.
  const badgeX = r + 6;
  const badgeY = marker.op === 'atMost' ? r - 1 : -r + 1;
  return (
    <g
      className="claim-marker"
      data-claim-id={marker.id}
      data-status={marker.status}
      data-op={marker.op}
      transform={scale === 1 ? `translate(${x},${y})` : `translate(${x},${y}) scale(${scale})`}
      style={style}
    >
      {title && <title>{title}</title>}
      {/* A white halo keeps the glyph readable where it crosses the line or the band. */}
      <path d={outline} fill="none" stroke={CHART_INK.background} strokeWidth={5} strokeLinejoin="round" />
      {bar && <path d={bar} stroke={CHART_INK.background} strokeWidth={6} strokeLinecap="round" />}
      {bar && <path d={bar} stroke={color} strokeWidth={2.5} strokeLinecap="round" strokeDasharray={dash} />}
      <path
        d={outline}
        fill={filled ? color : CHART_INK.background}
        stroke={color}
        strokeWidth={filled ? 1 : 2}
        strokeLinejoin="round"
        strokeDasharray={dash}
      />
      {!shapeOnly && <StatusBadge status={marker.status} color={color} x={badgeX} y={badgeY} />}
    </g>
  );
}

function StatusBadge({ status, color, x, y }: { status: ClaimStatus; color: string; x: number; y: number }) {
  return (
    <g transform={`translate(${x},${y})`} stroke={color} strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" fill="none">
      {status === 'met' && <path d="M-3,0L-1,2.5L3.5,-3" />}
      {status === 'missed' && <path d="M-3,-3L3,3M-3,3L3,-3" />}
      {status === 'notCheckable' && (
        <text stroke="none" fill={color} fontSize={11} fontWeight={700} textAnchor="middle" dy="0.35em">
          ?
        </text>
      )}
    </g>
  );
}

export const ClaimMarkerGlyph = memo(ClaimMarkerGlyphImpl);
