/**
 * The simulation's settings of the scenario on screen (issue 10, "Views"): how many samples a run
 * draws (1,000–200,000) and its seed, with "New seed". Both are model edits: undone one step at a
 * time, autosaved and kept per scenario. A file may ask for more samples than a run takes: the
 * box then shows the cap and a note says so, and the file keeps its number until it is edited.
 */
import { useId } from 'react';
import { useDraft } from '../useDraft';
import { setSimulationSettings } from '../../model/modelEdits';
import type { SimulationSettings as Settings } from '../../model/types';
import { MAX_RUN_SAMPLES, MIN_RUN_SAMPLES, WORKSPACE_LIMITS, runSamples } from '../../model/workspaceLimits';
import { useSlidecast } from '../../state/store';
import { useActiveModel } from '../assumptions/useModelSelectors';
import { formatCount } from '../format';
import { parseWholeNumberInput } from '../quantityInput';

/** A seed from the browser's cryptographic generator: any of the 2^32 the engine takes. */
export function newSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] as number;
}

export function SimulationSettings() {
  const samples = useActiveModel((model) => model.simulation.samples);
  const seed = useActiveModel((model) => model.simulation.seed);
  const editModel = useSlidecast((s) => s.editModel);
  const set = (key: string, settings: Partial<Settings>) => editModel(key, (model) => setSimulationSettings(model, settings));
  const run = runSamples({ samples });
  const capNoteId = useId();

  return (
    <div className="simulation-settings" role="group" aria-label="Simulation">
      <WholeNumberField
        label="Samples"
        value={run}
        min={MIN_RUN_SAMPLES}
        max={MAX_RUN_SAMPLES}
        describedBy={samples > run ? capNoteId : undefined}
        onCommit={(value) => set('simulation:samples', { samples: value })}
      />
      <WholeNumberField label="Seed" value={seed} min={0} max={WORKSPACE_LIMITS.largestSeed} onCommit={(value) => set('simulation:seed', { seed: value })} />
      <button type="button" className="export-button" onClick={() => set('simulation:seed', { seed: newSeed() })}>
        New seed
      </button>
      {samples > run && (
        <p id={capNoteId} className="simulation-note">
          This scenario asks for {formatCount(samples)} samples; a run takes at most {formatCount(MAX_RUN_SAMPLES)}.
        </p>
      )}
    </div>
  );
}

interface WholeNumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  describedBy?: string | undefined;
  onCommit: (value: number) => void;
}

/** A number box that takes a whole number on Enter or leaving it, and names what is wrong with anything else. */
function WholeNumberField({ label, value, min, max, describedBy, onCommit }: WholeNumberFieldProps) {
  const inputId = useId();
  const errorId = useId();
  // A value changed elsewhere (undo, "New seed") replaces a stale draft and its message.
  const { draft, setDraft, error, setError, abandon } = useDraft(value);

  function commit(text: string) {
    const parsed = parseWholeNumberInput(text, min, max);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    setDraft(null);
    if (parsed.value !== value) onCommit(parsed.value);
  }

  const described = [error ? errorId : undefined, describedBy].filter(Boolean).join(' ');
  return (
    <>
      <span className="simulation-field">
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error !== null}
          aria-describedby={described || undefined}
          value={draft ?? String(value)}
          onChange={(event) => setDraft(event.currentTarget.value)}
          onBlur={(event) => draft !== null && commit(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit(event.currentTarget.value);
            if (event.key === 'Escape') abandon();
          }}
        />
      </span>
      {error && (
        <p id={errorId} role="alert" className="field-error">
          {label}: {error}
        </p>
      )}
    </>
  );
}
