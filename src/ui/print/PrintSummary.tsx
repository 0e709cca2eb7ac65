/**
 * A summary of the scenario on screen on one page (its numbered notes may follow), for paper or PDF: workspace and scenario, the
 * headline numbers, the total chart and one breakdown drawn at a fixed size for the page, the key
 * assumptions with where each comes from, the claims with their status and the sources' statements
 * with no check; then the numbered sources and notes, in small type. With a simulation of the
 * scenario (issue 10), the end year's 80% interval under the total, the fan on the total chart
 * (as on screen), and each claim's odds beside its status.
 *
 * It exists only while the page is printed (see printMode.ts), in its own element at the end of
 * <body>; the print stylesheet shows it and hides everything else. Every user-written text (names,
 * notes, sources) is rendered as text.
 */
import { Fragment, useMemo } from 'react';
import { createPortal } from 'react-dom';
import { seriesValues } from '../../engine/seriesAccess';
import type { ScenarioResult } from '../../engine/evaluateScenario';
import type { Scenario, Workspace } from '../../model/types';
import { useSlidecast } from '../../state/store';
import { activeScenarioOf } from '../../state/scenarioSelectors';
import { StackedAreaChartPlot } from '../charts/StackedAreaChart';
import { TotalChartPlot } from '../charts/TotalChart';
import { claimMarkers } from '../forecast/ForecastView';
import { useScenarioResult } from '../forecast/useScenarioResult';
import { useScenarioSimulation } from '../forecast/useScenarioSimulation';
import { fanOf } from '../forecast/useFan';
import { formatLongDate, formatPercent, formatSize } from '../format';
import { claimStatusLabel } from '../claimOdds';
import { CLAIMS_CAPTION, ClaimCounts, type ClaimCountClasses } from '../ClaimCounts';
import { buildPrintSummary, summaryDimension, type AssumptionGroup } from './summaryData';
import { usePrintEvents, usePrinting } from './printMode';
import { keepFiguresWhole } from './keepFiguresWhole';

/** The claims' counts in the printed summary's own type (src/ui/print/print.css). */
const PRINT_CLAIM_CLASSES: ClaimCountClasses = { met: 'ps-met', missed: 'ps-missed', notCheckable: 'ps-muted ps-unchecked' };

/** Chart size on paper, in CSS px (96 to the inch): two side by side fit an A4 or Letter page. */
export const PRINT_CHART_WIDTH = 330;
export const PRINT_CHART_HEIGHT = 135;


export function PrintSummary() {
  usePrintEvents();
  const printing = usePrinting();
  if (!printing || typeof document === 'undefined') return null;
  return createPortal(<PrintSummaryContent />, document.body);
}

function PrintSummaryContent() {
  const workspace = useSlidecast((s) => s.workspace);
  const result = useScenarioResult();
  const scenario = activeScenarioOf(workspace);
  return (
    <article className="print-summary" data-testid="print-summary" aria-label="Printable summary">
      {result ? <SummaryBody workspace={workspace} scenario={scenario} result={result} /> : <p>The forecast is still being computed.</p>}
    </article>
  );
}

function SummaryBody({ workspace, scenario, result }: { workspace: Workspace; scenario: Scenario; result: ScenarioResult }) {
  const simulation = useScenarioSimulation(result.forecast);
  const data = useMemo(() => buildPrintSummary(workspace, scenario, result, simulation), [workspace, scenario, result, simulation]);
  const { forecast } = result;
  const { layout } = forecast;
  const unit = data.unit;
  const format = (v: number) => formatSize(v, unit);
  const summary = simulation?.summary;
  const running = simulation?.running === true;
  const markers = useMemo(() => claimMarkers(workspace.claims, result, summary && { summary, unit, running }), [workspace.claims, result, summary, unit, running]);
  // The total's fan, as on screen (5–95, 10–90, 25–75 and the median).
  const fan = useMemo(() => (summary ? fanOf(summary, 0) : undefined), [summary]);
  const dimensionIndex = summaryDimension(forecast);
  const dimension = layout.dimensions[dimensionIndex];
  const breakdown = useMemo(
    () =>
      (dimension?.members ?? []).map((s) => ({ key: layout.series[s]!.key, name: layout.series[s]!.name, values: seriesValues(forecast, s) })),
    [dimension, layout, forecast],
  );
  const printed = formatLongDate(new Date());

  return (
    <>
      <header className="ps-header">
        <div className="ps-title">
          <h1>{data.title}</h1>
          <p className="ps-scenario">
            Scenario: <strong>{data.scenarioName}</strong>
          </p>
          <p className="ps-meta">
            {data.firstYear}–{data.lastYear}, {unit} · Slidecast, printed {printed}
          </p>
        </div>
        <dl className="ps-headline" aria-label="Headline">
          <div>
            <dt>Market in {data.lastYear}</dt>
            <dd className="ps-figure">{formatSize(data.endTotal, unit)}</dd>
            {data.uncertainty && (
              <dd className="ps-interval" data-testid="print-interval">
                80% interval {data.uncertainty.interval} <span className="ps-muted">({data.uncertainty.basis})</span>
              </dd>
            )}
          </div>
          <div>
            <dt>
              CAGR {data.firstYear}–{data.lastYear}
            </dt>
            <dd className="ps-figure">{formatPercent(data.cagr)}</dd>
          </div>
          <div>
            <dt>{CLAIMS_CAPTION}</dt>
            <dd className="ps-figure ps-claims-count">
              <ClaimCounts counts={data} classes={PRINT_CLAIM_CLASSES} />
            </dd>
          </div>
        </dl>
      </header>
      {data.scenarioNotes && <p className="ps-scenario-notes">{data.scenarioNotes}</p>}

      <section className="ps-charts">
        <figure>
          <figcaption>Total market ({unit})</figcaption>
          <TotalChartPlot
            width={PRINT_CHART_WIDTH}
            height={PRINT_CHART_HEIGHT}
            years={layout.years}
            total={forecast.total}
            formatValue={format}
            markers={markers}
            unit={unit}
            {...(fan ? { fan } : {})}
          />
        </figure>
        {dimension && (
          <figure>
            <figcaption>
              By {dimension.name.toLowerCase()} ({unit})
            </figcaption>
            <StackedAreaChartPlot
              width={PRINT_CHART_WIDTH}
              height={PRINT_CHART_HEIGHT}
              years={layout.years}
              series={breakdown}
              mode="values"
              formatValue={format}
              title={`By ${dimension.name.toLowerCase()}`}
              unit={unit}
            />
          </figure>
        )}
      </section>

      <section className="ps-assumptions" aria-label="Key assumptions">
        <h2>Key assumptions</h2>
        <div className="ps-columns">
          <AssumptionTable group={data.growth} />
          <div className="ps-shares">
            {data.shares.map((group) => (
              <AssumptionTable key={group.heading} group={group} />
            ))}
          </div>
        </div>
      </section>

      <section className="ps-claims" aria-label="Claims">
        <h2>The sources’ claims</h2>
        <ul>
          {data.claims.map((claim) => (
            <li key={claim.id} className={`ps-claim ps-claim-${claim.status}`}>
              <span className="ps-claim-status">{claimStatusLabel(claim.status)}</span>
              <span>
                {keepFiguresWhole(claim.label)}
                {claim.detail && <span className="ps-muted"> — {keepFiguresWhole(claim.detail)}</span>}
                {claim.odds && <span className="ps-odds"> · {claim.odds}</span>}
                {claim.note !== undefined && <NoteRefs numbers={[claim.note]} />}
              </span>
            </li>
          ))}
        </ul>
        {data.statements.length > 0 && (
          <p className="ps-no-check">
            <span className="ps-claim-status">– no check</span>
            <span>
              <span className="ps-muted">Statements of the sources that no forecast can meet or miss — </span>
              {data.statements.map((statement, i) => (
                <Fragment key={statement.id}>
                  {i > 0 && ' · '}
                  <span className="ps-statement">
                    {statement.about} {statement.words}
                    {statement.note !== undefined && <NoteRefs numbers={[statement.note]} />}
                  </span>
                </Fragment>
              ))}
            </span>
          </p>
        )}
      </section>

      {data.notes.length > 0 && (
        <section className="ps-notes" aria-label="Sources and notes">
          <h2>Sources and notes</h2>
          <ol>
            {data.notes.map((note) => (
              <li key={note.number} value={note.number}>
                {note.text}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

function NoteRefs({ numbers }: { numbers: readonly number[] }) {
  return numbers.length > 0 ? <sup className="ps-ref">{numbers.join(',')}</sup> : null;
}

function AssumptionTable({ group }: { group: AssumptionGroup }) {
  return (
    <table className="ps-table">
      <caption>{group.heading}</caption>
      <tbody>
        {group.rows.map((row, i) => (
          <tr key={`${row.label}-${i}`}>
            <th scope="row">
              {row.label}
              {row.detail && <span className="ps-muted"> ({row.detail})</span>}
            </th>
            <td className="ps-value">{row.value}</td>
            <td className="ps-basis">
              <span className={`ps-tag ps-tag-${row.basis}`}>{row.basis === 'source' ? 'source' : 'assumption'}</span>
              <NoteRefs numbers={row.notes} />
            </td>
          </tr>
        ))}
        {group.more && (
          <tr>
            <th scope="row" colSpan={3} className="ps-muted">
              {group.more}
            </th>
          </tr>
        )}
      </tbody>
    </table>
  );
}
