/**
 * One dimension across the scenarios compared: each member's end-year value and share of the
 * total, scenario beside scenario, with a bar per cell on one common scale so sizes can be read at a
 * glance. Members are matched by id; a member a scenario lacks shows "—" there, never 0.
 *
 * The dimensions offered are every scenario's, matched by id: the reference's (the first) in its
 * order, then those only another scenario has (a dimension added to one scenario only). A scenario
 * without the chosen dimension shows "—" throughout.
 */
import { memo, useId, useMemo, useState } from 'react';
import type { Forecast } from '../../engine/forecastTypes';
import { seriesIndex } from '../../engine/seriesAccess';
import { formatPercent, formatSize } from '../format';
import { endTotalOf, endYearOf, type CompareEntry } from './compareData';

export interface CompareDimensionProps {
  /** The first entry is the reference. */
  entries: readonly CompareEntry[];
}

interface MemberRow {
  key: string;
  name: string;
  depth: number;
  hasChildren: boolean;
}

interface Cell {
  value: number;
  share: number;
}

/**
 * The members of a dimension in every forecast, depth first, matched by key. Order: the first
 * forecast's; a member only a later one has goes after the member it follows there.
 */
function memberRows(forecasts: readonly Forecast[], dimensionId: string, nested: boolean): MemberRow[] {
  const rows: MemberRow[] = [];
  const walk = (keysPerForecast: (readonly number[] | undefined)[], depth: number): void => {
    const order: string[] = [];
    const info = new Map<string, { name: string; children: (readonly number[] | undefined)[] }>();
    keysPerForecast.forEach((indices, f) => {
      if (!indices) return;
      const forecast = forecasts[f]!;
      let insertAt = 0;
      for (const s of indices) {
        const series = forecast.layout.series[s]!;
        const at = order.indexOf(series.key);
        if (at >= 0) insertAt = at + 1;
        else order.splice(insertAt++, 0, series.key);
        const entry = info.get(series.key) ?? { name: series.name, children: forecasts.map(() => undefined) };
        entry.children[f] = series.children;
        info.set(series.key, entry);
      }
    });
    for (const key of order) {
      const entry = info.get(key)!;
      const hasChildren = entry.children.some((c) => c !== undefined && c.length > 0);
      rows.push({ key, name: entry.name, depth, hasChildren });
      if (nested && hasChildren) walk(entry.children, depth + 1);
    }
  };
  walk(
    forecasts.map((f) => f.layout.dimensions.find((d) => d.id === dimensionId)?.members),
    0,
  );
  return rows;
}

function cellOf(forecast: Forecast, key: string): Cell | undefined {
  const s = seriesIndex(forecast.layout, key);
  if (s < 0) return undefined;
  const n = forecast.layout.years.length;
  const value = forecast.values[s * n + n - 1] as number;
  const total = endTotalOf(forecast);
  return { value, share: total > 0 ? value / total : Number.NaN };
}

function CompareDimensionView({ entries }: CompareDimensionProps) {
  const reference = entries[0];
  const dimensions = useMemo(() => {
    const byId = new Map<string, { id: string; name: string }>();
    for (const entry of entries) for (const d of entry.forecast.layout.dimensions) if (!byId.has(d.id)) byId.set(d.id, { id: d.id, name: d.name });
    return [...byId.values()];
  }, [entries]);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [nested, setNested] = useState(false);
  const nestedId = useId();
  const dimension = dimensions.find((d) => d.id === chosen) ?? dimensions[0];
  const forecasts = useMemo(() => entries.map((e) => e.forecast), [entries]);
  const rows = useMemo(() => (dimension ? memberRows(forecasts, dimension.id, nested) : []), [forecasts, dimension, nested]);

  if (!reference) return null;
  if (!dimension) {
    return <p className="muted">{entries.length > 1 ? 'No scenario compared has dimensions' : `${reference.name} has no dimensions`}: the total is the whole forecast.</p>;
  }
  const canNest = rows.some((r) => r.hasChildren) || nested;
  const cells = rows.map((row) => entries.map((e) => cellOf(e.forecast, row.key)));
  // One scale for every bar, top-level members only: nested members are parts of those.
  let max = 0;
  cells.forEach((row, r) => {
    if (rows[r]!.depth > 0) return;
    for (const cell of row) if (cell && Number.isFinite(cell.value)) max = Math.max(max, cell.value);
  });

  return (
    <div className="compare-dimension">
      <div className="compare-controls">
        <div className="segmented" role="group" aria-label="Dimension">
          {dimensions.map((d) => (
            <button key={d.id} type="button" aria-pressed={d.id === dimension.id} onClick={() => setChosen(d.id)}>
              {d.name}
            </button>
          ))}
        </div>
        {canNest && (
          <label className="check" htmlFor={nestedId}>
            <input id={nestedId} type="checkbox" checked={nested} onChange={(event) => setNested(event.currentTarget.checked)} />
            Show nested members
          </label>
        )}
      </div>
      <div className="table-scroll">
        <table className="compare-table dimension-table" data-testid="compare-dimension" data-dimension={dimension.id}>
          <caption>
            {dimension.name} in each scenario’s end year: value and share of the total
          </caption>
          <thead>
            <tr>
              <th scope="col">{dimension.name}</th>
              {entries.map((e) => (
                <th key={e.id} scope="col">
                  <span className="scenario-head">
                    <span className="swatch" aria-hidden="true" style={{ background: e.color }} />
                    <span className="scenario-head-name">{e.name}</span>
                    <span className="cell-note">{endYearOf(e.forecast)}</span>
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={row.key} data-series={row.key} className={row.depth > 0 ? 'nested' : undefined}>
                <th scope="row" style={row.depth > 0 ? { paddingInlineStart: `${0.6 + row.depth * 1.1}rem` } : undefined}>
                  {row.name}
                </th>
                {entries.map((e, i) => {
                  const cell = cells[r]![i];
                  // Bars for top-level members only (nested ones are parts of those); the track
                  // keeps its place in every cell so the numbers line up down the column.
                  const track = cell && row.depth === 0 ? 'bar-track' : 'bar-track bar-track-empty';
                  if (!cell) {
                    return (
                      <td key={e.id} className="bar-cell absent" data-scenario={e.id} title={`${e.name} does not have ${row.name}`}>
                        <span className={track} aria-hidden="true" />
                        <span className="bar-value">—</span>
                        <span className="bar-share" />
                      </td>
                    );
                  }
                  const width = max > 0 ? Math.max(0, Math.min(1, cell.value / max)) : 0;
                  return (
                    <td key={e.id} className="bar-cell" data-scenario={e.id} data-value={cell.value}>
                      <span className={track} aria-hidden="true">
                        {row.depth === 0 && <span className="bar" style={{ width: `${width * 100}%`, background: e.color }} />}
                      </span>
                      <span className="bar-value">{formatSize(cell.value, e.unit)}</span>
                      <span className="bar-share">{formatPercent(cell.share)}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export const CompareDimension = memo(CompareDimensionView);
