/**
 * The source and the note of a quantity, edited as text: a number with a source shows as
 * "Source" in the assumptions panel, one without as "Assumed" (its note says why it is what it is).
 * Saved as one undoable edit; Esc or Cancel leaves it as it was.
 */
import { useId, useState } from 'react';
import { getQuantity, quantityKey, type QuantityRef } from '../../model/quantityRef';
import { useActiveModel } from '../assumptions/useModelSelectors';
import { EditProblem } from './EditProblem';
import { refocus, useStructure } from './structureContext';
import { LONG_TEXT_BOX_LENGTH } from '../textBoxLength';

export interface WordsChoice {
  ref: QuantityRef;
  /** A person's name for the quantity, e.g. "Europe share". */
  label: string;
}

export interface QuantityWordsProps {
  choices: readonly WordsChoice[];
  onClose: () => void;
  /** `data-focus-key` of the button that opened the editor: the focus goes back there on closing. */
  returnFocus?: string;
}

export function QuantityWords({ choices, onClose: close, returnFocus }: QuantityWordsProps) {
  const onClose = () => {
    close();
    if (returnFocus) refocus(returnFocus);
  };
  const { run } = useStructure();
  const [chosen, setChosen] = useState(0);
  const choice = choices[Math.min(chosen, choices.length - 1)]!;
  const quantity = useActiveModel((model) => getQuantity(model, choice.ref));
  const [source, setSource] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sourceId = useId();
  const noteId = useId();
  const headingId = useId();

  function pick(index: number) {
    setChosen(index);
    setSource(null);
    setNote(null);
    setError(null);
  }

  function save() {
    const text = { source: source ?? quantity?.source ?? '', note: note ?? quantity?.note ?? '' };
    const problem = run({ op: 'setQuantityText', ref: choice.ref, text }, `Saved the source and note of ${choice.label}.`);
    if (problem) setError(problem);
    else onClose();
  }

  return (
    <div
      className="st-words"
      role="group"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="st-words-head">
        <h4 id={headingId}>Source and note of {choice.label}</h4>
        {choices.length > 1 && (
          <div className="segmented" role="group" aria-label="Which number">
            {choices.map((c, i) => (
              <button key={quantityKey(c.ref)} type="button" aria-pressed={i === chosen} onClick={() => pick(i)}>
                {c.label}
              </button>
            ))}
          </div>
        )}
      </div>
      <label htmlFor={sourceId}>Source</label>
      <textarea
        id={sourceId}
        autoFocus
        rows={2}
        maxLength={LONG_TEXT_BOX_LENGTH}
        value={source ?? quantity?.source ?? ''}
        placeholder="Where the number comes from: a report and its words, a page, a call…"
        aria-label={`Source of ${choice.label}`}
        onChange={(event) => setSource(event.currentTarget.value)}
      />
      <label htmlFor={noteId}>Note</label>
      <textarea
        id={noteId}
        rows={2}
        maxLength={LONG_TEXT_BOX_LENGTH}
        value={note ?? quantity?.note ?? ''}
        placeholder="Why the number is what it is: the reasoning behind an assumption, or a caveat"
        aria-label={`Note on ${choice.label}`}
        onChange={(event) => setNote(event.currentTarget.value)}
      />
      <p className="st-hint muted">With a source the number shows as “Source”; without one it is an assumption.</p>
      <EditProblem text={error} place="below" />
      <div className="st-actions">
        <button type="button" className="st-primary" onClick={save}>
          Save
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}
