/**
 * One list of members (a dimension's, or a member's breakdown) as rows to edit: name, share (with
 * a lock, as on the assumptions panel), order, source and note, a breakdown, removal — and a form
 * to add a member, whose share comes from its unlocked siblings.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { Member } from '../../model/types';
import { splitRows } from '../../model/shareImport';
import { quantityKey, quantityLabel, quantityName } from '../../model/quantityRef';
import { useActiveModel } from '../assumptions/useModelSelectors';
import { LockButton } from '../assumptions/LockButton';
import { setMemberShare } from '../../model/modelEdits';
import { useSlidecast } from '../../state/store';
import { formatCountOf, formatPercent } from '../format';
import { EditProblem } from './EditProblem';
import { NameField, NumberBox, NumberField, readOptionalNumber } from './fields';
import { QuantityWords } from './QuantityWords';
import { MoveButtons, NotesButton, RemoveButton, useListRow, type MoveFrom } from './RowControls';
import { useStructure } from './structureContext';
import { useListLocks } from '../../state/shareLocks';
import { SHORT_TEXT_BOX_LENGTH } from '../textBoxLength';

export interface MemberRowsProps {
  /** `[dimensionId, …parent member ids]`. */
  parentPath: readonly string[];
  members: readonly Member[];
  /** The dimension's or the parent member's name. */
  ownerName: string;
  unit: string;
}

/** Splits "Retail, Online; Wholesale" into names; "Edge, devices" in quotes is one. */
export function splitNames(text: string): string[] {
  // The paste's rule (quotes as in CSV): "Edge, devices" is one name.
  return splitRows(text, ',;')
    .flat()
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

export function MemberRows({ parentPath, members, ownerName, unit }: MemberRowsProps) {
  // The same locks as the assumptions panel's (src/state/shareLocks.ts): a lock holds everywhere.
  const locks = useListLocks(parentPath, members);
  const key = parentPath.join('/');
  return (
    <div className="st-list" data-list={key}>
      <ul className="st-members" aria-label={parentPath.length === 1 ? `Members of ${ownerName}` : `Parts of ${ownerName}`}>
        {members.map((member, index) => (
          <MemberRow
            key={member.id}
            member={member}
            index={index}
            count={members.length}
            parentPath={parentPath}
            ownerName={ownerName}
            unit={unit}
            locked={locks.isLocked(member.id)}
            lockedIds={locks.lockedIds}
            othersLocked={locks.othersLocked(member.id)}
            lockedFlags={locks.flags}
            onLock={() => locks.toggle(member.id)}
          />
        ))}
      </ul>
      <AddMemberForm parentPath={parentPath} ownerName={ownerName} count={members.length} lockedIds={locks.lockedIds} />
    </div>
  );
}

interface MemberRowProps {
  member: Member;
  index: number;
  count: number;
  parentPath: readonly string[];
  ownerName: string;
  unit: string;
  locked: boolean;
  lockedIds: string[];
  othersLocked: boolean;
  lockedFlags: boolean[];
  onLock: () => void;
}

function MemberRow({ member, index, count, parentPath, ownerName, unit, locked, lockedIds, othersLocked, lockedFlags, onLock }: MemberRowProps) {
  const { run } = useStructure();
  const editModel = useSlidecast((s) => s.editModel);
  const [words, setWords] = useState(false);
  const [partsForm, setPartsForm] = useState(false);
  const partsButton = useRef<HTMLButtonElement>(null);
  const [expanded, setExpanded] = useState(false);
  const path = [...parentPath, member.id];
  const key = path.join('/');
  const { problem, focusKey, move: moveRow, remove: removeRow } = useListRow('', key);
  const children = member.children;
  // The same names as the assumptions panel's sliders (quantityName): "Region: Others share".
  const shareName = useActiveModel((model) => quantityName(model, { kind: 'memberShare', path }));
  const shareLabel = useActiveModel((model) => quantityLabel(model, { kind: 'memberShare', path }));
  const premiumLabel = useActiveModel((model) => quantityLabel(model, { kind: 'memberGrowthDelta', path }));
  const move = (offset: number, from: MoveFrom) => moveRow({ op: 'moveMember', path, offset }, from);

  function remove() {
    removeRow(
      { op: 'removeMember', path, locked: lockedIds },
      {
        text: `Removed “${member.name}”${children ? ` and its ${children.length} parts` : ''}; its ${formatPercent(member.share.value)} went to the other members of ${ownerName}.`,
        undoable: true,
      },
      `add:${parentPath.join('/')}`,
    );
  }

  return (
    <li className="st-item" data-member={key}>
      <div className="st-row">
        <NameField
          label={`Name of ${member.name}`}
          value={member.name}
          focusKey={focusKey('name')}
          onCommit={(name) => run({ op: 'renameMember', path, name })}
          onMove={(offset) => move(offset, 'name')}
        />
        <NumberField
          label={shareName}
          value={member.share.value}
          kind="share"
          unit={unit}
          disabled={locked || othersLocked}
          title={locked ? 'Locked' : othersLocked ? 'Every other member is locked' : `Share of ${ownerName}; the unlocked others make room`}
          onCommit={(value) => {
            editModel(quantityKey({ kind: 'memberShare', path }), (model) => setMemberShare(model, path, value, lockedFlags));
            return undefined;
          }}
        />
        <span className="st-buttons">
          <LockButton
            name={shareName}
            locked={locked}
            onToggle={onLock}
            title={locked ? 'Locked: adding, removing and other shares leave it alone' : 'Lock this share'}
          />
          <MoveButtons name={member.name} index={index} count={count} focusKey={focusKey} onMove={move} />
          <NotesButton name={member.name} open={words} focusKey={focusKey('notes')} onToggle={() => setWords((o) => !o)} />
          {children ? (
            <button
              type="button"
              className="st-small"
              aria-expanded={expanded}
              aria-label={`${expanded ? 'Hide' : 'Show'} the ${children.length} parts of ${member.name}`}
              onClick={() => setExpanded((o) => !o)}
            >
              Parts
            </button>
          ) : (
            <button
              type="button"
              ref={partsButton}
              className="st-small"
              aria-expanded={partsForm}
              aria-label={`Break ${member.name} down into parts`}
              onClick={() => setPartsForm((o) => !o)}
            >
              Parts
            </button>
          )}
          <RemoveButton
            name={member.name}
            title={count === 1 ? (parentPath.length === 1 ? 'The only member: remove the dimension instead' : 'The only part: remove the breakdown instead') : undefined}
            onRemove={remove}
          />
        </span>
      </div>
      <EditProblem text={problem} place="below" />
      {words && (
        <QuantityWords
          choices={[
            // Short names here: the editor sits in the member's own row.
            { ref: { kind: 'memberShare', path }, label: shareLabel },
            { ref: { kind: 'memberGrowthDelta', path }, label: premiumLabel },
          ]}
          onClose={() => setWords(false)}
          returnFocus={focusKey('notes')}
        />
      )}
      {partsForm && !children && (
        <AddPartsForm
          path={path}
          memberName={member.name}
          onDone={() => {
            setPartsForm(false);
            setExpanded(true);
          }}
          onCancel={() => {
            setPartsForm(false);
            partsButton.current?.focus();
          }}
        />
      )}
      {children && (
        <details className="st-children" open={expanded} onToggle={(event) => setExpanded(event.currentTarget.open)}>
          <summary>
            <bdi>{member.name}</bdi>: {formatCountOf(children.length, 'part')}
          </summary>
          {expanded && (
            <>
              <MemberRows parentPath={path} members={children} ownerName={member.name} unit={unit} />
              <button
                type="button"
                className="st-small st-danger"
                onClick={() =>
                  run(
                    { op: 'removeChildren', path },
                    { text: `Removed the breakdown of “${member.name}” (${children.length} parts).`, undoable: true },
                  )
                }
              >
                Remove the breakdown of {member.name}
              </button>
            </>
          )}
        </details>
      )}
    </li>
  );
}

/** Adds one member to a list: its name, and optionally its share (blank: an equal share, 1/(n+1)). */
function AddMemberForm({ parentPath, ownerName, count, lockedIds }: { parentPath: readonly string[]; ownerName: string; count: number; lockedIds: string[] }) {
  const { run } = useStructure();
  const [name, setName] = useState('');
  const [share, setShare] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const key = parentPath.join('/');

  function submit(event: FormEvent) {
    event.preventDefault();
    const typed = readOptionalNumber(share, 'share');
    if (!typed.ok) {
      setProblem(`Share: ${typed.message}`);
      return;
    }
    const given = typed.value;
    const cleaned = name.trim();
    const shareWords = given === undefined ? formatPercent(1 / (count + 1)) : formatPercent(given);
    const error = run(
      { op: 'addMember', parentPath: [...parentPath], name, ...(given === undefined ? {} : { share: given }), locked: lockedIds },
      `Added “${cleaned}” to ${ownerName} with ${shareWords}; the ${lockedIds.length > 0 ? 'unlocked ' : ''}others gave it up in proportion.`,
    );
    setProblem(error ?? null);
    if (!error) {
      setName('');
      setShare('');
    }
  }

  return (
    <form className="st-add" onSubmit={submit} aria-label={`Add a member to ${ownerName}`}>
      <input
        type="text"
        className="st-name"
        value={name}
        placeholder={parentPath.length === 1 ? 'New member' : 'New part'}
        aria-label={`New member of ${ownerName}`}
        data-focus-key={`add:${key}`}
        onChange={(event) => setName(event.currentTarget.value)}
        maxLength={SHORT_TEXT_BOX_LENGTH}
      />
      <NumberBox
        unit="%"
        value={share}
        placeholder={formatPercent(1 / (count + 1)).replace('%', '')}
        aria-label={`Share of the new member of ${ownerName} (%)`}
        title="Blank: an equal share, 1/(n+1); the others make room in proportion"
        onChange={(event) => setShare(event.currentTarget.value)}
      />
      <button type="submit" className="st-small">
        Add
      </button>
      <EditProblem text={problem} place="inline" />
    </form>
  );
}

/** Starts a member's breakdown: its parts, named in one go, in equal shares. Escape closes it. */
function AddPartsForm({ path, memberName, onDone, onCancel }: { path: string[]; memberName: string; onDone: () => void; onCancel: () => void }) {
  const { run } = useStructure();
  const [names, setNames] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="st-add st-parts"
      aria-label={`Parts of ${memberName}`}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onCancel();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        const list = splitNames(names);
        const error = run({ op: 'addChildren', path, names: list }, `Broke “${memberName}” down into ${list.length} equal parts.`);
        setProblem(error ?? null);
        if (!error) onDone();
      }}
    >
      <input
        type="text"
        className="st-name st-wide"
        value={names}
        placeholder="e.g. Germany, France, Italy"
        aria-label={`Parts of ${memberName}, separated by commas`}
        onChange={(event) => setNames(event.currentTarget.value)}
        autoFocus
      />
      <button type="submit" className="st-small">
        Add parts
      </button>
      <EditProblem text={problem} place="inline" />
    </form>
  );
}
