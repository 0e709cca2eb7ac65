/**
 * The forecast of the scenario on screen: the total with its fan and claims (or the member chosen
 * in the table, with its fan), the end year's distribution, the breakdown, and the member table.
 */
import { useCallback, useMemo } from 'react';
import type { Claim } from '../../model/types';
import type { ScenarioResult } from '../../engine/evaluateScenario';
import type { SimulationSummary } from '../../engine/simulationSummary';
import { useSlidecast } from '../../state/store';
import { activeModelOf } from '../../state/scenarioSelectors';
import { memberName } from '../../model/quantityRef';
import { TotalChart } from '../charts/TotalChart';
import { EndYearHistogram } from '../charts/EndYearHistogram';
import { ChartExportMenu } from '../export/ChartExportMenu';
import { ForecastActions } from '../export/ForecastActions';
import { TableExportMenu } from '../export/TableExportMenu';
import type { ClaimMarker } from '../charts/TotalChart';
import { formatClaimOdds } from '../claimOdds';
import { samplesBasisText } from '../simulationText';
import { formatSize, formatSizeRange } from '../format';
import { BreakdownPanel } from './BreakdownPanel';
import { MemberTable } from './MemberTable';
import { SampleCount } from './SampleCount';
import { SimulationSettings } from './SimulationSettings';
import { useScenarioResult } from './useScenarioResult';
import { useScenarioSimulation } from './useScenarioSimulation';
import { useEndYearDistribution, useFanView } from './useFan';
import { useAfterPaint } from './useAfterPaint';

/**
 * Size claims about the total can be drawn on the total chart; the rest are listed in the headline.
 * With a simulation of the scenario, each marker carries the odds that the scenario meets it —
 * marked provisional, as the headline's are, while more samples are coming.
 */
export function claimMarkers(
  claims: readonly Claim[],
  result: ScenarioResult,
  simulation?: { summary: SimulationSummary; unit: string; running: boolean },
): ClaimMarker[] {
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
    if (simulation && odds) {
      const text = formatClaimOdds(claim, odds.probability, simulation.unit);
      marker.odds = simulation.running ? `${text} (${samplesBasisText(simulation.summary.samples, true)})` : text;
    }
    markers.push(marker);
  }
  return markers;
}

export function ForecastView() {
  const result = useScenarioResult();
  if (!result) return <div className="forecast" aria-busy="true" />;
  return <ForecastPanels result={result} />;
}

function ForecastPanels({ result }: { result: ScenarioResult }) {
  const { forecast } = result;
  // The unit and the members' names, not the whole model: an edit of a number re-renders these
  // panels only when its result arrives, not also when the edit is made (a slider's hot path).
  const unit = useSlidecast((s) => activeModelOf(s.workspace).unit);
  const dimensions = useSlidecast((s) => activeModelOf(s.workspace).dimensions);
  const claims = useSlidecast((s) => s.workspace.claims);
  const setFanMember = useSlidecast((s) => s.setFanMember);
  const simulation = useScenarioSimulation(forecast);
  const summary = simulation?.summary;
  const running = simulation?.running === true;
  const markers = useMemo(() => claimMarkers(claims, result, summary && { summary, unit, running }), [claims, result, summary, unit, running]);
  const { member, values, fan } = useFanView(forecast);
  const distribution = useEndYearDistribution(forecast);
  const format = useCallback((v: number) => formatSize(v, unit), [unit]);
  // The breakdown and the member table follow once the headline and the total chart have been
  // painted, in a render of their own that a newer input interrupts. With a large model the
  // table's hundreds of changed numbers would otherwise hold every input's frame (bench/ui.bench.ts,
  // the large-model case).
  const detail = useAfterPaint(forecast);
  // Each result brings its own layout: the names follow the table's forecast, so that the table
  // is drawn once per result, in the render after the paint, not also with the new names and old numbers.
  const memberNames = useMemo(
    () => new Map(detail.layout.series.map((info) => [info.key, memberName({ dimensions }, info.key.split('/'))])),
    [detail.layout, dimensions],
  );
  const formatRange = useCallback((low: number, high: number) => formatSizeRange(low, high, unit), [unit]);
  // The chart shows the total or one member: the claims drawn on it are the total's.
  const title = member?.name ?? 'Total market';

  return (
    <div className="forecast">
      {/* The CSV takes a run's statistics once it has finished, never a provisional estimate. */}
      <ForecastActions forecast={forecast} {...(simulation && !simulation.running ? { simulation: simulation.summary } : {})} />
      <section className="panel" aria-label="Total market">
        <header className="panel-head">
          <h2>
            {title} ({unit})
          </h2>
          {member && (
            <button type="button" className="back-to-total" onClick={() => setFanMember(undefined)}>
              Back to total
            </button>
          )}
          <SampleCount />
          <ChartExportMenu chart="total-chart" title={`${title} (${unit})`} subject={member ? member.name : 'total market'} name="total market" />
        </header>
        <TotalChart
          years={forecast.layout.years}
          total={values}
          formatValue={format}
          formatRange={formatRange}
          markers={member ? undefined : markers}
          fan={fan}
          title={title}
          unit={unit}
        />
        <SimulationSettings />
        {distribution && (
          <figure className="end-year-distribution" aria-label={`Total market in ${distribution.year}: distribution`}>
            <figcaption>
              Total market in {distribution.year}: how the simulated outcomes spread
            </figcaption>
            <EndYearHistogram
              histogram={distribution.histogram}
              p10={distribution.p10}
              p50={distribution.p50}
              p90={distribution.p90}
              forecast={forecast.total[forecast.total.length - 1]!}
              year={distribution.year}
              samples={distribution.samples}
              formatValue={format}
              formatRange={formatRange}
              unit={unit}
            />
          </figure>
        )}
      </section>
      <BreakdownPanel forecast={detail} unit={unit} />
      <section className="panel table-panel" aria-label="Members">
        <TableExportMenu forecast={forecast} unit={unit} />
        <MemberTable forecast={detail} unit={unit} fanMember={member?.key} onShowMember={setFanMember} memberNames={memberNames} />
      </section>
    </div>
  );
}
