/**
 * The assumptions that differ between the scenarios compared: one row per assumption, its value in
 * each scenario — percent for rates and shares, the scenario's unit for sizes — and "—" where a
 * scenario does not have it (a driver or member it lacks).
 */
import { Fragment, memo } from 'react';
import type { Range } from '../../model/quantity';
import type { AssumptionDiff, AssumptionKind, AssumptionValue } from '../../model/scenarioDiff';
import { DISTRIBUTION_NAMES, formatCountOf, formatPercent, formatSize, withTrueMinus } from '../format';

export interface DiffScenario {
  id: string;
  name: string;
  unit: string;
  color: string;
}

export interface AssumptionDiffListProps {
  /** In the order of each row's `values`. */
  scenarios: readonly DiffScenario[];
  rows: readonly AssumptionDiff[];
}

function isRange(value: AssumptionValue): value is Range {
  return typeof value === 'object' && value !== null;
}

/** The fewest decimals (0–4) that show `x` exactly: 17.18 → 2, 15.5 → 1, 0.25 → 2. */
function exactDigits(x: number): number {
  for (let d = 0; d < 4; d += 1) {
    const scaled = x * 10 ** d;
    if (Math.abs(Math.round(scaled) - scaled) <= 1e-9 * Math.max(1, Math.abs(scaled))) return d;
  }
  return 4;
}

/**
 * Decimals for a row: assumptions are inputs, so they are shown as entered (17.18, not 17.2 — two
 * values must never look alike because of rounding), with one decimal at least for small sizes
 * and for percents, and the same decimals across the row so the columns line up.
 */
function digitsFor(row: AssumptionDiff): number | undefined {
  if (row.kind !== 'size' && row.kind !== 'rate' && row.kind !== 'share') return undefined;
  const numbers: number[] = [];
  for (const v of row.values) {
    if (typeof v === 'number') numbers.push(v);
    else if (isRange(v)) numbers.push(v.low, v.high);
  }
  const scale = row.kind === 'size' ? 1 : 100;
  let digits = 0;
  let largest = 0;
  for (const n of numbers) {
    digits = Math.max(digits, exactDigits(n * scale));
    largest = Math.max(largest, Math.abs(n));
  }
  return row.kind === 'size' && largest >= 100 ? digits : Math.max(1, digits);
}

function formatNumber(kind: AssumptionKind, value: number, unit: string, digits: number | undefined): string {
  switch (kind) {
    case 'size':
      return formatSize(value, unit, digits);
    case 'rate':
    case 'share':
      // A true minus sign, as in the other Compare tables (Intl writes a hyphen in English).
      return withTrueMinus(formatPercent(value, digits ?? 1));
    default:
      return String(value);
  }
}

export function formatAssumptionValue(row: AssumptionDiff, index: number, unit: string, digits?: number): string {
  const value = row.values[index];
  if (value === undefined) return '—';
  if (value === null) return 'none';
  if (isRange(value)) {
    // A range may wrap at the dash and before its distribution (a narrow screen comparing three
    // scenarios), never inside a number: "$17.18 B" keeps its space unbreakable.
    const unbroken = (x: number) => formatNumber(row.kind, x, unit, digits).replace(/ /g, '\u00a0');
    return `${unbroken(value.low)} – ${unbroken(value.high)} (${DISTRIBUTION_NAMES[value.dist]})`;
  }
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'string') return value;
  switch (row.kind) {
    case 'year':
      return row.defaults?.[index] ? `${value} (year after base)` : String(value);
    case 'count':
      return formatCountOf(value, 'year');
    default:
      return formatNumber(row.kind, value, unit, digits);
  }
}

function AssumptionDiffListView({ scenarios, rows }: AssumptionDiffListProps) {
  if (rows.length === 0) {
    return (
      <p className="muted" data-testid="assumption-diff" data-count={0}>
        These scenarios make the same assumptions.
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="compare-table diff-table" data-testid="assumption-diff" data-count={rows.length}>
        <caption>
          {rows.length === 1 ? 'One assumption differs' : `${rows.length} assumptions differ`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Assumption</th>
            {scenarios.map((s) => (
              <th key={s.id} scope="col" className="num">
                <span className="scenario-head">
                  <span className="swatch" aria-hidden="true" style={{ background: s.color }} />
                  <span className="scenario-head-name">{s.name}</span>
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => {
            const digits = digitsFor(row);
            const newGroup = row.group !== undefined && row.group !== rows[r - 1]?.group;
            return (
              <Fragment key={row.key}>
                {newGroup && (
                  <tr className="diff-group-row">
                    <th scope="colgroup" colSpan={scenarios.length + 1}>
                      {row.group}
                    </th>
                  </tr>
                )}
              <tr data-key={row.key}>
                <th scope="row" className={row.group ? 'in-group' : undefined}>
                  {row.label}
                </th>
                {scenarios.map((s, i) => {
                  const absent = row.values[i] === undefined;
                  return (
                    <td
                      key={s.id}
                      className={absent ? 'num absent' : row.field === 'range' ? 'num range' : 'num'}
                      data-scenario={s.id}
                      title={absent ? `${s.name} does not have this` : undefined}
                    >
                      {formatAssumptionValue(row, i, s.unit, digits)}
                    </td>
                  );
                })}
              </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export const AssumptionDiffList = memo(AssumptionDiffListView);
