import { produce } from 'immer';
import { locateMetric, measureMetric, type AnalysisMetric } from '../../src/engine/analysisMetric';
import { forecast } from '../../src/engine/forecast';
import { setMemberShare, setQuantityValue } from '../../src/model/modelEdits';
import { findMemberList, type QuantityRef } from '../../src/model/quantityRef';
import type { Model } from '../../src/model/types';

/** `m` with the quantity `ref` set to `value` by hand, as its slider sets it (a share moving its unlocked siblings). */
export function editedModel(m: Model, ref: QuantityRef, value: number, locked: (path: readonly string[]) => boolean = () => false): Model {
  return produce(m, (draft) => {
    if (ref.kind === 'memberShare') {
      const { list } = findMemberList(draft, ref.path)!;
      const parent = ref.path.slice(0, -1);
      setMemberShare(draft, ref.path, value, list.map((x) => x.id !== ref.path.at(-1) && locked([...parent, x.id])));
    } else setQuantityValue(draft, ref, value);
  });
}

/** The metric of `model` edited by hand and forecast from scratch: what a bar must equal. */
export function metricOfEdited(m: Model, metric: AnalysisMetric, ref: QuantityRef, value: number, locked: (path: readonly string[]) => boolean = () => false): number {
  const edited = editedModel(m, ref, value, locked);
  const result = forecast(edited);
  const location = locateMetric(edited, result.layout, metric);
  if (typeof location === 'string') throw new Error(location);
  return measureMetric(location, result);
}

