/** A pinned assumption in present mode: a big slider with its name and value, keyboard first. */
import { useId } from 'react';
import { getQuantity, quantityKey, quantityKind, quantityLabel, type QuantityRef } from '../../model/quantityRef';
import { findMemberList } from '../../model/quantityRef';
import { useSlidecast } from '../../state/store';
import { setMemberShare, setQuantityValue } from '../../model/modelEdits';
import { formatQuantity } from '../format';
import { QuantitySlider } from '../assumptions/QuantitySlider';
import { sliderDomain } from '../sliderDomain';
import { useActiveModel, useSavedModel } from '../assumptions/useModelSelectors';

export function PresentSlider({ quantityRef }: { quantityRef: QuantityRef }) {
  const id = useId();
  const quantity = useActiveModel((model) => getQuantity(model, quantityRef));
  const label = useActiveModel((model) => quantityLabel(model, quantityRef));
  const unit = useActiveModel((model) => model.unit);
  const saved = useSavedModel((model) => getQuantity(model, quantityRef));
  const editModel = useSlidecast((s) => s.editModel);
  const beginGesture = useSlidecast((s) => s.beginGesture);
  const endGesture = useSlidecast((s) => s.endGesture);
  const kind = quantityKind(quantityRef);
  const key = quantityKey(quantityRef);
  const value = quantity?.value ?? (quantityRef.kind === 'memberGrowthDelta' ? 0 : undefined);
  if (value === undefined) return null; // this scenario has no such assumption
  const domain = sliderDomain(kind, saved, value);

  function change(next: number) {
    editModel(key, (model) => {
      if (quantityRef.kind === 'memberShare') {
        const list = findMemberList(model, quantityRef.path)?.list ?? [];
        setMemberShare(model, quantityRef.path, next, list.map(() => false));
      } else setQuantityValue(model, quantityRef, next);
    });
  }

  return (
    <div className="present-slider">
      <label htmlFor={id}>
        <span className="present-slider-name">{label}</span>
        <span className="present-slider-value" aria-hidden="true">
          {formatQuantity(value, kind, unit)}
        </span>
      </label>
      <QuantitySlider
        id={id}
        value={value}
        kind={kind}
        unit={unit}
        domain={domain}
        onChange={change}
        onGestureStart={() => beginGesture(key)}
        onGestureEnd={endGesture}
      />
    </div>
  );
}
