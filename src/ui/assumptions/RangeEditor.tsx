/**
 * A quantity's range in its details (opened from its Source/Assumed badge): number boxes for the
 * low and high ends, the distribution, and "Clear range" — or, for a fixed quantity, "Add range"
 * (the seed's range for its kind). A typed end that would leave the value outside the range is
 * refused with a message that says so, and the typed text stays in its box.
 */
import { useId } from 'react';
import { DISTRIBUTIONS, endPassesValue, type Distribution, type RangeEnd } from '../../model/quantity';
import { rangeEndName } from '../../model/quantityRef';
import { DISTRIBUTION_NAMES, formatQuantity } from '../format';
import { NumberField } from '../structure/fields';
import type { QuantityBinding } from './useQuantityBinding';

export function RangeEditor({ binding }: { binding: QuantityBinding }) {
  const { name, quantity, kind, unit, disabled } = binding;
  const distId = useId();
  const range = quantity.range;
  if (!range) {
    return (
      <div className="range-editor" role="group" aria-label={`${name} range`}>
        <span className="range-fixed">Fixed at its value: no range.</span>
        <button type="button" className="text-button" onClick={binding.range.add} disabled={disabled} aria-label={`Add range to ${name}`}>
          Add range
        </button>
      </div>
    );
  }

  const value = formatQuantity(quantity.value, kind, unit);
  const commitEnd = (end: RangeEnd) => (to: number) => {
    if (endPassesValue(quantity.value, end, to)) {
      const typed = formatQuantity(to, kind, unit);
      return end === 'low'
        ? `the low end (${typed}) cannot be above the value (${value}); move the value first`
        : `the high end (${typed}) cannot be below the value (${value}); move the value first`;
    }
    binding.range.setEnd(end, to);
    return undefined;
  };

  return (
    <div className="range-editor" role="group" aria-label={`${name} range`}>
      {(['low', 'high'] as const).map((end) => (
        <span key={end} className="range-end">
          <span aria-hidden="true">{end === 'low' ? 'Low' : 'High'}</span>
          <NumberField label={rangeEndName(name, end)} value={range[end]} kind={kind} unit={unit} onCommit={commitEnd(end)} disabled={disabled} />
        </span>
      ))}
      <span className="range-dist">
        <label htmlFor={distId}>Distribution</label>
        <select
          id={distId}
          aria-label={`${name} distribution`}
          value={range.dist}
          disabled={disabled}
          onChange={(event) => binding.range.setDist(event.currentTarget.value as Distribution)}
        >
          {DISTRIBUTIONS.map((dist) => (
            <option key={dist} value={dist}>
              {DISTRIBUTION_NAMES[dist]}
            </option>
          ))}
        </select>
      </span>
      <button type="button" className="text-button" onClick={binding.range.clear} disabled={disabled} aria-label={`Clear range of ${name}`}>
        Clear range
      </button>
    </div>
  );
}
