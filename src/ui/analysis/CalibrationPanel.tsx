/**
 * Calibration (issue 11): the values of a few quantities (base size and trend growth unless others
 * are added) that best meet the claims chosen, fitted in the engine's worker. The proposal shows
 * each quantity's value now and proposed, each claim's value before and after with its residual,
 * and — when the claims cannot all hold — a plain sentence saying so with the residuals. Accept
 * applies the values as one undo step; Reject leaves everything as it was.
 */
import { useId, useMemo, useState } from 'react';
import { lockedByPaths } from '../../engine/analysis';
import { DEFAULT_CALIBRATION_REFS } from '../../engine/calibration';
import { claimMet } from '../../engine/claimStatus';
import { setQuantities } from '../../model/modelEdits';
import { quantityKey, quantityKind, quantityName, quantityRefs, type QuantityRef } from '../../model/quantityRef';
import { activeModelOf } from '../../state/scenarioSelectors';
import { lockedPaths, useShareLocks } from '../../state/shareLocks';
import { useSlidecast } from '../../state/store';
import { claimCondition, claimName, claimValueText } from '../claimOdds';
import { formatQuantity, withTrueMinus } from '../format';
import { useScenarioResult } from '../forecast/useScenarioResult';
import { useCheckableClaims } from './useCheckableClaims';
import './analysisPanels.css';

const COUNT_WORDS = ['no', 'one', 'both', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "both claims", "all three claims", "all 12 claims". */
function allClaims(count: number): string {
  if (count === 1) return 'the claim';
  if (count === 2) return 'both claims';
  return `all ${COUNT_WORDS[count] ?? count} claims`;
}

/** A residual (a difference of logarithms, src/engine/calibration.ts) with a true minus: −0.124. */
function formatResidual(residual: number): string {
  if (!Number.isFinite(residual)) return '—';
  const text = residual.toFixed(3);
  // −0.0004 reads 0.000, not −0.000.
  return Number(text) === 0 ? (0).toFixed(3) : withTrueMinus(text);
}


export function CalibrationPanel() {
  const id = useId();
  const model = useSlidecast((s) => activeModelOf(s.workspace));
  const claims = useSlidecast((s) => s.workspace.claims);
  const outcome = useSlidecast((s) => s.calibration);
  const ask = useSlidecast((s) => s.calibrationAsk);
  const askCalibration = useSlidecast((s) => s.askCalibration);
  const clearCalibration = useSlidecast((s) => s.clearCalibration);
  const editModel = useSlidecast((s) => s.editModel);
  const result = useScenarioResult();
  const unit = model.unit;
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [refs, setRefs] = useState<QuantityRef[]>(() => [...DEFAULT_CALIBRATION_REFS]);
  const [adding, setAdding] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  const checkable = useCheckableClaims();
  const allRefs = useMemo(() => quantityRefs(model), [model]);
  const chosenKeys = new Set(refs.map(quantityKey));
  const addable = allRefs.filter((ref) => !chosenKeys.has(quantityKey(ref)));

  function calibrate() {
    setNotice('');
    const claimIds = checkable.filter((c) => chosen.has(c.id)).map((c) => c.id);
    if (claimIds.length === 0) return setError('Choose at least one claim to calibrate to');
    if (refs.length === 0) return setError('Choose at least one quantity that may move');
    setError(null);
    askCalibration({ claimIds, refs });
  }

  const proposal = outcome?.ok ? outcome.result : undefined;
  const current = proposal !== undefined && outcome?.model === model;
  const fitted = proposal ? proposal.claims.map((row) => ({ row, claim: claims.find((c) => c.id === row.id) })) : [];

  function accept() {
    if (!proposal) return;
    const locked = lockedByPaths(lockedPaths(useShareLocks.getState().locked));
    editModel('calibration', (draft) => setQuantities(draft, proposal.refs.map((ref, i) => ({ ref, value: proposal.after[i]! })), locked));
    clearCalibration();
    setNotice(`Accepted: ${proposal.refs.map((ref, i) => `${quantityName(model, ref)} ${formatQuantity(proposal.after[i]!, quantityKind(ref), unit)}`).join(', ')}. Ctrl+Z undoes it.`);
  }

  function reject() {
    clearCalibration();
    setNotice('Rejected: nothing changed.');
  }

  const missed = fitted.filter(({ row, claim }) => claim && !claimMet(claim, row.after));

  return (
    <section className="an-section an-calibration" aria-labelledby={`${id}-title`}>
      <div className="an-section-head">
        <h3 id={`${id}-title`}>Calibration: which assumptions meet the claims</h3>
        <p className="an-hint muted">Fits the quantities that may move to the claims chosen (least squares on their logarithms, each within its allowed range).</p>
      </div>
      <div className="an-calibration-choices">
        <fieldset className="an-checklist">
          <legend>Claims to meet</legend>
          {checkable.length === 0 && <p className="muted">This scenario has no claim it can check.</p>}
          {checkable.map((claim) => (
            <label key={claim.id}>
              <input
                type="checkbox"
                checked={chosen.has(claim.id)}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.currentTarget.checked) next.add(claim.id);
                  else next.delete(claim.id);
                  setChosen(next);
                }}
              />{' '}
              {claimName(claim, unit)} <span className="muted">({claimCondition(claim, unit, result?.forecast.layout)})</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="an-checklist">
          <legend>Quantities that may move</legend>
          <ul className="an-refs">
            {refs.map((ref) => (
              <li key={quantityKey(ref)}>
                {quantityName(model, ref)}{' '}
                <button type="button" aria-label={`Remove ${quantityName(model, ref)}`} onClick={() => setRefs(refs.filter((r) => quantityKey(r) !== quantityKey(ref)))}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
          <div className="an-add-ref">
            <label htmlFor={`${id}-add`} className="visually-hidden">
              Quantity to add
            </label>
            <select id={`${id}-add`} value={adding} onChange={(event) => setAdding(event.currentTarget.value)}>
              <option value="">— add a quantity —</option>
              {addable.map((ref) => (
                <option key={quantityKey(ref)} value={quantityKey(ref)}>
                  {quantityName(model, ref)}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={adding === ''}
              onClick={() => {
                const ref = addable.find((r) => quantityKey(r) === adding);
                if (ref) setRefs([...refs, ref]);
                setAdding('');
              }}
            >
              Add
            </button>
          </div>
        </fieldset>
      </div>
      <div className="an-form-actions">
        <button type="button" className="an-primary" onClick={calibrate}>
          Calibrate
        </button>
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {ask && !outcome && <p className="muted">Calibrating…</p>}
      {outcome && !outcome.ok && (
        <p role="alert" className="field-error">
          Calibration cannot answer: {outcome.message}
        </p>
      )}
      {proposal && (
        <div className="an-proposal">
          <p role="status" className={`an-answer ${proposal.consistent ? 'an-reached' : 'an-unreached'}`}>
            {proposal.consistent
              ? `These values meet ${allClaims(proposal.claims.length)}.`
              : `No single market definition meets ${allClaims(proposal.claims.length)}: the best fit still misses ${missed
                  .map(({ row, claim }) => `“${claimName(claim!, unit)}” (${claimValueText(claim!, row.after, unit)})`)
                  .join(', ')}; residuals ${fitted.map(({ row }) => formatResidual(row.residualAfter)).join(', ')}.`}
          </p>
          <div className="an-table-wrap">
            <table className="an-table">
              <caption>Proposed values</caption>
              <thead>
                <tr>
                  <th scope="col">Quantity</th>
                  <th scope="col">Now</th>
                  <th scope="col">Proposed</th>
                </tr>
              </thead>
              <tbody>
                {proposal.refs.map((ref, i) => (
                  <tr key={quantityKey(ref)}>
                    <th scope="row">{quantityName(model, ref)}</th>
                    <td>{formatQuantity(proposal.before[i]!, quantityKind(ref), unit)}</td>
                    <td>{formatQuantity(proposal.after[i]!, quantityKind(ref), unit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="an-table-wrap">
            <table className="an-table">
              <caption>Claims before and after</caption>
              <thead>
                <tr>
                  <th scope="col">Claim</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                  <th scope="col">Residual before</th>
                  <th scope="col">Residual after</th>
                </tr>
              </thead>
              <tbody>
                {fitted.map(({ row, claim }) => (
                  <tr key={row.id}>
                    <th scope="row">{claim ? claimName(claim, unit) : row.id}</th>
                    <td>{claim ? claimValueText(claim, row.before, unit) : row.before}</td>
                    <td>{claim ? claimValueText(claim, row.after, unit) : row.after}</td>
                    <td>{formatResidual(row.residualBefore)}</td>
                    <td>{formatResidual(row.residualAfter)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {current ? (
            <div className="an-form-actions">
              <button type="button" className="an-primary" onClick={accept}>
                Accept
              </button>
              <button type="button" onClick={reject}>
                Reject
              </button>
            </div>
          ) : (
            <div className="an-form-actions">
              <p className="muted">The model has changed since this proposal: calibrate again to accept it.</p>
              <button type="button" onClick={reject}>
                Dismiss
              </button>
            </div>
          )}
        </div>
      )}
      <p role="status" className="an-status-line">
        {notice}
      </p>
    </section>
  );
}
