/**
 * The three numbers a strategist is asked about first: the end-year total, the growth over the
 * horizon, and how the scenario stands against the sources' claims. With a simulation of the
 * scenario (issue 10), also how sure they are: the end year's 80% interval under the total, and
 * each claim's odds in the list of claims — marked provisional while more samples are coming.
 * Those are no live region: a screen reader is not read every refinement of a running simulation.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { totalCagr } from '../../engine/cagr';
import { countClaims } from '../../engine/claimStatus';
import { uncheckedStatements } from '../../model/uncheckedStatements';
import { useSlidecast } from '../../state/store';
import { activeModelOf } from '../../state/scenarioSelectors';
import { claimStatusLabel, formatClaimOdds } from '../claimOdds';
import { CLAIMS_CAPTION, ClaimCounts } from '../ClaimCounts';
import { useOutsidePress } from '../useOutsidePress';
import { formatPercent, formatSize } from '../format';
import { endYearIntervalText, samplesBasisText } from '../simulationText';
import { useScenarioResult } from './useScenarioResult';
import { useScenarioSimulation } from './useScenarioSimulation';

export function HeadlineStrip() {
  const result = useScenarioResult();
  // The unit, not the whole model: an edit of a number renders the headline again when its result
  // arrives, not also when it is made (a slider's hot path; bench/ui.bench.ts, the large model).
  const unit = useSlidecast((s) => activeModelOf(s.workspace).unit);
  const claims = useSlidecast((s) => s.workspace.claims);
  const simulated = useScenarioSimulation(result?.forecast);
  const [listOpen, setListOpen] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  const details = useRef<HTMLDetailsElement>(null);
  const shift = useShiftIntoView(list, listOpen);
  // The open list hangs over the chart like a menu, and closes like one (Escape does too, below).
  const closeList = useCallback(() => {
    if (details.current) details.current.open = false;
  }, []);
  useOutsidePress(details, listOpen, closeList);
  if (!result) {
    return (
      <section className="headline" aria-label="Headline" aria-busy="true">
        <p className="muted">Computing the forecast…</p>
      </section>
    );
  }
  const { forecast } = result;
  const years = forecast.layout.years;
  const first = years[0]!;
  const last = years[years.length - 1]!;
  const end = forecast.total[forecast.total.length - 1]!;
  const counts = countClaims(result.claims);
  const cagr = totalCagr(forecast);
  const labelOf = (id: string) => claims.find((c) => c.id === id)?.label ?? id;
  const basis = simulated ? samplesBasisText(simulated.summary.samples, simulated.running) : undefined;
  const provisional = simulated?.running === true ? basis : undefined;
  const oddsOf = (id: string): string | undefined => {
    const claim = claims.find((c) => c.id === id);
    const odds = simulated?.summary.claims.find((c) => c.claimId === id);
    return claim && odds ? formatClaimOdds(claim, odds.probability, unit, forecast.layout) : undefined;
  };

  return (
    <section className="headline" aria-label="Headline">
      <div className="headline-figure">
        <span className="headline-caption">Market in {last}</span>
        <span className="headline-value" data-testid="headline-total" data-value={end} aria-live="polite">
          {formatSize(end, unit)}
        </span>
        {simulated && (
          <>
            <span className="headline-interval" data-testid="headline-interval">
              80% interval {endYearIntervalText(simulated.summary, unit)}
            </span>
            {/* Always a line of its own, so the headline keeps its size as a run refines. */}
            <span className="headline-basis muted" data-testid="headline-basis">
              {basis}
            </span>
          </>
        )}
      </div>
      <div className="headline-figure">
        <span className="headline-caption">
          CAGR {first}–{last}
        </span>
        <span className="headline-value" data-testid="headline-cagr" data-value={cagr}>
          {formatPercent(cagr)}
        </span>
      </div>
      <div className="headline-figure headline-claims">
        <span className="headline-caption">{CLAIMS_CAPTION}</span>
        <span className="headline-value headline-claims-count" data-testid="headline-claims">
          <ClaimCounts counts={counts} />
        </span>
        <details
          ref={details}
          className="claims-details"
          onToggle={(event) => setListOpen(event.currentTarget.open)}
          onKeyDown={(event) => {
            // The open list hangs over the chart like a menu: Escape puts it away, focus on its summary.
            const details = event.currentTarget;
            if (event.key !== 'Escape' || !details.open) return;
            event.preventDefault();
            details.open = false;
            details.querySelector('summary')?.focus();
          }}
        >
          <summary>Which claims?</summary>
          <ul className="claim-list" aria-label="Claims" ref={list} style={shift > 0 ? { left: -shift } : undefined}>
            {result.claims.map((status) => {
              const odds = oddsOf(status.claimId);
              return (
                <li key={status.claimId} className={`claim claim-${status.status}`} data-claim-id={status.claimId}>
                  <span className="claim-status">{claimStatusLabel(status.status)}</span>{' '}
                  {labelOf(status.claimId)}
                  {status.reason && <span className="muted"> — {status.reason}</span>}
                  {odds && (
                    <span className="claim-odds">
                      {odds}
                      {provisional && <span className="muted"> ({provisional})</span>}
                    </span>
                  )}
                </li>
              );
            })}
            {listOpen && <StatementItems afterClaims={result.claims.length > 0} />}
          </ul>
        </details>
      </div>
    </section>
  );
}

/**
 * The sources' statements that are no checkable target, kept in the notes of the numbers they bear
 * on: read from the whole model, so drawn only while the list is open — closed, an edit of any
 * number would read them all again for nothing.
 */
function StatementItems({ afterClaims }: { afterClaims: boolean }) {
  const model = useSlidecast((s) => activeModelOf(s.workspace));
  const statements = useMemo(() => uncheckedStatements(model), [model]);
  return statements.map((statement, i) => (
    <li
      key={statement.key}
      className={`claim claim-noCheck${i === 0 && afterClaims ? ' claim-first-statement' : ''}`}
      data-statement-key={statement.key}
    >
      <span className="claim-status">– no check</span> {statement.about}: <span className="claim-statement">{statement.text}</span>
    </li>
  ));
}

/** Gap kept between an open list and the window's edges, in px. */
const EDGE = 16;

/**
 * How far left the open list must move so that its right edge stays in the window: it hangs
 * from the claims figure, which sits further right the longer the workspace's title, and the
 * statements with no check make it wide. Never so far that its left edge leaves the window.
 */
function useShiftIntoView(ref: RefObject<HTMLElement | null>, open: boolean): number {
  const [shift, setShift] = useState(0);
  useLayoutEffect(() => {
    if (!open) return undefined;
    const place = () => {
      const element = ref.current;
      const anchor = element?.offsetParent;
      if (!element || !anchor) return;
      const left = anchor.getBoundingClientRect().left;
      const overflow = left + element.offsetWidth - (document.documentElement.clientWidth - EDGE);
      setShift(Math.max(0, Math.min(overflow, left - EDGE)));
    };
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [ref, open]);
  return open ? shift : 0;
}
