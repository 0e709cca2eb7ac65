/**
 * The totals of the scenarios compared, overlaid: the reference (first) as the chart's main line,
 * the others as dashed lines in their own colours, each on its own years. The chart spans every
 * year any of them covers, so a scenario that starts earlier is drawn in full and the reference's
 * line simply starts later (its missing years are gaps, not zeros).
 */
import { memo, useMemo } from 'react';
import { TotalChart } from '../charts/TotalChart';
import type { TotalChartGhost } from '../charts/TotalChart';
import { formatSize } from '../format';
import { totalInYear, unionYears, type CompareEntry } from './compareData';

export interface CompareTotalsProps {
  /** The first entry is the reference. */
  entries: readonly CompareEntry[];
  /** A fixed plot height; otherwise it follows the width. */
  height?: number;
  /** Height ÷ width when the height follows the width. */
  aspect?: number;
}

function CompareTotalsView({ entries, height, aspect }: CompareTotalsProps) {
  const reference = entries[0];
  const years = useMemo(() => unionYears(entries.map((e) => e.forecast)), [entries]);
  const total = useMemo(
    () => (reference ? Float64Array.from(years, (year) => totalInYear(reference.forecast, year)) : new Float64Array(0)),
    [reference, years],
  );
  const ghosts = useMemo<TotalChartGhost[]>(
    () =>
      entries.slice(1).map((entry) => ({
        id: entry.id,
        label: entry.name,
        values: entry.forecast.total,
        years: entry.forecast.layout.years,
        color: entry.color,
      })),
    [entries],
  );
  if (!reference) return null;
  const unit = reference.unit;
  return (
    <TotalChart
      years={years}
      total={total}
      ghosts={ghosts}
      title={reference.name}
      unit={unit}
      height={height}
      aspect={aspect}
      formatValue={(v) => formatSize(v, unit)}
    />
  );
}

export const CompareTotals = memo(CompareTotalsView);
