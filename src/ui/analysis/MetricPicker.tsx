/**
 * What an analysis measures, picked: the total market or any member (nested ones included, by
 * their one name), its value in a year or its CAGR over years. The tornado and goal seek share it.
 */
import { useId, useMemo } from 'react';
import type { AnalysisMetric } from '../../engine/analysisMetric';
import { memberName } from '../../model/quantityRef';
import type { Model } from '../../model/types';

export interface MetricPickerProps {
  model: Model;
  /** Member paths as the forecast's series keys (`region/apac/cn`), depth first. */
  memberKeys: readonly string[];
  metric: AnalysisMetric;
  onChange: (metric: AnalysisMetric) => void;
  /** Names the group: "Tornado of", "Target". */
  legend: string;
}

const TOTAL = '';

function pathOf(metric: AnalysisMetric): string[] | null {
  return metric.kind === 'total' ? null : metric.path;
}

export function MetricPicker({ model, memberKeys, metric, onChange, legend }: MetricPickerProps) {
  const id = useId();
  const years = useMemo(() => Array.from({ length: model.endYear - model.baseYear + 1 }, (_, i) => model.baseYear + i), [model.baseYear, model.endYear]);
  const path = pathOf(metric);
  const subject = path === null ? TOTAL : path.join('/');

  const build = (next: { subject?: string; measure?: 'value' | 'cagr'; year?: number; fromYear?: number; toYear?: number }): AnalysisMetric => {
    const key = next.subject ?? subject;
    const p = key === TOTAL ? null : key.split('/');
    const measure = next.measure ?? (metric.kind === 'cagr' ? 'cagr' : 'value');
    if (measure === 'cagr') {
      const fromYear = next.fromYear ?? (metric.kind === 'cagr' ? metric.fromYear : model.baseYear);
      const toYear = next.toYear ?? (metric.kind === 'cagr' ? metric.toYear : metric.year);
      return { kind: 'cagr', path: p, fromYear, toYear: toYear > fromYear ? toYear : model.endYear };
    }
    const year = next.year ?? (metric.kind === 'cagr' ? metric.toYear : metric.year);
    return p === null ? { kind: 'total', year } : { kind: 'member', path: p, year };
  };

  const yearOptions = (list: readonly number[]) =>
    list.map((y) => (
      <option key={y} value={y}>
        {y}
      </option>
    ));

  return (
    <fieldset className="an-metric">
      <legend>{legend}</legend>
      <label htmlFor={`${id}-of`}>Of</label>
      <select id={`${id}-of`} value={subject} onChange={(e) => onChange(build({ subject: e.currentTarget.value }))}>
        <option value={TOTAL}>Total market</option>
        {memberKeys.map((key) => (
          <option key={key} value={key}>
            {memberName(model, key.split('/'))}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-measure`}>Measure</label>
      <select id={`${id}-measure`} value={metric.kind === 'cagr' ? 'cagr' : 'value'} onChange={(e) => onChange(build({ measure: e.currentTarget.value as 'value' | 'cagr' }))}>
        <option value="value">Value in a year</option>
        <option value="cagr">CAGR over years</option>
      </select>
      {metric.kind === 'cagr' ? (
        <>
          <label htmlFor={`${id}-from`}>From</label>
          <select id={`${id}-from`} value={metric.fromYear} onChange={(e) => onChange(build({ fromYear: Number(e.currentTarget.value) }))}>
            {yearOptions(years.slice(0, -1))}
          </select>
          <label htmlFor={`${id}-to`}>To</label>
          <select id={`${id}-to`} value={metric.toYear} onChange={(e) => onChange(build({ toYear: Number(e.currentTarget.value) }))}>
            {yearOptions(years.filter((y) => y > metric.fromYear))}
          </select>
        </>
      ) : (
        <>
          <label htmlFor={`${id}-year`}>Year</label>
          <select id={`${id}-year`} value={metric.year} onChange={(e) => onChange(build({ year: Number(e.currentTarget.value) }))}>
            {yearOptions(years)}
          </select>
        </>
      )}
    </fieldset>
  );
}
