/**
 * The market as a whole: the workspace's title, the unit of every size, the years, the size in the
 * base year and the trend growth, with their sources and notes.
 */
import { useId, useMemo, useState } from 'react';
import { driversStartingOutside } from '../../model/structureOps';
import { formatNumberForMessage } from '../../model/messageValue';
import { unitConversion } from '../../model/unit';
import { useSlidecast } from '../../state/store';
import { setQuantityValue } from '../../model/modelEdits';
import { setWorkspaceTitle } from '../../state/structureEdits';
import { useActiveModel } from '../assumptions/useModelSelectors';
import { formatSize } from '../format';
import { EditProblem } from './EditProblem';
import { NameField, NumberField } from './fields';
import { QuantityWords } from './QuantityWords';
import { NotesButton } from './RowControls';
import { useStructure } from './structureContext';
import { SHORT_TEXT_BOX_LENGTH } from '../textBoxLength';

const UNIT_SUGGESTIONS = ['USD bn', 'USD m', 'EUR bn', 'EUR m', 'GBP m', 'JPY bn', 'CNY bn', 'units sold', 'units sold (m)', 'users (m)'];

function TitleField() {
  const title = useSlidecast((s) => s.workspace.title);
  const editWorkspace = useSlidecast((s) => s.editWorkspace);
  return (
    <div className="st-line">
      <span className="st-line-label" aria-hidden="true">
        Title
      </span>
      <NameField
        label="Workspace title"
        value={title}
        className="st-grow"
        onCommit={(text) => {
          let error: string | undefined;
          editWorkspace('title', (ws) => {
            error = setWorkspaceTitle(ws, text);
          });
          return error;
        }}
      />
    </div>
  );
}

function UnitForm() {
  const { run } = useStructure();
  const unit = useActiveModel((model) => model.unit);
  const baseSize = useActiveModel((model) => model.baseSize.value);
  const [draft, setDraft] = useState<string | null>(null);
  const [convert, setConvert] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const listId = useId();
  const text = draft ?? unit;
  const factor = unitConversion(unit, text);
  return (
    <form
      className="st-line"
      aria-label="Set the unit"
      onSubmit={(event) => {
        event.preventDefault();
        const doConvert = factor !== undefined && convert;
        const error = run(
          { op: 'setUnit', unit: text, convert: doConvert },
          doConvert ? `Unit set to ${text.trim()}; the market size converted (× ${factor >= 1 ? factor.toLocaleString('en-US') : formatNumberForMessage(factor)}).` : `Unit set to ${text.trim()}; the numbers are unchanged.`,
        );
        setProblem(error ?? null);
        if (!error) setDraft(null);
      }}
    >
      <label className="st-line-label" htmlFor={`${listId}-input`}>
        Unit
      </label>
      <input
        id={`${listId}-input`}
        type="text"
        className="st-name st-unit-input"
        list={listId}
        value={text}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={(event) => event.key === 'Escape' && setDraft(null)}
        maxLength={SHORT_TEXT_BOX_LENGTH}
      />
      <datalist id={listId}>
        {UNIT_SUGGESTIONS.map((u) => (
          <option key={u} value={u} />
        ))}
      </datalist>
      {factor !== undefined && (
        <label className="check">
          <input type="checkbox" checked={convert} onChange={(event) => setConvert(event.currentTarget.checked)} />
          Convert the size: {formatSize(baseSize, unit)} → {formatSize(baseSize * factor, text.trim())}
        </label>
      )}
      <button type="submit" className="st-small" disabled={text.trim() === unit}>
        Set unit
      </button>
      <EditProblem text={problem} place="form" />
    </form>
  );
}

function YearsForm() {
  const { run } = useStructure();
  const baseYear = useActiveModel((model) => model.baseYear);
  const endYear = useActiveModel((model) => model.endYear);
  const drivers = useActiveModel((model) => model.drivers);
  const baseSize = useActiveModel((model) => model.baseSize);
  const unit = useActiveModel((model) => model.unit);
  const outside = useMemo(() => driversStartingOutside({ baseYear, endYear, drivers }), [baseYear, endYear, drivers]);
  // Typed years; null shows the model's (so undo, or another scenario shown, shows theirs).
  const [baseDraft, setBase] = useState<string | null>(null);
  const [endDraft, setEnd] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const baseId = useId();
  const endId = useId();
  const base = baseDraft ?? String(baseYear);
  const end = endDraft ?? String(endYear);

  const changed = base !== String(baseYear) || end !== String(endYear);
  return (
    <form
      className="st-line st-years"
      aria-label="Set the years"
      onSubmit={(event) => {
        event.preventDefault();
        const b = base.trim() === '' ? Number.NaN : Number(base);
        const e = end.trim() === '' ? Number.NaN : Number(end);
        // The size is the base year's: a new base year re-dates it, which a sourced number never silently is.
        const redated =
          b !== baseYear && Number.isInteger(b)
            ? ` The market size, ${formatSize(baseSize.value, unit)}, now stands for ${b}: it was ${baseYear}’s${baseSize.source ? ', as its source gives it' : ''}. Set ${b}’s size if it differs.`
            : '';
        const error = run({ op: 'setYears', baseYear: b, endYear: e }, `Years set to ${b}–${e} (${e - b} years of forecast).${redated}`);
        setProblem(error ?? null);
        if (!error) {
          setBase(null);
          setEnd(null);
        }
      }}
    >
      <label className="st-line-label" htmlFor={baseId}>
        Base year
      </label>
      <input id={baseId} type="number" className="st-year" value={base} step={1} onChange={(event) => setBase(event.currentTarget.value)} />
      <label htmlFor={endId}>End year</label>
      <input id={endId} type="number" className="st-year" value={end} step={1} onChange={(event) => setEnd(event.currentTarget.value)} />
      <button type="submit" className="st-small" disabled={!changed}>
        Set years
      </button>
      <EditProblem text={problem} place="form" />
      {outside.length > 0 && (
        <p className="st-note st-form-error" data-testid="drivers-outside-years">
          Start years kept as written, outside {baseYear}–{endYear}:{' '}
          {outside.map((o, i) => (
            <span key={o.driver.id}>
              {i > 0 && '; '}
              <bdi>{o.driver.name}</bdi> ({o.startYear}, {o.when === 'before' ? 'acting from the first year' : 'not acting within these years'})
            </span>
          ))}
          .
        </p>
      )}
    </form>
  );
}

function MarketNumber({ which }: { which: 'baseSize' | 'baseGrowth' }) {
  const editModel = useSlidecast((s) => s.editModel);
  const value = useActiveModel((model) => model[which].value);
  const unit = useActiveModel((model) => model.unit);
  const baseYear = useActiveModel((model) => model.baseYear);
  const [words, setWords] = useState(false);
  const label = which === 'baseSize' ? `Market size ${baseYear}` : 'Trend growth';
  const ref = { kind: which } as const;
  return (
    <div className="st-item">
      <div className="st-line">
        <span className="st-line-label" aria-hidden="true">
          {which === 'baseSize' ? `Size in ${baseYear}` : 'Trend growth'}
        </span>
        <NumberField
          label={label}
          value={value}
          kind={which === 'baseSize' ? 'size' : 'rate'}
          unit={unit}
          onCommit={(v) => {
            editModel(which, (model) => setQuantityValue(model, ref, v));
            return undefined;
          }}
        />
        <NotesButton name={label} open={words} focusKey={`notes:${which}`} onToggle={() => setWords((o) => !o)} />
      </div>
      {words && <QuantityWords choices={[{ ref, label }]} onClose={() => setWords(false)} returnFocus={`notes:${which}`} />}
    </div>
  );
}

export function MarketPanel() {
  return (
    <section className="panel st-panel" aria-labelledby="st-market-heading">
      <div className="st-panel-head">
        <h2 id="st-market-heading">Market</h2>
      </div>
      <TitleField />
      <UnitForm />
      <YearsForm />
      <MarketNumber which="baseSize" />
      <MarketNumber which="baseGrowth" />
    </section>
  );
}
