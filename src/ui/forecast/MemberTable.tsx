/**
 * Every member of every dimension: base-year and end-year values, end-year share of its parent,
 * and the growth it realises over the horizon. Each name is a toggle button that shows the member,
 * with its fan, on the total chart (and the total's name brings the total back).
 */
import { memo } from 'react';
import { seriesCagrs, totalCagr } from '../../engine/cagr';
import type { Forecast } from '../../engine/forecastTypes';
import { formatPercent, formatSize } from '../format';

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

function MemberTableView({ forecast, unit, fanMember, onShowMember, memberNames }: MemberTableProps) {
  const { layout, values, shares, total } = forecast;
  const years = layout.years;
  const n = years.length;
  const last = n - 1;
  const cagrs = seriesCagrs(forecast);

  return (
    <table className="member-table" data-testid="member-table">
      <caption>Values and growth by member</caption>
      <thead>
        <tr>
          <th scope="col">Member</th>
          <th scope="col" className="num">{years[0]}</th>
          <th scope="col" className="num">{years[last]}</th>
          <th scope="col" className="num" title="Share of its parent in the end year">Share {years[last]}</th>
          <th scope="col" className="num">CAGR</th>
        </tr>
      </thead>
      <tbody>
        <tr className="row-total">
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
      </tbody>
      {layout.dimensions.map((dimension, d) => (
        <tbody key={dimension.id}>
          <tr className="row-dimension">
            <th scope="colgroup" colSpan={5}>
              {dimension.name}
            </th>
          </tr>
          {layout.series.map((info, s) =>
            info.dimensionIndex !== d ? null : (
              <tr key={info.key} className={`depth-${Math.min(info.depth, 3)}`} data-series={info.key}>
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
            ),
          )}
        </tbody>
      ))}
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
