/**
 * The totals of every scenario compared, year by year, and each one's difference from the
 * reference (the first), absolute and in percent; then each scenario's CAGR over its own horizon.
 * Years are calendar years: a scenario that does not cover a year shows "—" there, never 0.
 */
import { Fragment, memo } from 'react';
import { totalCagr } from '../../engine/cagr';
import { formatPercent, formatPoints, formatSignedPercent, formatSize, withTrueMinus } from '../format';
import { endYearOf, formatSignedSize, relativeChange, totalInYear, unionYears, type CompareEntry } from './compareData';

export interface DeltaTableProps {
  /** The first entry is the reference. */
  entries: readonly CompareEntry[];
}

function DeltaTableView({ entries }: DeltaTableProps) {
  const reference = entries[0];
  if (!reference) return null;
  const others = entries.slice(1);
  const years = unionYears(entries.map((e) => e.forecast));
  const unitsDiffer = entries.some((e) => e.unit !== reference.unit);
  const refCagr = totalCagr(reference.forecast);
  const headRows = others.length > 0 ? 2 : 1;

  return (
    <div className="table-scroll">
      <table className="compare-table delta-table" data-testid="delta-table">
        <caption>
          Total market by year, and the difference from {reference.name}
          {unitsDiffer && <span className="compare-warning"> — the scenarios use different units, so their differences mix units</span>}
        </caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={headRows}>
              Year
            </th>
            <th scope="col" rowSpan={headRows} className="num">
              <ScenarioHead entry={reference} reference />
            </th>
            {others.map((entry) => (
              <th key={entry.id} scope="colgroup" colSpan={3} className="num group-start">
                <ScenarioHead entry={entry} />
              </th>
            ))}
          </tr>
          {others.length > 0 && (
            <tr>
              {others.map((entry) => (
              <Fragment key={entry.id}>
                <th scope="col" className="num group-start sub">
                  Total
                </th>
                <th scope="col" className="num sub">
                  Δ
                </th>
                <th scope="col" className="num sub">
                  Δ %
                </th>
              </Fragment>
              ))}
            </tr>
          )}
        </thead>
        <tbody>
          {years.map((year) => {
            const ref = totalInYear(reference.forecast, year);
            return (
              <tr key={year} data-year={year}>
                <th scope="row">{year}</th>
                <td className={cellClass(reference, year)} data-scenario={reference.id}>
                  {formatSize(ref, reference.unit)}
                </td>
                {others.map((entry) => {
                  const value = totalInYear(entry.forecast, year);
                  return (
                    <Fragment key={entry.id}>
                      <td className={`${cellClass(entry, year)} group-start`} data-scenario={entry.id}>
                        {formatSize(value, entry.unit)}
                      </td>
                      <td
                        className="num delta"
                        data-scenario={entry.id}
                        data-delta={Number.isFinite(value - ref) ? value - ref : undefined}
                        data-sign={sign(value - ref)}
                      >
                        {formatSignedSize(value - ref, reference.unit)}
                      </td>
                      <td className="num delta" data-sign={sign(value - ref)}>
                        {withTrueMinus(formatSignedPercent(relativeChange(ref, value)))}
                      </td>
                    </Fragment>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr className="cagr-row">
            <th scope="row">CAGR</th>
            <td className="num">
              {formatPercent(refCagr)}
              <span className="cell-note">{span(reference)}</span>
            </td>
            {others.map((entry) => {
              const cagr = totalCagr(entry.forecast);
              return (
                <Fragment key={entry.id}>
                  <td className="num group-start">
                    {formatPercent(cagr)}
                    <span className="cell-note">{span(entry)}</span>
                  </td>
                  <td className="num delta" data-sign={sign(cagr - refCagr)} colSpan={2} title="Difference in percentage points">
                    {formatPoints(cagr - refCagr)}
                  </td>
                </Fragment>
              );
            })}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function ScenarioHead({ entry, reference }: { entry: CompareEntry; reference?: boolean }) {
  return (
    <span className="scenario-head">
      <span className="swatch" aria-hidden="true" style={{ background: entry.color }} />
      <span className="scenario-head-name">{entry.name}</span>
      {reference && <span className="cell-note">reference</span>}
    </span>
  );
}

function span(entry: CompareEntry): string {
  const years = entry.forecast.layout.years;
  return `${years[0]}–${years[years.length - 1]}`;
}

/** The end year of a scenario is the number a strategist looks for: set it in bold. */
function cellClass(entry: CompareEntry, year: number): string {
  return year === endYearOf(entry.forecast) ? 'num is-end' : 'num';
}

function sign(value: number): 'up' | 'down' | 'none' {
  if (!Number.isFinite(value) || value === 0) return 'none';
  return value > 0 ? 'up' : 'down';
}

export const DeltaTable = memo(DeltaTableView);
