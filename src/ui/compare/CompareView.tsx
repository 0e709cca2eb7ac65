/**
 * The Compare screen (DESIGN.md §6): pick two or more scenarios and see their totals overlaid, a
 * delta table, one dimension side by side, the assumptions that differ, and the bridge that
 * explains the difference in end-year total between two of them.
 *
 * It reads the store only. Forecasts and the bridge come from the worker as `compareResult`; until
 * they arrive the screen says "Computing…" — it never computes a forecast itself. (The assumption
 * diff reads the models only, and is derived here.)
 */
import { useMemo } from 'react';
import { resolveCompareChoice } from '../../engine/compareScenarios';
import { diffAssumptions } from '../../model/scenarioDiff';
import { useSlidecast } from '../../state/store';
import { AssumptionDiffList } from './AssumptionDiffList';
import { BridgeChart } from './BridgeChart';
import { CompareDimension } from './CompareDimension';
import { CompareTotals } from './CompareTotals';
import { DeltaTable } from './DeltaTable';
import { scenarioColor, type CompareEntry } from './compareData';
import './compare.css';

export function CompareView() {
  const scenarios = useSlidecast((s) => s.workspace.scenarios);
  const compareSelection = useSlidecast((s) => s.compareSelection);
  const bridgePair = useSlidecast((s) => s.bridgePair);
  const compareResult = useSlidecast((s) => s.compareResult);
  const setCompareSelection = useSlidecast((s) => s.setCompareSelection);
  const setBridgePair = useSlidecast((s) => s.setBridgePair);
  // Comparisons are computed only while this screen is open: src/ui/App.tsx sets `compareOpen`.

  const choice = useMemo(() => resolveCompareChoice({ scenarios }, compareSelection, bridgePair), [scenarios, compareSelection, bridgePair]);
  const selected = useMemo(
    () => choice.selection.map((id, i) => ({ scenario: scenarios.find((s) => s.id === id)!, color: scenarioColor(i) })),
    [choice.selection, scenarios],
  );

  // Scenarios whose result has arrived, in selection order: the reference first when it is there.
  const entries = useMemo<CompareEntry[]>(() => {
    const list: CompareEntry[] = [];
    for (const { scenario, color } of selected) {
      const result = compareResult?.results[scenario.id];
      if (result) list.push({ id: scenario.id, name: scenario.name, unit: scenario.model.unit, color, forecast: result.forecast });
    }
    return list;
  }, [selected, compareResult]);
  const pending = selected.filter(({ scenario }) => !compareResult?.results[scenario.id]);
  const referenceReady = entries[0]?.id === choice.selection[0];

  const diffRows = useMemo(
    () => diffAssumptions(selected.map(({ scenario }) => ({ id: scenario.id, name: scenario.name, model: scenario.model }))),
    [selected],
  );
  const diffScenarios = useMemo(
    () => selected.map(({ scenario, color }) => ({ id: scenario.id, name: scenario.name, unit: scenario.model.unit, color })),
    [selected],
  );

  // The pair the bridge explains: the one the user picked; until they pick one, the one the worker
  // computed (whoever sends the request may default differently, e.g. in workspace order), else
  // the first two scenarios.
  const computed = compareResult?.bridge;
  const picked = bridgePair !== undefined && choice.bridge?.from === bridgePair.from && choice.bridge.to === bridgePair.to;
  const pair =
    !picked && computed && computed.from !== computed.to && choice.selection.includes(computed.from) && choice.selection.includes(computed.to)
      ? { from: computed.from, to: computed.to }
      : choice.bridge;
  const bridge = computed && pair && computed.from === pair.from && computed.to === pair.to ? computed : undefined;

  function toggle(id: string, checked: boolean) {
    const next = checked ? [...choice.selection, id] : choice.selection.filter((s) => s !== id);
    if (next.length >= 2) setCompareSelection(next);
  }

  function makeReference(id: string) {
    setCompareSelection([id, ...choice.selection.filter((s) => s !== id)]);
  }

  if (scenarios.length < 2) {
    return (
      <section className="compare-view" data-testid="compare-view" aria-labelledby="compare-title">
        <h2 id="compare-title">Compare scenarios</h2>
        <p className="muted">There is one scenario in this workspace. Create another on the Scenarios page to compare them.</p>
      </section>
    );
  }

  const reference = selected[0]!;
  return (
    <section className="compare-view" data-testid="compare-view" aria-labelledby="compare-title">
      <header className="compare-head">
        <h2 id="compare-title">Compare scenarios</h2>
        <fieldset className="compare-picker">
          <legend>Scenarios to compare</legend>
          {scenarios.map((scenario) => {
            const index = choice.selection.indexOf(scenario.id);
            const checked = index >= 0;
            // At least two stay chosen: the last two cannot be unticked.
            const locked = checked && choice.selection.length <= 2;
            return (
              <label key={scenario.id} className={`check scenario-check${locked ? ' locked' : ''}`} title={locked ? 'Compare at least two scenarios' : undefined}>
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={locked}
                  onChange={(event) => toggle(scenario.id, event.currentTarget.checked)}
                />
                {checked && <span className="swatch" aria-hidden="true" style={{ background: scenarioColor(index) }} />}
                {scenario.name}
              </label>
            );
          })}
          {choice.selection.length <= 2 && <span className="compare-hint muted">(at least two)</span>}
        </fieldset>
        <label className="compare-reference">
          <span>Reference</span>
          <select value={reference.scenario.id} onChange={(event) => makeReference(event.currentTarget.value)}>
            {selected.map(({ scenario }) => (
              <option key={scenario.id} value={scenario.id}>
                {scenario.name}
              </option>
            ))}
          </select>
        </label>
        <p className="compare-status muted" role="status">
          {compareResult && pending.length > 0 ? `Computing ${pending.map(({ scenario }) => scenario.name).join(', ')}…` : ''}
        </p>
      </header>

      {!compareResult || !referenceReady ? (
        <p className="muted compare-computing" aria-busy="true">
          Computing…
        </p>
      ) : (
        <div className={`compare-grid${entries.length > 2 ? ' many' : ''}`}>
          <section className="panel compare-totals" aria-labelledby="compare-totals-title">
            <h3 id="compare-totals-title">Total market</h3>
            {/* Flatter than the model's charts: it spans the page, and the tables below should stay in sight. */}
            <CompareTotals entries={entries} aspect={0.25} />
          </section>
          <section className="panel compare-deltas" aria-labelledby="compare-deltas-title">
            <h3 id="compare-deltas-title">Difference by year</h3>
            <DeltaTable entries={entries} />
          </section>
          <section className="panel compare-bridge" aria-labelledby="compare-bridge-title">
            <h3 id="compare-bridge-title">Bridge: what explains the difference in the end-year total</h3>
            {pair && <BridgeChart bridge={bridge} scenarios={diffScenarios} pair={pair} onPairChange={setBridgePair} />}
          </section>
          <section className="panel compare-dimension-panel" aria-labelledby="compare-dimension-title">
            <h3 id="compare-dimension-title">Side by side</h3>
            <CompareDimension entries={entries} />
          </section>
          <section className="panel compare-diff" aria-labelledby="compare-diff-title">
            <h3 id="compare-diff-title">Assumptions that differ</h3>
            <AssumptionDiffList scenarios={diffScenarios} rows={diffRows} />
          </section>
        </div>
      )}
    </section>
  );
}
