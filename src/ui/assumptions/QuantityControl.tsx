/**
 * One assumption: a real slider (role `slider`, named after the quantity) with its range's handles,
 * a number box that takes typed values, a sourced/assumed badge that opens the details (source,
 * note, the range's ends and distribution), and a reset to the value the scenario was saved with.
 */
import { useId, type ReactNode } from 'react';
import { useDraft } from '../useDraft';
import { formatQuantity } from '../format';
import { BoundSlider } from './BoundSlider';
import { QuantityName } from './QuantityName';
import { parseQuantityInput, quantityInputText } from '../quantityInput';
import { SourceBadge } from './SourceBadge';
import { RangeEditor } from './RangeEditor';
import type { QuantityBinding } from './useQuantityBinding';

export interface QuantityControlProps {
  /** The quantity, bound to the store (src/ui/assumptions/useQuantityBinding.ts). */
  binding: QuantityBinding;
  /** Extra controls after the badge (a share's lock, the pin). */
  children?: ReactNode;
}

export function QuantityControl({ binding, children }: QuantityControlProps) {
  const { name: label, quantity, saved, kind, unit, changed, disabled } = binding;
  const inputId = useId();
  const errorId = useId();
  // A value changed elsewhere (another slider rebalancing this share, undo) replaces a stale draft.
  const { draft, setDraft, error, setError, abandon } = useDraft(quantity.value);

  function commit(text: string) {
    const parsed = parseQuantityInput(text, kind, unit);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    setDraft(null);
    if (parsed.value !== quantity.value) binding.setValue(parsed.value);
  }

  const unitLabel = kind === 'size' ? unit : '%';
  return (
    <div className={`quantity${disabled ? ' quantity-disabled' : ''}`}>
      <div className="quantity-head">
        <label htmlFor={inputId} className="quantity-label" title={binding.disabledReason}>
          <QuantityName binding={binding} />
        </label>
        <SourceBadge quantity={quantity} label={label} details={() => <RangeEditor binding={binding} />} />
        {children}
        <button
          type="button"
          className="icon-button"
          onClick={binding.reset}
          disabled={!changed || saved === undefined}
          aria-label={`Reset ${label} to the scenario's value`}
          title={saved ? `Reset to ${formatQuantity(saved.value, kind, unit)}` : undefined}
        >
          ↺
        </button>
      </div>
      <div className="quantity-inputs">
        <BoundSlider id={inputId} binding={binding} />
        <span className="quantity-number">
          <input
            type="text"
            inputMode="decimal"
            aria-label={`${label} (${unitLabel})`}
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            value={draft ?? quantityInputText(quantity.value, kind)}
            disabled={disabled}
            onChange={(event) => setDraft(event.currentTarget.value)}
            onBlur={(event) => draft !== null && commit(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') commit(event.currentTarget.value);
              if (event.key === 'Escape') abandon();
            }}
          />
          <span className="quantity-unit" aria-hidden="true">
            {kind === 'size' ? unit : '%'}
          </span>
        </span>
      </div>
      {error && (
        <p id={errorId} role="alert" className="field-error">
          {label}: {error}
        </p>
      )}
    </div>
  );
}
