/**
 * The tornado (DESIGN.md §3 "Sensitivity"): one bar per quantity that moves the metric, largest
 * swing first (the engine's order), each spanning the metric with the quantity at its range's low
 * and at its high, drawn from the base value's line — the low end's part and the high end's part
 * in two colours, with a legend. Quantities that do not move the metric are one line, not empty
 * bars; past `topCount` bars the rest wait behind "Show all".
 *
 * The bars are a list: each one's name, its two values and the quantity's two ends are text, so
 * the list is the chart's text equivalent. With `onSelect` each bar is a button (Enter or a click
 * selects its quantity). Props in, HTML out: it never computes a forecast and never reads the store.
 */
import { useId, useState, type CSSProperties } from 'react';
import type { TornadoBar } from '../../engine/sensitivity';
import { quantityKey } from '../../model/quantityRef';

export interface TornadoChartProps {
  title: string;
  bars: readonly TornadoBar[];
  base: number;
  /** A bar's quantity by its one name (`quantityName`). */
  nameOf: (bar: TornadoBar) => string;
  /** The metric's value in its own terms ("$24.1 B", "5.20%"). */
  formatValue: (value: number) => string;
  /** A quantity's value in its own terms ("+3.00%"): its range's ends. */
  formatEnd: (bar: TornadoBar, value: number) => string;
  /** Selects a bar's quantity; without it the bars are not buttons (present mode). */
  onSelect?: (bar: TornadoBar) => void;
  selectedKey?: string | undefined;
  /** Bars shown before "Show all". */
  topCount?: number;
  /** Whether the rest can be shown ("Show all"); present mode, driven by its own keys, says how many more instead. */
  expandable?: boolean;
}

/** The two ends' colours (chartPalette's ghost ink for low, the accent for high; both ≥ 3:1 on white). */
export const TORNADO_LEGEND = { low: 'at range low', high: 'at range high' } as const;

function position(value: number, min: number, max: number): number {
  return max > min ? ((value - min) / (max - min)) * 100 : 50;
}

export function TornadoChart({ title, bars, base, nameOf, formatValue, formatEnd, onSelect, selectedKey, topCount = 12, expandable = true }: TornadoChartProps) {
  const titleId = useId();
  const [showAll, setShowAll] = useState(false);
  const moving = bars.filter((bar) => bar.swing > 0);
  const still = bars.length - moving.length;
  const shown = showAll ? moving : moving.slice(0, topCount);
  const ends = [base, ...moving.flatMap((bar) => [bar.atLow, bar.atHigh])].filter(Number.isFinite);
  const min = Math.min(...ends);
  const max = Math.max(...ends);
  const basePos = position(base, min, max);

  return (
    <figure className="tornado" aria-labelledby={titleId}>
      <figcaption id={titleId} className="tornado-title">
        {title}
      </figcaption>
      <div className="tornado-legend" aria-hidden="true">
        <span className="tornado-key">
          <span className="tornado-swatch tornado-low" /> {TORNADO_LEGEND.low}
        </span>
        <span className="tornado-key">
          <span className="tornado-swatch tornado-high" /> {TORNADO_LEGEND.high}
        </span>
        <span className="tornado-key">
          <span className="tornado-swatch tornado-base" /> base {formatValue(base)}
        </span>
      </div>
      {moving.length === 0 ? (
        <p className="muted">No ranged quantity moves this metric.</p>
      ) : (
        <ol className="tornado-bars" aria-label={`${title}: bars, largest swing first`} style={{ '--base': `${basePos}%` } as CSSProperties}>
          {shown.map((bar) => {
            const key = quantityKey(bar.ref);
            const name = nameOf(bar);
            const low = position(bar.atLow, min, max);
            const high = position(bar.atHigh, min, max);
            const lowText = `${formatValue(bar.atLow)} at range low (${formatEnd(bar, bar.low)})`;
            const highText = `${formatValue(bar.atHigh)} at range high (${formatEnd(bar, bar.high)})`;
            const body = (
              <>
                <span className="tornado-name" title={name}>
                  {name}
                </span>
                <span className="tornado-track">
                  <span className="tornado-part tornado-low" style={{ left: `${Math.min(low, basePos)}%`, width: `${Math.abs(low - basePos)}%` }} />
                  <span className="tornado-part tornado-high" style={{ left: `${Math.min(high, basePos)}%`, width: `${Math.abs(high - basePos)}%` }} />
                  <span className="tornado-baseline" />
                </span>
                <span className="tornado-values">
                  <span className="tornado-value-low" data-value={bar.atLow}>
                    {lowText}
                  </span>
                  <span className="visually-hidden">, </span>
                  <span className="tornado-value-high" data-value={bar.atHigh}>
                    {highText}
                  </span>
                </span>
              </>
            );
            return (
              <li key={key} className="tornado-row" data-quantity={key}>
                {onSelect ? (
                  <button type="button" className="tornado-bar" aria-pressed={selectedKey === key} onClick={() => onSelect(bar)}>
                    {body}
                  </button>
                ) : (
                  <div className="tornado-bar">{body}</div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {moving.length > topCount && !expandable && (
        <p className="tornado-still muted">
          {moving.length - topCount} more with smaller swings
        </p>
      )}
      {moving.length > topCount && expandable && (
        <button type="button" className="tornado-more" aria-expanded={showAll} onClick={() => setShowAll((on) => !on)}>
          {showAll ? `Show the top ${topCount}` : `Show all ${moving.length}`}
        </button>
      )}
      {still > 0 && (
        <p className="tornado-still muted">
          {still} {still === 1 ? 'quantity does' : 'quantities do'} not move this metric
        </p>
      )}
    </figure>
  );
}
