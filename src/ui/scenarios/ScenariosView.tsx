/**
 * The workspace's scenarios: create from the current one, duplicate, rename, reorder, delete (with
 * undo), write notes, and show any of them. Every change here is an undoable edit.
 */
import { useId, useState } from 'react';
import type { Scenario } from '../../model/types';
import { useSlidecast } from '../../state/store';
import { deleteScenario, duplicateScenario, moveScenario, renameScenario, setScenarioNotes } from '../../model/scenarioEdits';
import { formatCountOf, formatSize } from '../format';
import { useDraft } from '../useDraft';
import { LONG_TEXT_BOX_LENGTH, SHORT_TEXT_BOX_LENGTH } from '../textBoxLength';

type Feedback = { kind: 'error' | 'info'; text: string; undoable?: boolean } | undefined;

function ScenarioRow({
  scenario,
  index,
  count,
  active,
  onFeedback,
}: {
  scenario: Scenario;
  index: number;
  count: number;
  active: boolean;
  onFeedback: (feedback: Feedback) => void;
}) {
  const editWorkspace = useSlidecast((s) => s.editWorkspace);
  const switchScenario = useSlidecast((s) => s.switchScenario);
  const [name, setName] = useState<string | null>(null);
  /**
   * Notes the scenario could not take (a paste past the file's limit), kept in the box with the
   * reason until they are cut short enough, Esc gives them up, or the notes change elsewhere: the
   * scenario's notes stay as they were, and nothing typed or pasted vanishes.
   */
  const { draft: notesDraft, setDraft: setNotesDraft, error: notesError, setError: setNotesError, abandon: abandonNotes } = useDraft(scenario.notes ?? '');
  const notesErrorId = useId();
  const { model } = scenario;

  function commitName(text: string) {
    setName(null);
    if (text === scenario.name) return;
    let error: string | undefined;
    editWorkspace(`rename:${scenario.id}`, (ws) => {
      error = renameScenario(ws, scenario.id, text);
    });
    onFeedback(error ? { kind: 'error', text: error } : undefined);
  }

  return (
    <li className={`scenario-card${active ? ' scenario-active' : ''}`} data-scenario-id={scenario.id}>
      <div className="scenario-card-head">
        <input
          className="scenario-name"
          maxLength={SHORT_TEXT_BOX_LENGTH}
          aria-label={`Name of scenario ${index + 1}`}
          value={name ?? scenario.name}
          onChange={(event) => setName(event.currentTarget.value)}
          onBlur={(event) => commitName(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commitName(event.currentTarget.value);
            if (event.key === 'Escape') setName(null);
          }}
        />
        {active ? (
          <span className="scenario-shown">On screen</span>
        ) : (
          <button type="button" onClick={() => switchScenario(scenario.id)} aria-label={`Show ${scenario.name}`}>
            Show
          </button>
        )}
      </div>
      <p className="scenario-summary muted">
        {model.baseYear}–{model.endYear} · starts at {formatSize(model.baseSize.value, model.unit)} · {formatCountOf(model.drivers.length, 'driver')} ·{' '}
        {formatCountOf(model.dimensions.length, 'dimension')}
      </p>
      <label className="scenario-notes">
        <span>Notes</span>
        <textarea
          rows={3}
          maxLength={LONG_TEXT_BOX_LENGTH}
          value={notesDraft ?? scenario.notes ?? ''}
          aria-label={`Notes on ${scenario.name}`}
          aria-invalid={notesError !== null}
          aria-describedby={notesError === null ? undefined : notesErrorId}
          onChange={(event) => {
            const notes = event.currentTarget.value;
            let error: string | undefined;
            editWorkspace(`notes:${scenario.id}`, (ws) => {
              error = setScenarioNotes(ws, scenario.id, notes);
            });
            setNotesDraft(error === undefined ? null : notes);
            setNotesError(error ?? null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && notesDraft !== null) abandonNotes();
          }}
        />
      </label>
      {notesError !== null && (
        <p id={notesErrorId} role="alert" className="field-error">
          {notesError}
        </p>
      )}
      <div className="scenario-actions">
        <button
          type="button"
          onClick={() => {
            let error: string | undefined;
            editWorkspace(`duplicate:${scenario.id}`, (ws) => {
              error = duplicateScenario(ws, scenario.id, `${scenario.name} copy`);
            });
            onFeedback(error ? { kind: 'error', text: error } : undefined);
          }}
          aria-label={`Duplicate ${scenario.name}`}
        >
          Duplicate
        </button>
        <button type="button" disabled={index === 0} onClick={() => editWorkspace(`move:${scenario.id}`, (ws) => moveScenario(ws, scenario.id, -1))} aria-label={`Move ${scenario.name} up`}>
          ↑
        </button>
        <button
          type="button"
          disabled={index === count - 1}
          onClick={() => editWorkspace(`move:${scenario.id}`, (ws) => moveScenario(ws, scenario.id, 1))}
          aria-label={`Move ${scenario.name} down`}
        >
          ↓
        </button>
        <button
          type="button"
          className="danger"
          disabled={count <= 1}
          title={count <= 1 ? 'A workspace needs at least one scenario' : undefined}
          onClick={() => {
            let error: string | undefined;
            editWorkspace(`delete:${scenario.id}`, (ws) => {
              error = deleteScenario(ws, scenario.id);
            });
            onFeedback(error ? { kind: 'error', text: error } : { kind: 'info', text: `Deleted “${scenario.name}”.`, undoable: true });
          }}
          aria-label={`Delete ${scenario.name}`}
        >
          Delete
        </button>
      </div>
    </li>
  );
}

export function ScenariosView() {
  const scenarios = useSlidecast((s) => s.workspace.scenarios);
  const active = useSlidecast((s) => s.workspace.activeScenario);
  const editWorkspace = useSlidecast((s) => s.editWorkspace);
  const undo = useSlidecast((s) => s.undo);
  const [newName, setNewName] = useState('');
  const [feedback, setFeedback] = useState<Feedback>(undefined);
  const activeName = scenarios.find((s) => s.id === active)?.name ?? '';

  return (
    <section className="scenarios-view" aria-label="Scenarios">
      <form
        className="new-scenario"
        onSubmit={(event) => {
          event.preventDefault();
          let error: string | undefined;
          editWorkspace('create-scenario', (ws) => {
            error = duplicateScenario(ws, active, newName || `${activeName} variant`);
          });
          setFeedback(error ? { kind: 'error', text: error } : { kind: 'info', text: 'Created from the scenario on screen; it is now on screen.' });
          if (!error) setNewName('');
        }}
      >
        <label>
          <span>New scenario from “{activeName}”</span>
          <input
            value={newName}
            maxLength={SHORT_TEXT_BOX_LENGTH}
            onChange={(event) => setNewName(event.currentTarget.value)}
            placeholder="e.g. Bear case"
            aria-label="New scenario name"
          />
        </label>
        <button type="submit">Create</button>
      </form>
      {feedback && (
        <p role={feedback.kind === 'error' ? 'alert' : 'status'} className={feedback.kind === 'error' ? 'field-error' : 'feedback'}>
          {feedback.text}{' '}
          {feedback.undoable && (
            <button
              type="button"
              onClick={() => {
                undo();
                setFeedback(undefined);
              }}
            >
              Undo
            </button>
          )}
        </p>
      )}
      <ol className="scenario-list">
        {scenarios.map((scenario, index) => (
          <ScenarioRow key={scenario.id} scenario={scenario} index={index} count={scenarios.length} active={scenario.id === active} onFeedback={setFeedback} />
        ))}
      </ol>
    </section>
  );
}
