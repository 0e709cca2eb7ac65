/**
 * Growth drivers and restraints: added with a name and an impact, renamed, reordered, removed, and
 * their impact typed here (its timing stays on the assumptions panel).
 */
import { useState } from 'react';
import type { Driver } from '../../model/types';
import { useSlidecast } from '../../state/store';
import { setQuantityValue } from '../../model/modelEdits';
import { useActiveModel } from '../assumptions/useModelSelectors';
import { EditProblem } from './EditProblem';
import { NameField, NumberBox, NumberField, readOptionalNumber } from './fields';
import { QuantityWords } from './QuantityWords';
import { MoveButtons, NotesButton, RemoveButton, useListRow, type MoveFrom } from './RowControls';
import { useStructure } from './structureContext';
import { SHORT_TEXT_BOX_LENGTH } from '../textBoxLength';

function DriverRow({ driver, index, count, unit }: { driver: Driver; index: number; count: number; unit: string }) {
  const { run } = useStructure();
  const editModel = useSlidecast((s) => s.editModel);
  const [words, setWords] = useState(false);
  const { problem, focusKey, move: moveRow, remove } = useListRow('driver-', driver.id);
  const ref = { kind: 'driverImpact', driverId: driver.id } as const;
  const move = (offset: number, from: MoveFrom) => moveRow({ op: 'moveDriver', driverId: driver.id, offset }, from);

  return (
    <li className="st-item" data-driver={driver.id}>
      <div className="st-row">
        <NameField
          label={`Name of driver ${driver.name}`}
          value={driver.name}
          focusKey={focusKey('name')}
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
          <MoveButtons name={driver.name} index={index} count={count} focusKey={focusKey} onMove={move} />
          <NotesButton name={driver.name} open={words} focusKey={focusKey('notes')} onToggle={() => setWords((o) => !o)} />
          <RemoveButton
            name={driver.name}
            onRemove={() => remove({ op: 'removeDriver', driverId: driver.id }, { text: `Removed the driver “${driver.name}”.`, undoable: true }, 'add-driver')}
          />
        </span>
      </div>
      <EditProblem text={problem} place="below" />
      {words && <QuantityWords choices={[{ ref, label: `${driver.name} impact` }]} onClose={() => setWords(false)} returnFocus={focusKey('notes')} />}
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
        const typed = readOptionalNumber(impact, 'rate');
        if (!typed.ok) {
          setProblem(`Impact: ${typed.message}`);
          return;
        }
        const error = run({ op: 'addDriver', name, impact: typed.value ?? 0 }, `Added the driver “${name.trim()}”; it acts from the year after the base year.`);
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
        maxLength={SHORT_TEXT_BOX_LENGTH}
      />
      <NumberBox
        unit="% a year"
        value={impact}
        placeholder="0"
        aria-label="Impact of the new driver (% a year)"
        title="Growth it adds a year; negative for a restraint"
        onChange={(event) => setImpact(event.currentTarget.value)}
      />
      <button type="submit" className="st-small">
        Add
      </button>
      <EditProblem text={problem} place="inline" />
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
