/** The forecast of the scenario on screen: total with claims, breakdown, and the member table. */
import { useMemo } from 'react';
import type { Claim } from '../../model/types';
import type { ScenarioResult } from '../../engine/evaluateScenario';
import { useSlidecast } from '../../state/store';
import { activeModelOf } from '../../state/scenarioSelectors';
import { TotalChart } from '../charts/TotalChart';
import { ChartExportMenu } from '../export/ChartExportMenu';
import { ForecastActions } from '../export/ForecastActions';
import { TableExportMenu } from '../export/TableExportMenu';
import type { ClaimMarker } from '../charts/TotalChart';
import type { SimulationSummary } from '../../engine/simulationSummary';
import { formatClaimOdds } from '../claimOdds';
import { formatSize } from '../format';
import { BreakdownPanel } from './BreakdownPanel';
import { MemberTable } from './MemberTable';
import { SampleCount } from './SampleCount';
import { SimulationSettings } from './SimulationSettings';
import { useScenarioResult } from './useScenarioResult';
import { summaryFits, useScenarioSimulation } from './useScenarioSimulation';

/**
 * Size claims about the total can be drawn on the total chart; the rest are listed in the headline.
 * With a simulation of the scenario, each marker carries the odds that the scenario meets it.
 */
export function claimMarkers(claims: readonly Claim[], result: ScenarioResult, simulation?: { summary: SimulationSummary; unit: string }): ClaimMarker[] {
  const markers: ClaimMarker[] = [];
  for (const claim of claims) {
    if (claim.metric !== 'size' || claim.member !== undefined) continue;
    const status = result.claims.find((c) => c.claimId === claim.id);
    const marker: ClaimMarker = {
      id: claim.id,
      label: claim.label,
      year: claim.year,
      value: claim.value,
      op: claim.op,
      status: status?.status ?? 'notCheckable',
    };
    const odds = simulation?.summary.claims.find((c) => c.claimId === claim.id);
    if (simulation && odds) marker.odds = formatClaimOdds(claim, odds.probability, simulation.unit);
    markers.push(marker);
  }
  return markers;
}

export function ForecastView() {
  const result = useScenarioResult();
  const unit = useSlidecast((s) => activeModelOf(s.workspace).unit);
  const claims = useSlidecast((s) => s.workspace.claims);
  const simulation = useScenarioSimulation();
  const summary = result && simulation && summaryFits(simulation.summary, result.forecast) ? simulation.summary : undefined;
  const markers = useMemo(() => (result ? claimMarkers(claims, result, summary && { summary, unit }) : []), [claims, result, summary, unit]);
  if (!result) return <div className="forecast" aria-busy="true" />;
  const { forecast } = result;
  const format = (v: number) => formatSize(v, unit);

  return (
    <div className="forecast">
      <ForecastActions forecast={forecast} {...(summary ? { simulation: summary } : {})} />
      <section className="panel" aria-label="Total market">
        <header className="panel-head">
          <h2>Total market ({unit})</h2>
          <SampleCount />
          <ChartExportMenu chart="total-chart" title={`Total market (${unit})`} subject="total market" />
        </header>
        <TotalChart years={forecast.layout.years} total={forecast.total} formatValue={format} markers={markers} />
        <SimulationSettings />
      </section>
      <BreakdownPanel forecast={forecast} unit={unit} />
      <section className="panel table-panel" aria-label="Members">
        <TableExportMenu forecast={forecast} unit={unit} />
        <MemberTable forecast={forecast} unit={unit} />
      </section>
    </div>
  );
}
