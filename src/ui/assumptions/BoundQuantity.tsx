/**
 * A QuantityControl wired to the store for one quantity of the active scenario.
 */
import { type ReactNode } from 'react';
import { getQuantity, quantityKey, quantityKind, quantityLabel, type QuantityRef } from '../../model/quantityRef';
import { useSlidecast } from '../../state/store';
import { resetQuantity, setQuantityValue } from '../../model/modelEdits';
import { QuantityControl } from './QuantityControl';
import { PinButton } from './PinButton';
import { useActiveModel, useSavedModel } from './useModelSelectors';

export interface BoundQuantityProps {
  quantityRef: QuantityRef;
  /** Overrides the default name (e.g. a driver's name). */
  label?: string;
  /** Shares move their siblings: the caller supplies the edit. */
  onChange?: (value: number) => void;
  disabled?: boolean;
  children?: ReactNode;
}

export function BoundQuantity({ quantityRef, label, onChange, disabled, children }: BoundQuantityProps) {
  const quantity = useActiveModel((model) => getQuantity(model, quantityRef));
  const name = useActiveModel((model) => label ?? quantityLabel(model, quantityRef));
  const unit = useActiveModel((model) => model.unit);
  const saved = useSavedModel((model) => getQuantity(model, quantityRef));
  const editModel = useSlidecast((s) => s.editModel);
  const beginGesture = useSlidecast((s) => s.beginGesture);
  const endGesture = useSlidecast((s) => s.endGesture);
  const key = quantityKey(quantityRef);
  const kind = quantityKind(quantityRef);

  // A growth premium that was never set reads as 0, the default of DESIGN.md §3.
  const shown = quantity ?? (quantityRef.kind === 'memberGrowthDelta' ? { value: 0 } : undefined);
  if (!shown) return null;

  return (
    <QuantityControl
      label={name}
      quantity={shown}
      saved={saved ?? (quantityRef.kind === 'memberGrowthDelta' ? { value: 0 } : undefined)}
      kind={kind}
      unit={unit}
      disabled={disabled}
      onChange={onChange ?? ((value) => editModel(key, (model) => setQuantityValue(model, quantityRef, value)))}
      onReset={() => editModel(`reset:${key}`, (model, baseline) => baseline && resetQuantity(model, baseline, quantityRef))}
      onGestureStart={() => beginGesture(key)}
      onGestureEnd={endGesture}
    >
      {children}
      <PinButton quantityRef={quantityRef} label={name} />
    </QuantityControl>
  );
}
