/**
 * The dimensions that split the total (product type, region, channel…): each with its members and
 * their breakdowns, renamed, reordered and removed here, and a form to add a dimension with its
 * members in one go.
 */
import { useState } from 'react';
import type { Dimension } from '../../model/types';
import { useActiveModel } from '../assumptions/useModelSelectors';
import { EditProblem } from './EditProblem';
import { NameField } from './fields';
import { MemberRows, splitNames } from './MemberRows';
import { MoveButtons, useListRow, type MoveFrom } from './RowControls';
import { useStructure } from './structureContext';
import { SHORT_TEXT_BOX_LENGTH } from '../textBoxLength';
import { formatCountOf } from '../format';

function countParts(dimension: Dimension): number {
  let count = 0;
  const visit = (members: Dimension['members']) => {
    for (const m of members) {
      count += 1;
      if (m.children) visit(m.children);
    }
  };
  visit(dimension.members);
  return count;
}

function DimensionCard({ dimension, index, count, unit }: { dimension: Dimension; index: number; count: number; unit: string }) {
  const { run, importInto } = useStructure();
  const { problem, focusKey, move: moveRow, remove } = useListRow('dimension-', dimension.id);
  const move = (offset: number, from: MoveFrom) => moveRow({ op: 'moveDimension', dimensionId: dimension.id, offset }, from);

  const members = countParts(dimension);
  return (
    <section className="st-dimension" aria-label={`Dimension ${dimension.name}`} data-dimension={dimension.id}>
      <div className="st-dimension-head">
        <NameField
          label={`Name of dimension ${dimension.name}`}
          value={dimension.name}
          className="st-dimension-name"
          focusKey={focusKey('name')}
          onCommit={(name) => run({ op: 'renameDimension', dimensionId: dimension.id, name })}
          onMove={(offset) => move(offset, 'name')}
        />
        <span className="st-buttons">
          <MoveButtons name={`dimension ${dimension.name}`} index={index} count={count} focusKey={focusKey} onMove={move} />
          <button type="button" className="st-small" aria-label={`Import shares into ${dimension.name}`} title="From a CSV file or cells pasted from a spreadsheet" onClick={() => importInto(dimension.id)}>
            Import…
          </button>
          <button
            type="button"
            className="st-small st-danger"
            aria-label={`Remove dimension ${dimension.name}`}
            onClick={() =>
              remove(
                { op: 'removeDimension', dimensionId: dimension.id },
                { text: `Removed the dimension “${dimension.name}” and its ${formatCountOf(members, 'member')}. The total is unchanged.`, undoable: true },
                'add-dimension',
              )
            }
          >
            Remove
          </button>
        </span>
      </div>
      <EditProblem text={problem} place="below" />
      <MemberRows parentPath={[dimension.id]} members={dimension.members} ownerName={dimension.name} unit={unit} />
    </section>
  );
}

function AddDimensionForm() {
  const { run } = useStructure();
  const [name, setName] = useState('');
  const [members, setMembers] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="st-add st-add-dimension"
      aria-label="Add a dimension"
      onSubmit={(event) => {
        event.preventDefault();
        const names = splitNames(members);
        const error = run(
          { op: 'addDimension', name, members: names },
          `Added the dimension “${name.trim()}” with ${formatCountOf(names.length, 'member')} in equal shares.`,
        );
        setProblem(error ?? null);
        if (!error) {
          setName('');
          setMembers('');
        }
      }}
    >
      <label className="st-labelled">
        <span>New dimension</span>
        <input
          type="text"
          className="st-name"
          value={name}
          placeholder="e.g. Channel"
          data-focus-key="add-dimension"
          onChange={(event) => setName(event.currentTarget.value)}
          maxLength={SHORT_TEXT_BOX_LENGTH}
        />
      </label>
      <label className="st-labelled st-grow">
        <span>Its members, separated by commas</span>
        <input type="text" className="st-name" value={members} placeholder="e.g. Retail, Online, Wholesale" onChange={(event) => setMembers(event.currentTarget.value)} />
      </label>
      <button type="submit" className="st-primary">
        Add dimension
      </button>
      <EditProblem text={problem} place="form" />
    </form>
  );
}

export function DimensionsPanel() {
  const dimensions = useActiveModel((model) => model.dimensions);
  const unit = useActiveModel((model) => model.unit);
  return (
    <section className="panel st-panel" aria-labelledby="st-dimensions-heading">
      <div className="st-panel-head">
        <h2 id="st-dimensions-heading">Dimensions</h2>
        <p className="muted st-hint">Each dimension splits the whole total; shares of a list add up to 100%. Alt+↑/↓ in a name moves it.</p>
      </div>
      {dimensions.length === 0 && <p className="muted">No dimensions: the model is one total. Add one to split it, by product, region, channel…</p>}
      {dimensions.length > 0 && (
        <div className="st-dimension-list">
          {dimensions.map((dimension, index) => (
            <DimensionCard key={dimension.id} dimension={dimension} index={index} count={dimensions.length} unit={unit} />
          ))}
        </div>
      )}
      <AddDimensionForm />
    </section>
  );
}
