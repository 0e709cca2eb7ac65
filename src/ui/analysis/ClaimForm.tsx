/**
 * The form of one claim, new or edited: the fields of the file (DESIGN.md §3 "Claims"), each
 * refused field named under itself (role `alert`) by the file's own words. Enter in a box saves;
 * Escape anywhere in the form cancels. The form's first box takes the focus when it opens; after a
 * refusal, the first refused field does.
 */
import { useEffect, useId, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { buildLayout } from '../../engine/forecastLayout';
import type { LoadIssue } from '../../model/loadError';
import { memberName } from '../../model/quantityRef';
import type { ClaimMetric, ClaimOp, Model } from '../../model/types';
import { CLAIM_FIELD_LABELS, claimValueKind, isDraftField, type ClaimDraft, type ClaimDraftField } from './claimDraft';
import { SHORT_TEXT_BOX_LENGTH, LONG_TEXT_BOX_LENGTH } from '../textBoxLength';

const METRICS: { id: ClaimMetric; label: string }[] = [
  { id: 'size', label: 'Size in a year' },
  { id: 'cagr', label: 'CAGR over years' },
  { id: 'share', label: 'Share of the market in a year' },
];

const OPS: { id: ClaimOp; label: string }[] = [
  { id: 'approx', label: 'about (≈)' },
  { id: 'atLeast', label: 'at least (≥)' },
  { id: 'atMost', label: 'at most (≤)' },
];

export interface ClaimFormProps {
  /** "New claim", or "Edit claim “…”". */
  title: string;
  draft: ClaimDraft;
  onChange: (draft: ClaimDraft) => void;
  /** Issues of the last attempt to save, by field ('' or another path: the claim as a whole). */
  issues: readonly LoadIssue[];
  /** The model of the scenario on screen: its unit, and its members for the picker. */
  model: Model;
  onSave: () => void;
  onCancel: () => void;
  saveLabel: string;
}

/** The model's members, nested ones included, by their one name ("Region › North America: United States"). */
function useMemberOptions(model: Model, current: string): { path: string; name: string }[] {
  return useMemo(() => {
    // The layout's series are every member, depth first, keyed by path: the one rule of member paths.
    const options = buildLayout(model).series.map((info) => ({ path: info.key, name: memberName(model, info.key.split('/')) }));
    if (current !== '' && !options.some((option) => option.path === current)) options.push({ path: current, name: `${current} (not in this scenario)` });
    return options;
  }, [model, current]);
}

export function ClaimForm({ title, draft, onChange, issues, model, onSave, onCancel, saveLabel }: ClaimFormProps) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const members = useMemberOptions(model, draft.member);
  const unit = model.unit;
  const valueUnit = claimValueKind(draft.metric) === 'size' ? unit : '%';
  const toleranceUnit = draft.metric === 'size' ? unit : 'pp';
  const issueOf = (field: ClaimDraftField) => issues.find((issue) => issue.path === field);
  const otherIssues = issues.filter((issue) => !isDraftField(issue.path));

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[data-first-field]')?.focus();
  }, []);
  useEffect(() => {
    if (issues.length > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [issues]);

  const set = <K extends keyof ClaimDraft>(field: K, value: ClaimDraft[K]) => onChange({ ...draft, [field]: value });

  function field(name: ClaimDraftField, control: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode, suffix?: string, wide = false) {
    const issue = issueOf(name);
    const controlId = `${id}-${name}`;
    const errorId = `${controlId}-error`;
    return (
      <div className={`an-field${wide ? ' an-field-wide' : ''}`} data-field={name}>
        <label htmlFor={controlId}>
          {CLAIM_FIELD_LABELS[name]}
          {suffix && <span className="an-unit"> ({suffix})</span>}
        </label>
        {control({ id: controlId, 'aria-invalid': issue !== undefined, ...(issue ? { 'aria-describedby': errorId } : {}) })}
        {issue && (
          <span id={errorId} role="alert" className="field-error">
            {CLAIM_FIELD_LABELS[name]}: {issue.message}
          </span>
        )}
      </div>
    );
  }

  const text = (name: 'year' | 'fromYear' | 'toYear' | 'value' | 'tolerance', placeholder?: string) =>
    field(
      name,
      (props) => (
        <input
          {...props}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          className={name === 'value' || name === 'tolerance' ? 'an-number' : 'an-year'}
          value={draft[name]}
          placeholder={placeholder}
          onChange={(event) => set(name, event.currentTarget.value)}
        />
      ),
      name === 'value' ? valueUnit : name === 'tolerance' ? `± ${toleranceUnit}` : undefined,
    );

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  }

  return (
    <form
      ref={form}
      className="an-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <h4 id={`${id}-title`} className="an-form-title">
        {title}
      </h4>
      <div className="an-form-grid">
        {field(
          'label',
          (props) => <input {...props} type="text" data-first-field maxLength={SHORT_TEXT_BOX_LENGTH} value={draft.label} onChange={(event) => set('label', event.currentTarget.value)} />,
          undefined,
          true,
        )}
        {field('metric', (props) => (
          <select {...props} value={draft.metric} onChange={(event) => set('metric', event.currentTarget.value as ClaimMetric)}>
            {METRICS.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        ))}
        {draft.metric === 'cagr' ? (
          <>
            {text('fromYear')}
            {text('toYear')}
          </>
        ) : (
          text('year')
        )}
        {field('member', (props) => (
          <select {...props} value={draft.member} onChange={(event) => set('member', event.currentTarget.value)}>
            <option value="">{draft.metric === 'share' ? '— choose a member —' : 'The total market'}</option>
            {members.map((m) => (
              <option key={m.path} value={m.path}>
                {m.name}
              </option>
            ))}
          </select>
        ))}
        {field('op', (props) => (
          <select {...props} value={draft.op} onChange={(event) => set('op', event.currentTarget.value as ClaimOp)}>
            {OPS.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        ))}
        {text('value', draft.metric === 'size' ? undefined : 'e.g. 5.2')}
        {text('tolerance', draft.metric === 'size' ? '5% of the value' : '0.5')}
        {field(
          'source',
          (props) => <textarea {...props} rows={2} maxLength={LONG_TEXT_BOX_LENGTH} value={draft.source} onChange={(event) => set('source', event.currentTarget.value)} />,
          undefined,
          true,
        )}
      </div>
      {otherIssues.map((issue) => (
        <p key={`${issue.path}:${issue.message}`} role="alert" className="field-error">
          {issue.path ? `${issue.path}: ` : ''}
          {issue.message}
        </p>
      ))}
      <div className="an-form-actions">
        <button type="submit" className="an-primary">
          {saveLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <span className="muted an-hint">Esc cancels. The tolerance counts for “about” only; empty: the default.</span>
      </div>
    </form>
  );
}
