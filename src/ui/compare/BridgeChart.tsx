/**
 * The bridge (waterfall) from one scenario's end-year total to another's: a bar for the start
 * total, one floating bar per step of the bridge (green where the step raises the total, red where
 * it lowers it, its delta written beside it), and a bar for the end total. The steps come computed
 * from the worker (src/engine/bridge.ts); this file only draws them.
 *
 * Laid out horizontally — one row per step, the label on the left — so that long names (drivers
 * are sentences) stay readable without rotated text. Steps that change nothing are folded away
 * behind a button; the visually hidden table under the chart lists every step.
 */
import { memo, useId, useMemo, useState } from 'react';
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { AxisBottom } from '@visx/axis';
import { GridColumns } from '@visx/grid';
import type { BridgeResult, BridgeStep } from '../../engine/bridge';
import { CHART_INK, STATUS_COLORS } from '../charts/chartPalette';
import { VISUALLY_HIDDEN, chartFontSize, estimateTextWidth, tickLabelStyle } from '../charts/chartLayout';
import { ResponsiveChart } from '../charts/ResponsiveChart';
import { sizeTickLabels } from '../charts/tickLabels';
import { formatCountOf, formatSize } from '../format';
import { bridgeTotalLabel, formatSignedSize, isNegligible } from './compareData';

export interface BridgeEnd {
  name: string;
  color: string;
}

export interface BridgeWaterfallProps {
  bridge: BridgeResult;
  from: BridgeEnd;
  to: BridgeEnd;
  /** Also draw the steps that change nothing (they are always in the hidden table). */
  showUnchanged?: boolean;
}

export interface BridgeWaterfallPlotProps extends BridgeWaterfallProps {
  width: number;
}

const ROW_HEIGHT = 38;
const BAR_HEIGHT = 20;
const AXIS_HEIGHT = 30;
const TOP = 8;

/** Rows, bars and the axis grow with the type (chartFontSize: 16–18 px on a 4K screen). */
function bridgeGeometry(fontSize: number) {
  const k = Math.max(1, fontSize / 14);
  return { rowHeight: Math.round(ROW_HEIGHT * k), barHeight: Math.round(BAR_HEIGHT * k), axisHeight: Math.round(AXIS_HEIGHT * k) };
}
const LINE_HEIGHT = 1.2;

interface Row {
  /** `from`, `to`, or a step id. */
  id: string;
  kind: 'total' | 'step';
  label: string;
  x0: number;
  x1: number;
  value: number;
  color: string;
  text: string;
  step?: BridgeStep;
}

/** Breaks a label into at most two lines that fit `width`; the second line ends in "…" if cut. */
function wrapLabel(text: string, width: number, fontSize: number): string[] {
  if (estimateTextWidth(text, fontSize) <= width) return [text];
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (estimateTextWidth(next, fontSize) <= width || !line) {
      line = next;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= 2) return lines;
  let second = lines.slice(1).join(' ');
  while (second.length > 1 && estimateTextWidth(`${second}…`, fontSize) > width) second = second.slice(0, -1);
  return [lines[0]!, `${second.trimEnd()}…`];
}

export function BridgeWaterfallPlot({ bridge, from, to, width, showUnchanged = false }: BridgeWaterfallPlotProps) {
  const fontSize = chartFontSize(width);
  const { rowHeight, barHeight, axisHeight } = bridgeGeometry(fontSize);
  const unit = bridge.unit;
  const format = (v: number) => formatSize(v, unit);

  const rows = useMemo<Row[]>(() => {
    const list: Row[] = [
      {
        id: 'from',
        kind: 'total',
        label: bridgeTotalLabel(from.name, bridge.fromYear),
        x0: 0,
        x1: bridge.fromTotal,
        value: bridge.fromTotal,
        color: from.color,
        text: formatSize(bridge.fromTotal, unit),
      },
    ];
    let previous = bridge.fromTotal;
    for (const step of bridge.steps) {
      const before = previous;
      previous = step.cumulative;
      if (!showUnchanged && isNegligible(step, bridge)) continue;
      list.push({
        id: step.id,
        kind: 'step',
        label: step.label,
        x0: before,
        x1: step.cumulative,
        value: step.delta,
        color: step.delta > 0 ? STATUS_COLORS.met : step.delta < 0 ? STATUS_COLORS.missed : CHART_INK.cursor,
        text: isNegligible(step, bridge) ? 'no change' : formatSignedSize(step.delta, unit),
        step,
      });
    }
    list.push({
      id: 'to',
      kind: 'total',
      label: bridgeTotalLabel(to.name, bridge.toYear),
      x0: 0,
      x1: bridge.toTotal,
      value: bridge.toTotal,
      color: to.color,
      text: formatSize(bridge.toTotal, unit),
    });
    return list;
  }, [bridge, from, to, showUnchanged, unit]);

  // Label column: as wide as the longest label needs, at most 40% of the chart.
  const labelWidth = Math.round(
    Math.min(width * 0.4, Math.max(110, ...rows.map((r) => estimateTextWidth(r.label, fontSize) + 4))),
  );
  const gap = 14;
  const valueRoom = Math.max(...rows.map((r) => estimateTextWidth(r.text, fontSize))) + 12;
  const plotLeft = labelWidth + gap;
  const plotWidth = Math.max(40, width - plotLeft - valueRoom);
  const innerHeight = rows.length * rowHeight;
  const height = TOP + innerHeight + axisHeight;

  const tickCount = Math.max(2, Math.min(8, Math.floor(plotWidth / 90)));
  const xScale = useMemo(() => {
    let max = 0;
    let min = 0;
    for (const r of rows) {
      for (const v of [r.x0, r.x1]) {
        if (Number.isFinite(v)) {
          max = Math.max(max, v);
          min = Math.min(min, v);
        }
      }
    }
    if (!(max > min)) max = min + 1;
    // Niced with the tick count, so the axis ends on a labelled tick.
    return scaleLinear<number>({ domain: [min, max], range: [0, plotWidth], nice: tickCount });
  }, [rows, plotWidth, tickCount]);
  const ticks = xScale.ticks(tickCount);
  const tickLabels = sizeTickLabels(ticks, unit);

  const difference = bridge.toTotal - bridge.fromTotal;
  // The summary names the steps that move the total, whether or not the others are drawn.
  const moving = bridge.steps.filter((step) => !isNegligible(step, bridge));
  const still = bridge.steps.length - moving.length;
  const summary =
    `Bridge of the end-year total from ${from.name} (${bridge.fromYear}: ${format(bridge.fromTotal)}) ` +
    `to ${to.name} (${bridge.toYear}: ${format(bridge.toTotal)}), a difference of ${formatSignedSize(difference, unit)}. ` +
    (moving.length > 0 ? `Steps: ${moving.map((step) => `${step.label} ${formatSignedSize(step.delta, unit)}`).join('; ')}.` : 'No step changes the total.') +
    (still > 0 ? ` ${still} ${still === 1 ? 'step changes' : 'steps change'} nothing.` : '');

  return (
    <div className="bridge-plot" style={{ position: 'relative', width, fontSize }}>
      <svg width={width} height={height} role="img" aria-label={summary} style={{ display: 'block', overflow: 'visible' }}>
        <Group top={TOP} left={plotLeft}>
          <GridColumns scale={xScale} height={innerHeight} tickValues={ticks} stroke={CHART_INK.grid} strokeWidth={1} />
          <line x1={xScale(0)} x2={xScale(0)} y1={0} y2={innerHeight} stroke={CHART_INK.axis} strokeWidth={1} />
          {rows.map((row, i) => {
            const y = i * rowHeight;
            const left = Math.min(xScale(row.x0), xScale(row.x1));
            const right = Math.max(xScale(row.x0), xScale(row.x1));
            // A step too small to see still gets a visible sliver, so every step has a bar.
            const barWidth = Math.max(right - left, 2);
            const barTop = y + (rowHeight - barHeight) / 2;
            const next = rows[i + 1];
            const valueWidth = estimateTextWidth(row.text, fontSize);
            // The value goes right of the bar; where that would run off the plot, left of it.
            const textRight = right + 6 + valueWidth <= plotWidth + valueRoom;
            const isStep = row.kind === 'step';
            const lines = wrapLabel(row.label, labelWidth, fontSize);
            const data = isStep
              ? { 'data-step-id': row.id, 'data-delta': row.value, 'data-change': row.step?.change }
              : { 'data-bridge-total': row.id, 'data-value': row.value };
            return (
              <g key={row.id} className={`bridge-row bridge-${row.kind}`}>
                <text
                  x={-gap}
                  y={y + rowHeight / 2}
                  textAnchor="end"
                  fill={CHART_INK.strongText}
                  fontWeight={isStep ? 400 : 700}
                  fontSize={fontSize}
                >
                  {lines.map((line, l) => (
                    <tspan key={l} x={-gap} dy={l === 0 ? `${0.35 - ((lines.length - 1) * LINE_HEIGHT) / 2}em` : `${LINE_HEIGHT}em`}>
                      {line}
                    </tspan>
                  ))}
                  {lines.length > 1 || lines[0] !== row.label ? <title>{row.label}</title> : null}
                </text>
                <rect
                  className="bridge-bar"
                  {...data}
                  x={barWidth > right - left ? left - (barWidth - (right - left)) / 2 : left}
                  y={barTop}
                  width={barWidth}
                  height={barHeight}
                  rx={2}
                  fill={row.color}
                >
                  <title>
                    {isStep ? `${row.label}: ${row.text} (total after: ${format(row.x1)})` : `${row.label}: ${row.text}`}
                  </title>
                </rect>
                <text
                  x={textRight ? right + 6 : left - 6}
                  y={barTop + barHeight / 2}
                  dy="0.35em"
                  textAnchor={textRight ? 'start' : 'end'}
                  fontSize={fontSize}
                  fontWeight={isStep ? 600 : 700}
                  fill={isStep ? row.color : CHART_INK.strongText}
                  style={{ fontVariantNumeric: 'tabular-nums' }}
                >
                  {row.text}
                </text>
                {next && (
                  // The connector: where this bar ends, the next one starts.
                  <line
                    x1={xScale(row.x1)}
                    x2={xScale(row.x1)}
                    y1={barTop + barHeight}
                    y2={barTop + rowHeight}
                    stroke={CHART_INK.cursor}
                    strokeWidth={1}
                    strokeDasharray="2 2"
                    aria-hidden="true"
                  />
                )}
              </g>
            );
          })}
          <AxisBottom
            top={innerHeight}
            scale={xScale}
            tickValues={ticks}
            tickFormat={(_, i) => tickLabels[i] ?? ''}
            stroke={CHART_INK.axis}
            tickStroke={CHART_INK.axis}
            tickLength={4}
            tickLabelProps={{ ...tickLabelStyle(fontSize), dy: '0.4em', textAnchor: 'middle' }}
          />
        </Group>
      </svg>
      <table style={VISUALLY_HIDDEN}>
        <caption>
          Steps of the bridge from {from.name} to {to.name}
        </caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Change</th>
            <th scope="col">Total after</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">
              <bdi>{from.name}</bdi>, {bridge.fromYear}
            </th>
            <td />
            <td>{format(bridge.fromTotal)}</td>
          </tr>
          {bridge.steps.map((step) => (
            <tr key={step.id} data-step-row={step.id}>
              <th scope="row">{step.label}</th>
              <td>{isNegligible(step, bridge) ? 'no change' : formatSignedSize(step.delta, unit)}</td>
              <td>{format(step.cumulative)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">
              <bdi>{to.name}</bdi>, {bridge.toYear}
            </th>
            <td>{formatSignedSize(difference, unit)} in all</td>
            <td>{format(bridge.toTotal)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** The plot's height for a bridge: it grows with the rows, never with the width. */
function plotHeight(rowCount: number): number {
  return TOP + rowCount * ROW_HEIGHT + AXIS_HEIGHT;
}

export interface BridgeChartProps {
  /** Undefined while the worker computes it. */
  bridge: BridgeResult | undefined;
  /** The scenarios the pickers offer (two or more). */
  scenarios: readonly (BridgeEnd & { id: string })[];
  pair: { from: string; to: string };
  onPairChange: (pair: { from: string; to: string }) => void;
}

/** The bridge panel: from/to pickers, the waterfall, and the fold for steps that change nothing. */
function BridgeChartView({ bridge, scenarios, pair, onPairChange }: BridgeChartProps) {
  const [showUnchanged, setShowUnchanged] = useState(false);
  const fromId = useId();
  const toId = useId();
  const from = scenarios.find((s) => s.id === pair.from);
  const to = scenarios.find((s) => s.id === pair.to);
  const choose = (end: 'from' | 'to', id: string) => {
    const other = end === 'from' ? pair.to : pair.from;
    // Picking the other end's scenario swaps the two: a bridge from a scenario to itself says nothing.
    if (id === other) onPairChange({ from: pair.to, to: pair.from });
    else onPairChange(end === 'from' ? { from: id, to: pair.to } : { from: pair.from, to: id });
  };
  const unchanged = bridge ? bridge.steps.filter((s) => isNegligible(s, bridge)).length : 0;
  const visibleRows = bridge ? 2 + bridge.steps.length - (showUnchanged ? 0 : unchanged) : 0;

  return (
    <div className="bridge-chart" data-testid="bridge-chart">
      <div className="compare-controls">
        <label htmlFor={fromId}>From</label>
        <select id={fromId} value={pair.from} onChange={(event) => choose('from', event.currentTarget.value)}>
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <button type="button" className="swap" onClick={() => onPairChange({ from: pair.to, to: pair.from })} aria-label="Swap from and to" title="Swap">
          ⇄
        </button>
        <label htmlFor={toId}>to</label>
        <select id={toId} value={pair.to} onChange={(event) => choose('to', event.currentTarget.value)}>
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        {bridge && unchanged > 0 && (
          <button type="button" className="link-button" aria-pressed={showUnchanged} onClick={() => setShowUnchanged((v) => !v)}>
            {showUnchanged
              ? `Hide the ${formatCountOf(unchanged, 'step')} that change nothing`
              : `Show ${formatCountOf(unchanged, 'more step')} that change nothing`}
          </button>
        )}
      </div>
      {!bridge || !from || !to ? (
        <p className="muted compare-computing" aria-busy="true">
          Computing…
        </p>
      ) : (
        <>
          <p className="bridge-order muted">
            Substituting {to.name}’s assumptions into {from.name}’s one group at a time, in this order: base year and size,
            trend growth, each driver, then the end year. The steps add up to the difference.
          </p>
          {bridge.unitsDiffer && (
            <p className="compare-warning">The two scenarios use different units: the bridge subtracts numbers in different units.</p>
          )}
          <ResponsiveChart height={plotHeight(visibleRows)}>
            {(size) => <BridgeWaterfallPlot bridge={bridge} from={from} to={to} width={size.width} showUnchanged={showUnchanged} />}
          </ResponsiveChart>
        </>
      )}
    </div>
  );
}

export const BridgeChart = memo(BridgeChartView);
