/**
 * The Structure view: the shape of the model — market, years and unit, drivers, dimensions and
 * their members at any depth, sources and notes — edited in place, and new workspaces (blank, or
 * from the seed as a template). Every edit is one undoable step, autosaved like any other.
 *
 * Structure edits apply to the scenario on screen; "Apply structure edits to every scenario"
 * applies them to all (matched by id), and the status line names any scenario left out, and why.
 * Removals are not asked about: they are undone from the status line's "Undo" (or Ctrl+Z), as on
 * the Scenarios view.
 */
import { useCallback, useMemo, useState } from 'react';
import type { StructureOp } from '../../model/structureOpsWorkspace';
import { runStructureOp } from '../../state/structureEdits';
import { activeScenarioOf } from '../../state/scenarioSelectors';
import { useSlidecast } from '../../state/store';
import { DimensionsPanel } from './DimensionsPanel';
import { DriversPanel } from './DriversPanel';
import { ImportShares } from './ImportShares';
import { MarketPanel } from './MarketPanel';
import { startNewWorkspace } from './newWorkspace';
import { refocus, StructureContext, type Announcement, type StructureActions } from './structureContext';
import './structure.css';

function StatusLine({ announcement, onClose }: { announcement: Announcement | undefined; onClose: () => void }) {
  const undo = useSlidecast((s) => s.undo);
  return (
    <div className="st-status" role="status" data-testid="structure-status">
      {announcement && (
        <div className="st-status-box">
          <p>
            {announcement.text}
            {announcement.skipped && announcement.skipped.length > 0 && (
              <>
                {' '}
                <strong>Not applied to:</strong> {announcement.skipped.join('; ')}.
              </>
            )}
          </p>
          {announcement.undoable && (
            <button
              type="button"
              onClick={() => {
                undo();
                onClose();
              }}
            >
              Undo
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={onClose}>
            ✕
          </button>
        </div>
      )}
    </div>
  );
}

function NewWorkspace({ onStarted }: { onStarted: (text: string) => void }) {
  return (
    <div className="st-new" role="group" aria-label="New workspace">
      <span className="st-line-label">New workspace</span>
      <button
        type="button"
        onClick={() => startNewWorkspace('blank') && onStarted('A blank workspace: one total, no dimensions. Name the market, set its unit and years, then add dimensions and drivers.')}
        title="One total, no dimensions, no drivers, five years from this year, in USD m"
      >
        Blank
      </button>
      <button type="button" onClick={() => startNewWorkspace('seed') && onStarted('A new workspace from the seed template (AI in Medical Imaging Diagnosis).')} title="The seed market’s model as a template to reshape">
        From the seed
      </button>
    </div>
  );
}

export function StructureView() {
  const scenarioCount = useSlidecast((s) => s.workspace.scenarios.length);
  const scenarioName = useSlidecast((s) => activeScenarioOf(s.workspace).name);
  const [allChosen, setAllChosen] = useState(false);
  const [announcement, setAnnouncement] = useState<Announcement | undefined>(undefined);
  const [importTarget, setImportTarget] = useState<string | null>(null);
  const allScenarios = allChosen && scenarioCount > 1;

  const run = useCallback(
    (op: StructureOp, done?: string | Omit<Announcement, 'skipped'>): string | undefined => {
      const outcome = runStructureOp(op, allScenarios);
      if (outcome.error) return outcome.error;
      const said: Announcement | undefined = typeof done === 'string' ? { text: done } : done;
      const base = said && outcome.claimsNote ? { ...said, text: `${said.text} ${outcome.claimsNote}` } : said;
      const skipped = outcome.skipped.map((s) => `“${s.scenarioName}”: ${s.reason}`);
      if (allScenarios) {
        const where = `In ${outcome.applied.length} of ${scenarioCount} scenarios.`;
        setAnnouncement({ text: base ? `${base.text} ${where}` : `Done. ${where}`, undoable: true, skipped });
      } else if (base) setAnnouncement(base);
      return undefined;
    },
    [allScenarios, scenarioCount],
  );
  const importInto = useCallback((dimensionId: string) => {
    setImportTarget(dimensionId);
    refocus('import-rows');
  }, []);
  const actions = useMemo<StructureActions>(() => ({ allScenarios, run, announce: setAnnouncement, importInto }), [allScenarios, run, importInto]);

  return (
    <StructureContext.Provider value={actions}>
      <section className="structure-view" aria-label="Structure">
        <header className="st-header">
          <div className="st-title">
            <h2>Structure</h2>
            <p className="muted" title={scenarioCount > 1 && !allScenarios ? 'The scenario on screen' : undefined}>
              of “{scenarioName}”
            </p>
          </div>
          {scenarioCount > 1 && (
            <label className="check st-all" title="Names, order, new and removed members and drivers, years, unit, sources, notes and imports go to every scenario that has the thing (matched by id). Numbers typed in the boxes stay the scenario’s own.">
              <input type="checkbox" checked={allChosen} onChange={(event) => setAllChosen(event.currentTarget.checked)} />
              Apply structure edits to all {scenarioCount} scenarios
              <span className="muted"> (typed numbers stay per scenario)</span>
            </label>
          )}
          <NewWorkspace onStarted={(text) => setAnnouncement({ text })} />
        </header>
        <div className="st-columns">
          <div className="st-column">
            <MarketPanel />
            <DriversPanel />
          </div>
          <div className="st-column">
            <DimensionsPanel />
          </div>
        </div>
        <ImportShares dimensionId={importTarget} onDimension={setImportTarget} />
        <StatusLine announcement={announcement} onClose={() => setAnnouncement(undefined)} />
      </section>
    </StructureContext.Provider>
  );
}
