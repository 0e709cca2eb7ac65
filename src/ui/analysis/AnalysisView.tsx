/**
 * The Analysis view (issue 11, DESIGN.md §6 "Analysis"): questions asked of the scenario on screen
 * — the one the top bar's scenario picker shows, as on every other view. It lays out one section
 * per question, one below the other, each a component of this folder with an `an-section` root:
 * the tornado (what moves the answer), goal seek (what it would take), the claims as targets, and
 * calibration (which assumptions meet the claims).
 */
import { activeScenarioOf } from '../../state/scenarioSelectors';
import { useSlidecast } from '../../state/store';
import { CalibrationPanel } from './CalibrationPanel';
import { ClaimsPanel } from './ClaimsPanel';
import { GoalSeekPanel } from './GoalSeekPanel';
import { TornadoPanel } from './TornadoPanel';
import './analysis.css';

export function AnalysisView() {
  const scenarioName = useSlidecast((s) => activeScenarioOf(s.workspace).name);
  return (
    <section className="analysis-view" aria-label="Analysis">
      <header className="an-header">
        <h2>Analysis</h2>
        <p className="muted" title="The scenario on screen (the top bar’s picker)">
          of “{scenarioName}”
        </p>
      </header>
      <div className="analysis-sections">
        <TornadoPanel />
        <GoalSeekPanel />
        <ClaimsPanel />
        <CalibrationPanel />
      </div>
    </section>
  );
}
