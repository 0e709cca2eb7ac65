/**
 * Growth drivers and restraints: added with a name and an impact, renamed, reordered, removed, and
 * their impact typed here (its timing stays on the assumptions panel).
 */
import { useState } from 'react';
import type { Driver } from '../../model/types';
import { parseQuantityInput } from '../quantityInput';
import { useSlidecast } from '../../state/store';
import { setQuantityValue } from '../../state/modelEdits';
import { useActiveModel } from '../assumptions/useModelSelectors';
import { NameField, NumberField } from './fields';
import { QuantityWords } from './QuantityWords';
import { refocus, useStructure } from './structureContext';

function DriverRow({ driver, index, count, unit }: { driver: Driver; index: number; count: number; unit: string }) {
  const { run } = useStructure();
  const editModel = useSlidecast((s) => s.editModel);
  const [words, setWords] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const key = driver.id;
  const ref = { kind: 'driverImpact', driverId: driver.id } as const;

  function move(offset: number, from: 'up' | 'down' | 'name') {
    setProblem(run({ op: 'moveDriver', driverId: driver.id, offset }) ?? null);
    if (from === 'name') refocus(`driver-name:${key}`);
    else refocus(`driver-${from}:${key}`, `driver-${from === 'up' ? 'down' : 'up'}:${key}`);
  }

  return (
    <li className="st-item" data-driver={driver.id}>
      <div className="st-row">
        <NameField
          label={`Name of driver ${driver.name}`}
          value={driver.name}
          focusKey={`driver-name:${key}`}
          onCommit={(name) => run({ op: 'renameDriver', driverId: driver.id, name })}
          onMove={(offset) => move(offset, 'name')}
        />
        <NumberField
          label={`${driver.name} impact`}
          value={driver.impact.value}
          kind="rate"
          unit={unit}
          title="Growth it adds a year once fully ramped in; negative for a restraint"
          onCommit={(value) => {
            editModel(`driver:${driver.id}`, (model) => setQuantityValue(model, ref, value));
            return undefined;
          }}
        />
        <span className="st-buttons">
          <button type="button" className="icon-button" data-focus-key={`driver-up:${key}`} disabled={index === 0} aria-label={`Move ${driver.name} up`} onClick={() => move(-1, 'up')}>
            ↑
          </button>
          <button
            type="button"
            className="icon-button"
            data-focus-key={`driver-down:${key}`}
            disabled={index === count - 1}
            aria-label={`Move ${driver.name} down`}
            onClick={() => move(1, 'down')}
          >
            ↓
          </button>
          <button
            type="button"
            className="st-small"
            data-focus-key={`driver-notes:${key}`}
            aria-expanded={words}
            aria-label={`Source and note of ${driver.name}`}
            onClick={() => setWords((o) => !o)}
          >
            Notes
          </button>
          <button
            type="button"
            className="icon-button st-remove"
            aria-label={`Remove ${driver.name}`}
            onClick={() => {
              const error = run({ op: 'removeDriver', driverId: driver.id }, { text: `Removed the driver “${driver.name}”.`, undoable: true });
              setProblem(error ?? null);
              if (!error) refocus('add-driver');
            }}
          >
            ✕
          </button>
        </span>
      </div>
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
      {words && <QuantityWords choices={[{ ref, label: `${driver.name} impact` }]} onClose={() => setWords(false)} returnFocus={`driver-notes:${key}`} />}
    </li>
  );
}

function AddDriverForm() {
  const { run } = useStructure();
  const [name, setName] = useState('');
  const [impact, setImpact] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="st-add"
      aria-label="Add a driver"
      onSubmit={(event) => {
        event.preventDefault();
        let value = 0;
        if (impact.trim() !== '') {
          const parsed = parseQuantityInput(impact, 'rate');
          if (!parsed.ok) {
            setProblem(`Impact: ${parsed.message}`);
            return;
          }
          value = parsed.value;
        }
        const error = run({ op: 'addDriver', name, impact: value }, `Added the driver “${name.trim()}”; it acts from the year after the base year.`);
        setProblem(error ?? null);
        if (!error) {
          setName('');
          setImpact('');
        }
      }}
    >
      <input
        type="text"
        className="st-name"
        value={name}
        placeholder="New driver or restraint"
        aria-label="New driver"
        data-focus-key="add-driver"
        onChange={(event) => setName(event.currentTarget.value)}
        maxLength={400}
      />
      <span className="st-number-box">
        <input
          type="text"
          inputMode="decimal"
          value={impact}
          placeholder="0"
          aria-label="Impact of the new driver (% a year)"
          title="Growth it adds a year; negative for a restraint"
          onChange={(event) => setImpact(event.currentTarget.value)}
        />
        <span className="st-unit" aria-hidden="true">
          % a year
        </span>
      </span>
      <button type="submit" className="st-small">
        Add
      </button>
      {problem && (
        <span role="alert" className="field-error st-error">
          {problem}
        </span>
      )}
    </form>
  );
}

export function DriversPanel() {
  const drivers = useActiveModel((model) => model.drivers);
  const unit = useActiveModel((model) => model.unit);
  return (
    <section className="panel st-panel" aria-labelledby="st-drivers-heading">
      <div className="st-panel-head">
        <h2 id="st-drivers-heading">Drivers and restraints</h2>
        <p className="muted st-hint">Impact: growth added a year (negative for a restraint). Timing is on the Model view.</p>
      </div>
      {drivers.length === 0 ? (
        <p className="muted">No drivers: the market grows at its trend rate.</p>
      ) : (
        <ol className="st-members st-drivers" aria-label="Drivers and restraints">
          {drivers.map((driver, index) => (
            <DriverRow key={driver.id} driver={driver} index={index} count={drivers.length} unit={unit} />
          ))}
        </ol>
      )}
      <AddDriverForm />
    </section>
  );
}
