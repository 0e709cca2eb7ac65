/** The app bar: file name and unsaved marker, views, scenario switcher, file commands, undo/redo. */
import { useSlidecast } from '../state/store';
import { openFile, saveFile } from './files/fileActions';
import { LinkButton } from './link/LinkButton';

export type View = 'model' | 'scenarios' | 'compare' | 'structure' | 'analysis';

const VIEWS: { id: View; label: string }[] = [
  { id: 'model', label: 'Model' },
  { id: 'scenarios', label: 'Scenarios' },
  { id: 'compare', label: 'Compare' },
  { id: 'structure', label: 'Structure' },
  { id: 'analysis', label: 'Analysis' },
];

function ScenarioPicker() {
  const scenarios = useSlidecast((s) => s.workspace.scenarios);
  const active = useSlidecast((s) => s.workspace.activeScenario);
  const switchScenario = useSlidecast((s) => s.switchScenario);
  return (
    <label className="scenario-picker">
      <span>Scenario</span>
      {/* A name longer than the picker is cut short there: the whole name on hover. */}
      <select value={active} title={scenarios.find((scenario) => scenario.id === active)?.name} onChange={(event) => switchScenario(event.currentTarget.value)}>
        {scenarios.map((scenario) => (
          <option key={scenario.id} value={scenario.id}>
            {scenario.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function TopBar({ view, onView, onPresent }: { view: View; onView: (view: View) => void; onPresent: () => void }) {
  const canUndo = useSlidecast((s) => s.past.length > 0);
  const canRedo = useSlidecast((s) => s.future.length > 0);
  const undo = useSlidecast((s) => s.undo);
  const redo = useSlidecast((s) => s.redo);

  return (
    <header className="topbar">
      <span className="brand">Slidecast</span>
      <nav className="views" aria-label="Views">
        {VIEWS.map((v) => (
          <button key={v.id} type="button" aria-current={view === v.id ? 'page' : undefined} onClick={() => onView(v.id)}>
            {v.label}
          </button>
        ))}
      </nav>
      <ScenarioPicker />
      <div className="toolbar" role="toolbar" aria-label="File and history">
        <button type="button" className="present-button" onClick={onPresent} title="Present the live model (P)">
          Present
        </button>
        <button type="button" onClick={() => void openFile()} title="Open a workspace file (Ctrl+O)">
          Open…
        </button>
        <button type="button" onClick={() => void saveFile(false)} title="Save (Ctrl+S)">
          Save
        </button>
        <button type="button" onClick={() => void saveFile(true)} title="Save as a new file (Ctrl+Shift+S)">
          Save as…
        </button>
        <LinkButton />
        <button type="button" onClick={undo} disabled={!canUndo} aria-label="Undo" title="Undo (Ctrl+Z)">
          ↶
        </button>
        <button type="button" onClick={redo} disabled={!canRedo} aria-label="Redo" title="Redo (Ctrl+Shift+Z)">
          ↷
        </button>
      </div>
    </header>
  );
}
