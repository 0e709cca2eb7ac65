/**
 * Every member of every dimension: base-year and end-year values, end-year share of its parent,
 * and the growth it realises over the horizon. Each name is a toggle button that shows the member,
 * with its fan, on the total chart (and the total's name brings the total back).
 *
 * A long table (a large model's hundreds of members) draws only the rows in or near the view, and
 * says so to screen readers (`aria-rowcount` on the table, `aria-rowindex` on each row drawn); the
 * rows left out keep their place as a gap. The numbers of every row are in the CSV export
 * (TableExportMenu), which reads the forecast, not the table.
 */
import { memo, useMemo, useRef, useState, type ReactNode } from 'react';
import { seriesCagrs, totalCagr } from '../../engine/cagr';
import type { Forecast } from '../../engine/forecastTypes';
import { formatPercent, formatSize } from '../format';
import { useRowWindow } from './useRowWindow';

interface MemberTableProps {
  forecast: Forecast;
  unit: string;
  /** The member the total chart shows (its key), or undefined for the total. */
  fanMember?: string;
  /** Shows a member on the total chart, or the total (undefined). Without it the names are plain text. */
  onShowMember?: (key: string | undefined) => void;
  /** Each member's one name by key ("Region: Others"), naming its button: two lists may each have an "Others". */
  memberNames?: ReadonlyMap<string, string>;
}

/**
 * A table of more rows than this draws only the rows in or near the view (useRowWindow): the seed's
 * table, and any of a few dimensions, is drawn whole.
 */
export const WINDOWED_FROM_ROWS = 80;

const COLUMNS = 5;

/** The rows left out between two drawn ones: as high as they would be, and nothing to read. */
function RowGap({ rows, rowHeight }: { rows: number; rowHeight: number }) {
  return (
    <tr className="row-gap" aria-hidden="true" style={{ height: `${rows * rowHeight}px` }}>
      <td colSpan={COLUMNS} />
    </tr>
  );
}

function MemberTableView({ forecast, unit, fanMember, onShowMember, memberNames }: MemberTableProps) {
  const { layout, values, shares, total } = forecast;
  const years = layout.years;
  const n = years.length;
  const last = n - 1;
  const cagrs = seriesCagrs(forecast);
  // The rows in order, a group each: the total, then each dimension (its heading row, its members).
  // A dimension's rows start at `start` (its heading), its members' series follow.
  const { groups, rowCount } = useMemo(() => {
    const members = layout.dimensions.map((): number[] => []);
    layout.series.forEach((info, s) => members[info.dimensionIndex]?.push(s));
    const starts: { start: number; members: number[] }[] = [];
    let row = 1;
    for (const list of members) {
      starts.push({ start: row, members: list });
      row += 1 + list.length;
    }
    return { groups: starts, rowCount: row };
  }, [layout]);
  const windowed = rowCount >= WINDOWED_FROM_ROWS;
  const table = useRef<HTMLTableElement>(null);
  const { first, end, rowHeight } = useRowWindow(table, rowCount, windowed);
  // A focused row is kept, wherever the view is: its button would lose the focus with it.
  const [focusedRow, setFocusedRow] = useState<number | undefined>(undefined);
  // The first and the last rows are always drawn, so that Tab and Shift+Tab enter the table.
  const drawn = (row: number) => (row >= first && row < end) || row === 0 || row === rowCount - 1 || row === focusedRow;

  /** The rows of one group that are drawn, with a gap for each run of rows left out. */
  const rowsOf = (firstRow: number, count: number, draw: (row: number) => ReactNode): ReactNode[] => {
    const out: ReactNode[] = [];
    let skipped = 0;
    for (let row = firstRow; row < firstRow + count; row++) {
      if (!drawn(row)) {
        skipped += 1;
        continue;
      }
      if (skipped > 0) out.push(<RowGap key={`gap-${row}`} rows={skipped} rowHeight={rowHeight} />);
      skipped = 0;
      out.push(draw(row));
    }
    if (skipped > 0) out.push(<RowGap key="gap-end" rows={skipped} rowHeight={rowHeight} />);
    return out;
  };
  // The header is row 1 of the table (aria-rowindex counts from 1).
  const rowIndex = (row: number) => (windowed ? row + 2 : undefined);

  return (
    <table
      ref={table}
      className={windowed ? 'member-table windowed' : 'member-table'}
      data-testid="member-table"
      aria-rowcount={windowed ? rowCount + 1 : undefined}
      onFocus={(event) => {
        const row = (event.target as Element).closest('tr')?.getAttribute('aria-rowindex');
        setFocusedRow(row ? Number(row) - 2 : undefined);
      }}
      onBlur={(event) => {
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setFocusedRow(undefined);
      }}
    >
      <caption>Values and growth by member</caption>
      <thead>
        <tr aria-rowindex={windowed ? 1 : undefined}>
          <th scope="col">Member</th>
          <th scope="col" className="num">{years[0]}</th>
          <th scope="col" className="num">{years[last]}</th>
          <th scope="col" className="num" title="Share of its parent in the end year">Share {years[last]}</th>
          <th scope="col" className="num">CAGR</th>
        </tr>
      </thead>
      <tbody>
        {rowsOf(0, 1, (row) => (
          <tr key="total" className="row-total" aria-rowindex={rowIndex(row)}>
            <th scope="row">
              {onShowMember ? (
                <button type="button" className="member-chart-toggle" aria-pressed={fanMember === undefined} title="Show the total on the chart" onClick={() => onShowMember(undefined)}>
                  Total market
                </button>
              ) : (
                'Total market'
              )}
            </th>
            <td className="num">{formatSize(total[0]!, unit)}</td>
            <td className="num">{formatSize(total[last]!, unit)}</td>
            <td className="num">{formatPercent(1)}</td>
            <td className="num">{formatPercent(totalCagr(forecast))}</td>
          </tr>
        ))}
      </tbody>
      {layout.dimensions.map((dimension, d) => {
        const { start, members } = groups[d]!;
        return (
          <tbody key={dimension.id}>
            {rowsOf(start, 1 + members.length, (row) => {
              if (row === start) {
                return (
                  <tr key="dimension" className="row-dimension" aria-rowindex={rowIndex(row)}>
                    <th scope="colgroup" colSpan={COLUMNS}>
                      {dimension.name}
                    </th>
                  </tr>
                );
              }
              const s = members[row - start - 1]!;
              const info = layout.series[s]!;
              return (
                <tr key={info.key} className={`depth-${Math.min(info.depth, 3)}`} data-series={info.key} aria-rowindex={rowIndex(row)}>
                  <MemberRowHead
                    seriesKey={info.key}
                    name={info.name}
                    depth={info.depth}
                    shown={fanMember === info.key}
                    label={memberNames?.get(info.key)}
                    onShowMember={onShowMember}
                  />
                  <td className="num">{formatSize(values[s * n]!, unit)}</td>
                  <td className="num">{formatSize(values[s * n + last]!, unit)}</td>
                  <td className="num">{formatPercent(shares[s * n + last]!)}</td>
                  <td className="num">{formatPercent(cagrs[s]!)}</td>
                </tr>
              );
            })}
          </tbody>
        );
      })}
    </table>
  );
}

export const MemberTable = memo(MemberTableView);

interface MemberRowHeadProps {
  seriesKey: string;
  name: string;
  depth: number;
  /** This member is the one on the total chart. */
  shown: boolean;
  label: string | undefined;
  onShowMember: ((key: string | undefined) => void) | undefined;
}

/**
 * A member's name, and its button that shows it on the chart. Apart from the numbers beside it: a
 * new result (every edit) changes the numbers of hundreds of rows and none of their names, so the
 * names are left alone (bench/ui.bench.ts, the large-model case).
 */
const MemberRowHead = memo(function MemberRowHead({ seriesKey, name, depth, shown, label, onShowMember }: MemberRowHeadProps) {
  return (
    <th scope="row" style={{ paddingInlineStart: `${0.75 + depth * 1.25}rem` }}>
      {onShowMember ? (
        <button
          type="button"
          className="member-chart-toggle"
          aria-pressed={shown}
          aria-label={label}
          title={shown ? 'Back to the total on the chart' : `Show ${name} and its range on the chart`}
          onClick={() => onShowMember(shown ? undefined : seriesKey)}
        >
          {name}
        </button>
      ) : (
        name
      )}
    </th>
  );
});
