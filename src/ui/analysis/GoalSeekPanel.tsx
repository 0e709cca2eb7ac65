/**
 * Goal seek (issue 11): what value of one quantity reaches a target — the total or a member in a
 * year, a CAGR over years, or "meets claim X". The target is typed as every number box takes it
 * (src/ui/quantityInput.ts: a size in the model's unit, a CAGR as a percent); the engine's worker
 * solves it (src/state/analysisSlice.ts). The answer is a sentence, the forecast it leads to a ghost
 * line on the total chart, and Apply sets the quantity as one undo step. Not reachable: it says so,
 * with the closest value and what that reaches; Apply then sets the closest.
 */
import { useId, useMemo, useState } from 'react';
import { endYearTotal, type AnalysisMetric } from '../../engine/analysisMetric';
import type { GoalTarget } from '../../engine/goalSeek';
import { lockedByPaths } from '../../engine/analysis';
import { setQuantities } from '../../model/modelEdits';
import { quantityKey, quantityKind, quantityName, quantityRefs, type QuantityRef } from '../../model/quantityRef';
import type { Claim, Model } from '../../model/types';
import { activeModelOf } from '../../state/scenarioSelectors';
import { lockedPaths, useShareLocks } from '../../state/shareLocks';
import { useSlidecast } from '../../state/store';
import { TotalChart } from '../charts/TotalChart';
import { claimCondition, claimName, claimValueText } from '../claimOdds';
import { formatQuantity, formatSize } from '../format';
import { useScenarioResult } from '../forecast/useScenarioResult';
import { parseQuantityInput } from '../quantityInput';
import { MetricPicker } from './MetricPicker';
import { formatMetricValue, metricInputKind, metricPhrase } from './metricText';
import { formatNumberForMessage } from '../../model/messageValue';
import { useCheckableClaims } from './useCheckableClaims';
import './analysisPanels.css';

const NO_KEYS: readonly string[] = [];
const DEFAULT_VARY: QuantityRef = { kind: 'baseGrowth' };


/**
 * The target in the answer's sentences: what reaching it says ("reaches $30.0 B in 2032", "meets
 * “Over $20 B by 2028”") and a value of its metric as text.
 */
function targetWords(model: Model, target: GoalTarget, claims: readonly Claim[]): { goal: (value: number) => string; value: (value: number) => string } {
  if ('metric' in target) {
    const value = (v: number) => formatMetricValue(target.metric, v, model.unit);
    return { goal: (v) => `reaches ${value(v)} ${metricPhrase(model, target.metric)}`, value };
  }
  const claim = claims.find((c) => c.id === target.claimId);
  const value = (v: number) => (claim ? claimValueText(claim, v, model.unit) : String(v));
  return { goal: () => `meets “${claim ? claimName(claim, model.unit) : target.claimId}”`, value };
}

export function GoalSeekPanel() {
  const id = useId();
  const model = useSlidecast((s) => activeModelOf(s.workspace));
  const claims = useSlidecast((s) => s.workspace.claims);
  const ask = useSlidecast((s) => s.goalSeekAsk);
  const outcome = useSlidecast((s) => s.goalSeek);
  const askGoalSeek = useSlidecast((s) => s.askGoalSeek);
  const clearGoalSeek = useSlidecast((s) => s.clearGoalSeek);
  const editModel = useSlidecast((s) => s.editModel);
  const result = useScenarioResult();
  const memberKeys = result?.forecast.layout.series.map((s) => s.key) ?? NO_KEYS;
  const [targetKind, setTargetKind] = useState<'metric' | 'claim'>('metric');
  const [metric, setMetric] = useState<AnalysisMetric>(() => endYearTotal(model));
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [claimId, setClaimId] = useState('');
  const [varyKey, setVaryKey] = useState(quantityKey(DEFAULT_VARY));
  const [applied, setApplied] = useState<string>('');
  const unit = model.unit;

  const refs = useMemo(() => quantityRefs(model), [model]);
  const vary = refs.find((ref) => quantityKey(ref) === varyKey) ?? DEFAULT_VARY;
  const checkable = useCheckableClaims();
  const chosenClaim = checkable.find((c) => c.id === claimId) ?? checkable[0];

  /** A target that cannot be asked: its message, and the last answer goes — it answered another target, and its Apply must not pass for this one's. */
  function refuse(message: string) {
    setError(message);
    clearGoalSeek();
  }

  function solve() {
    setApplied('');
    if (targetKind === 'claim') {
      if (!chosenClaim) {
        refuse('This scenario has no claim it can check: add one in Claims, or pick a value to reach');
        return;
      }
      setError(null);
      askGoalSeek({ target: { claimId: chosenClaim.id }, ref: vary });
      return;
    }
    const parsed = parseQuantityInput(text, metricInputKind(metric), unit);
    if (!parsed.ok) {
      refuse(`Target value: ${parsed.message}`);
      return;
    }
    setError(null);
    askGoalSeek({ target: { metric, value: parsed.value }, ref: vary });
  }

  const answer = outcome?.ok ? outcome.result : undefined;
  const current = answer !== undefined && outcome?.model === model;
  const solvedName = answer ? quantityName(model, answer.result.ref) : '';
  const solvedValue = answer ? formatQuantity(answer.result.value, quantityKind(answer.result.ref), unit) : '';
  const words = ask ? targetWords(model, ask.target, claims) : undefined;

  function apply() {
    if (!answer) return;
    const locked = lockedByPaths(lockedPaths(useShareLocks.getState().locked));
    editModel('goal-seek', (draft) => setQuantities(draft, [{ ref: answer.result.ref, value: answer.result.value }], locked));
    setApplied(`Applied: ${solvedName} is now ${solvedValue}. Ctrl+Z undoes it.`);
  }

  const ghosts = useMemo(
    () => (answer && current ? [{ id: 'goal-seek', label: `With ${solvedName} ${solvedValue}`, values: answer.total, years: answer.years }] : []),
    [answer, current, solvedName, solvedValue],
  );
  const formatValue = useMemo(() => (v: number) => formatSize(v, unit), [unit]);

  return (
    <section className="an-section an-goal" aria-labelledby={`${id}-title`}>
      <div className="an-section-head">
        <h3 id={`${id}-title`}>Goal seek: what it would take</h3>
        <p className="an-hint muted">The value of one quantity that reaches a target, every other quantity as it is.</p>
      </div>
      <form
        className="an-goal-form"
        onSubmit={(event) => {
          event.preventDefault();
          solve();
        }}
      >
        <fieldset className="an-target-kind">
          <legend>Target</legend>
          <label>
            <input type="radio" name={`${id}-kind`} checked={targetKind === 'metric'} onChange={() => setTargetKind('metric')} /> A value
          </label>
          <label>
            <input type="radio" name={`${id}-kind`} checked={targetKind === 'claim'} onChange={() => setTargetKind('claim')} /> Meets a claim
          </label>
        </fieldset>
        {targetKind === 'metric' ? (
          <div className="an-goal-metric">
            <MetricPicker legend="Reach" model={model} memberKeys={memberKeys} metric={metric} onChange={setMetric} />
            <div className="an-field">
              <label htmlFor={`${id}-value`}>
                Target value <span className="an-unit">({metric.kind === 'cagr' ? '%' : unit})</span>
              </label>
              <input
                id={`${id}-value`}
                type="text"
                inputMode="decimal"
                className="an-number"
                value={text}
                aria-invalid={error !== null}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(event) => setText(event.currentTarget.value)}
              />
            </div>
          </div>
        ) : (
          <div className="an-field">
            <label htmlFor={`${id}-claim`}>Claim to meet</label>
            <select id={`${id}-claim`} value={chosenClaim?.id ?? ''} onChange={(event) => setClaimId(event.currentTarget.value)}>
              {checkable.length === 0 && <option value="">No claim this scenario can check</option>}
              {checkable.map((claim) => (
                <option key={claim.id} value={claim.id}>
                  {claimName(claim, unit)} — {claimCondition(claim, unit, result?.forecast.layout)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="an-field">
          <label htmlFor={`${id}-vary`}>By varying</label>
          <select id={`${id}-vary`} value={quantityKey(vary)} onChange={(event) => setVaryKey(event.currentTarget.value)}>
            {refs.map((ref) => (
              <option key={quantityKey(ref)} value={quantityKey(ref)}>
                {quantityName(model, ref)}
              </option>
            ))}
          </select>
        </div>
        <div className="an-form-actions">
          <button type="submit" className="an-primary">
            Solve
          </button>
        </div>
        {error && (
          <p id={`${id}-error`} role="alert" className="field-error">
            {error}
          </p>
        )}
      </form>
      {ask && !outcome && <p className="muted">Solving…</p>}
      {outcome && !outcome.ok && (
        <p role="alert" className="field-error">
          Goal seek cannot answer: {outcome.message}
        </p>
      )}
      {answer && words && (
        <div className="an-goal-answer">
          <p role="status" className={`an-answer ${answer.result.reached ? 'an-reached' : 'an-unreached'}`} data-value={answer.result.value}>
            {answer.result.reached ? (
              <>
                <strong>
                  {solvedName} of {solvedValue}
                </strong>{' '}
                {words.goal(answer.result.achieved)}
                {'claimId' in ask!.target ? ` (${words.value(answer.result.achieved)})` : ''}.
              </>
            ) : (
              <>
                <strong>Not reachable:</strong> no value of {solvedName} from {formatQuantity(answer.result.min, quantityKind(answer.result.ref), unit)} to{' '}
                {formatQuantity(answer.result.max, quantityKind(answer.result.ref), unit)} {words.goal(answer.result.target)}. The closest, {solvedValue}, gives{' '}
                {closestText(words.value, answer.result.achieved, answer.result.target)}.
              </>
            )}
          </p>
          {current ? (
            <div className="an-form-actions">
              <button type="button" className="an-primary" onClick={apply}>
                {answer.result.reached ? `Apply ${solvedName} ${solvedValue}` : `Apply the closest, ${solvedValue}`}
              </button>
            </div>
          ) : (
            <p className="muted">{applied || 'The model has changed since this answer: solve again to apply it.'}</p>
          )}
          {current && result && (
            <div className="an-goal-chart">
              <TotalChart
                years={result.forecast.layout.years}
                total={result.forecast.total}
                formatValue={formatValue}
                ghosts={ghosts}
                unit={unit}
                title="Total market now, and with the answer (dashed)"
              />
            </div>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * What the closest value gives, where the goal was not reached. Rounded for the screen it can read
 * as the target itself ("the closest gives $0.00 B" of a goal of $0): then with the digits that
 * tell them apart.
 */
function closestText(format: (value: number) => string, achieved: number, target: number): string {
  const shown = format(achieved);
  return shown === format(target) ? `${shown} (${formatNumberForMessage(achieved)} before rounding)` : shown;
}
