/**
 * One quantity of the active scenario on the assumptions panel: its control, bound to the store
 * through the binding present mode uses too, with a share's lock and the pin.
 */
import { memo, type ReactNode } from 'react';
import { quantityKey, type QuantityRef } from '../../model/quantityRef';
import { QuantityControl } from './QuantityControl';
import { PinButton } from './PinButton';
import { LockButton } from './LockButton';
import { useQuantityBinding } from './useQuantityBinding';

export interface BoundQuantityProps {
  quantityRef: QuantityRef;
  /** Extra controls after the badge (a driver's switch). */
  children?: ReactNode;
}

function BoundQuantityView({ quantityRef, children }: BoundQuantityProps) {
  const binding = useQuantityBinding(quantityRef);
  if (!binding) return null;
  return (
    <QuantityControl binding={binding}>
      {children}
      {binding.lock && <LockButton name={binding.name} locked={binding.lock.locked} onToggle={binding.lock.toggle} />}
      <PinButton quantityRef={quantityRef} label={binding.name} />
    </QuantityControl>
  );
}

/**
 * Rendered again only when its quantity is another (by key) or it has other children: a list
 * renders again when any of its members changes, and its other quantities have nothing new.
 */
export const BoundQuantity = memo(
  BoundQuantityView,
  (before, after) => before.children === after.children && quantityKey(before.quantityRef) === quantityKey(after.quantityRef),
);
