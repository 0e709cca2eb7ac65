/** The model screen: scenario bar, headline, assumptions on the left, forecast on the right. */
import { useSlidecast } from '../state/store';
import { AssumptionsPanel } from './assumptions/AssumptionsPanel';
import { HeadlineStrip } from './forecast/HeadlineStrip';
import { ForecastView } from './forecast/ForecastView';
import { WarningList } from './forecast/WarningList';

function ScenarioPicker() {
  const scenarios = useSlidecast((s) => s.workspace.scenarios);
  const active = useSlidecast((s) => s.workspace.activeScenario);
  const switchScenario = useSlidecast((s) => s.switchScenario);
  return (
    <label className="scenario-picker">
      <span>Scenario</span>
      <select value={active} onChange={(event) => switchScenario(event.currentTarget.value)}>
        {scenarios.map((scenario) => (
          <option key={scenario.id} value={scenario.id}>
            {scenario.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function App() {
  const title = useSlidecast((s) => s.workspace.title);
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Slidecast</span>
        <h1 className="workspace-title">{title}</h1>
        <ScenarioPicker />
      </header>
      <HeadlineStrip />
      <WarningList />
      <main className="workbench">
        <AssumptionsPanel />
        <ForecastView />
      </main>
    </div>
  );
}
