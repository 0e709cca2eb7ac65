/**
 * Shares from a CSV file or a range pasted from a spreadsheet: the rows as read, each with what it
 * will do or why it cannot, each list's sum — and one button that applies them all as one
 * undoable edit, enabled only when every row is right.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { MAX_IMPORT_CHARACTERS, MAX_IMPORT_ROWS, previewShareImport, SHARE_IMPORT_RULES, type ImportRow } from '../../model/shareImport';
import { useActiveModel } from '../assumptions/useModelSelectors';
import { formatCountOf, formatPercent } from '../format';
import { EditProblem } from './EditProblem';
import { useStructure } from './structureContext';
import { useSlidecast } from '../../state/store';
import { formatCount } from '../../model/messageValue';

/** Rows shown in the preview; every row in error is shown however many there are. */
const PREVIEW_ROWS = 200;
/**
 * How long typing must pause before the paste is checked again. Checking thousands of rows on
 * every keystroke made typing in a long paste stutter (issue 9); a paste or a file is one change,
 * checked once.
 */
export const PREVIEW_DELAY_MS = 200;

const SEPARATOR_WORDS = { tab: 'tabs', semicolon: 'semicolons', comma: 'commas' } as const;

/** `value` once it has stopped changing for `delayMs`. */
function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, settled, delayMs]);
  return settled;
}

function statusText(row: ImportRow): string {
  switch (row.status) {
    case 'header':
      return 'Header, skipped';
    case 'update':
      return 'Update';
    case 'new':
      return `New: ${row.message ?? ''}`;
    case 'error':
      return row.message ?? 'Error';
  }
}

export interface ImportSharesProps {
  /** The dimension chosen (null: the first). */
  dimensionId: string | null;
  onDimension: (dimensionId: string) => void;
}

export function ImportShares({ dimensionId: chosen, onDimension }: ImportSharesProps) {
  const { run, allScenarios } = useStructure();
  const scenarioCount = useSlidecast((s) => s.workspace.scenarios.length);
  const model = useActiveModel((m) => m);
  const dimensions = model.dimensions;
  const [text, setText] = useState('');
  const [createMissing, setCreateMissing] = useState(false);
  const [scaleToWhole, setScaleToWhole] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { dimension: useId(), text: useId(), file: useId(), rules: useId() };
  const dimensionId = dimensions.some((d) => d.id === chosen) ? chosen! : (dimensions[0]?.id ?? '');

  const checkedText = useSettledValue(text, PREVIEW_DELAY_MS);
  // While typing goes on, the preview is of the text as it was at the last pause: it cannot be
  // imported until it is checked again.
  const upToDate = checkedText === text;
  const checked = useMemo(
    () => (checkedText.trim() === '' ? undefined : previewShareImport(model, checkedText, { dimensionId, createMissing, scaleToWhole })),
    [model, checkedText, dimensionId, createMissing, scaleToWhole],
  );
  const preview = text.trim() === '' ? undefined : checked;

  if (dimensions.length === 0) {
    return (
      <section className="panel st-panel" aria-labelledby="st-import-heading">
        <h2 id="st-import-heading">Import shares</h2>
        <p className="muted">Add a dimension first: shares split a dimension among its members.</p>
      </section>
    );
  }

  const shownRows = preview ? preview.rows.filter((r, i) => i < PREVIEW_ROWS || r.status === 'error') : [];
  const dimensionName = dimensions.find((d) => d.id === dimensionId)?.name ?? '';
  const entries = preview?.op?.lists.reduce((n, l) => n + l.entries.length, 0) ?? 0;

  return (
    <section className="panel st-panel st-import" aria-labelledby="st-import-heading">
      <div className="st-panel-head">
        <h2 id="st-import-heading">Import shares</h2>
      </div>
      <div className="st-import-body">
        <div className="st-import-input">
          <ul className="st-rules muted" id={ids.rules}>
            {SHARE_IMPORT_RULES.map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ul>
          <div className="st-line">
            <label className="st-line-label" htmlFor={ids.dimension}>
              Into
            </label>
            <select id={ids.dimension} value={dimensionId} onChange={(event) => onDimension(event.currentTarget.value)}>
              {dimensions.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
            <label className="st-file">
              <input
                id={ids.file}
                type="file"
                accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
                onChange={async (event) => {
                  const file = event.currentTarget.files?.[0];
                  event.currentTarget.value = '';
                  if (!file) return;
                  if (file.size > MAX_IMPORT_CHARACTERS) {
                    setProblem(`“${file.name}” is ${(file.size / 1e6).toFixed(1)} MB; a share file may be at most ${MAX_IMPORT_CHARACTERS / 1e6} MB`);
                    return;
                  }
                  try {
                    setText(await file.text());
                    setProblem(null);
                  } catch {
                    setProblem(`“${file.name}” could not be read`);
                  }
                }}
              />
              <span>Open a CSV file…</span>
            </label>
          </div>
          <label className="st-labelled" htmlFor={ids.text}>
            <span>Rows to import (paste cells from a spreadsheet, or CSV)</span>
          </label>
          <textarea
            id={ids.text}
            className="st-paste"
            rows={6}
            data-focus-key="import-rows"
            value={text}
            spellCheck={false}
            aria-describedby={ids.rules}
            placeholder={'Region\tShare\nNorth America\t40%\nEurope\t30%'}
            onChange={(event) => setText(event.currentTarget.value)}
          />
          <div className="st-line">
            <label className="check">
              <input type="checkbox" checked={createMissing} onChange={(event) => setCreateMissing(event.currentTarget.checked)} />
              Create missing members
            </label>
            <label className="check">
              <input type="checkbox" checked={scaleToWhole} onChange={(event) => setScaleToWhole(event.currentTarget.checked)} />
              Scale each list to 100%
            </label>
          </div>
          <EditProblem text={problem} place="below" />
          <div className="st-actions">
            <button
              type="button"
              className="st-primary"
              disabled={!preview?.op || !upToDate}
              onClick={() => {
                if (!preview?.op || !upToDate) return;
                const lists = preview.op.lists.length;
                const error = run(preview.op, {
                  text: `Imported ${entries} shares into ${lists === 1 ? preview.lists[0]!.ownerName : `${lists} lists of ${dimensionName}`}.`,
                  undoable: true,
                });
                setProblem(error ?? null);
                if (!error) setText('');
              }}
            >
              {preview?.op ? `Import ${entries} shares${allScenarios ? ` into all ${scenarioCount} scenarios` : ''}` : 'Import'}
            </button>
            {text !== '' && (
              <button type="button" onClick={() => setText('')}>
                Clear
              </button>
            )}
          </div>
        </div>
        {!preview && !upToDate && text.trim() !== '' && <p className="muted st-preview-empty">Checking the rows…</p>}
        {!preview && (upToDate || text.trim() === '') && (
          <p className="muted st-preview-empty">Paste rows or open a file: each row is checked and shown here before anything changes.</p>
        )}
        {preview && (
          <div className="st-preview" data-testid="import-preview" aria-busy={!upToDate}>
            <p className="st-preview-summary">
              {formatCountOf(preview.rows.filter((r) => r.status !== 'header').length, 'row')}, separated by {SEPARATOR_WORDS[preview.separator]}; numbers without % read as{' '}
              {preview.bareNumbers === 'percent' ? 'percents (40 = 40%)' : 'fractions (0.4 = 40%)'}.
              {!upToDate && <span className="muted"> Checking the changes…</span>}
            </p>
            {preview.errorCount > 0 && (
              <p role="alert" className="field-error">
                {preview.error ?? `${formatCountOf(preview.errorCount, 'problem')} to fix before importing: see below.`}
              </p>
            )}
            {shownRows.length > 0 && (
              <div className="table-scroll st-preview-scroll">
                <table className="member-table st-preview-table">
                  <caption className="st-caption">Preview: shares into {dimensionName}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        Row
                      </th>
                      <th scope="col">Parent</th>
                      <th scope="col">Member</th>
                      <th scope="col" className="num">
                        Share
                      </th>
                      <th scope="col" className="num">
                        Now
                      </th>
                      <th scope="col">Result</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shownRows.map((row) => (
                      <tr key={row.row} className={`st-import-${row.status}`} data-row={row.row}>
                        <td className="num">{row.row}</td>
                        <td>{row.parent ?? (row.status === 'header' ? '' : dimensionName)}</td>
                        <th scope="row">{row.member}</th>
                        <td className="num">{row.share === undefined ? row.shareText : formatPercent(row.share, 2)}</td>
                        <td className="num">{row.current === undefined ? '—' : formatPercent(row.current, 2)}</td>
                        <td>{statusText(row)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {preview.rows.length > shownRows.length && (
              <p className="muted">
                {formatCountOf(preview.rows.length - shownRows.length, 'more row')} not shown (at most {formatCount(MAX_IMPORT_ROWS)} in one import).
              </p>
            )}
            <ul className="st-list-notes">
              {preview.lists.filter((list) => list.error || list.entries.length > 0).map((list) => (
                <li key={list.parentPath.join('/')} className={list.error ? 'field-error' : undefined} role={list.error ? 'alert' : undefined}>
                  {list.error ??
                    [
                      `${list.ownerName}: ${list.entries.length} shares`,
                      list.scaled ? `summing to ${formatPercent(list.sum, 2)}, scaled to 100%` : 'summing to 100%',
                      list.zeroed.length > 0 ? `not in the paste, set to 0%: ${list.zeroed.join(', ')}` : '',
                    ]
                      .filter(Boolean)
                      .join('; ')}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
