/**
 * A claim as the claims editor's form holds it: text, as typed — a size in the model's unit, a
 * CAGR or a share as a percent, a tolerance in the unit or in percentage points — and the fields
 * of the file it turns into. Only the writing of a number is judged here (`readTypedNumber`);
 * whether the claim may be kept is the file's rule (`validateClaimFields`).
 */
import type { ClaimFields } from '../../model/claimEdits';
import type { LoadIssue } from '../../model/loadError';
import type { QuantityKind } from '../../model/quantityRef';
import type { Claim, ClaimMetric, ClaimOp, Model } from '../../model/types';
import { quantityInputText, readTypedNumber, readTypedQuantity, typedValue } from '../quantityInput';

export interface ClaimDraft {
  label: string;
  metric: ClaimMetric;
  /** The year of a size or share claim. */
  year: string;
  /** The years of a CAGR claim. */
  fromYear: string;
  toYear: string;
  /** A member path, or '' for the total market. */
  member: string;
  op: ClaimOp;
  value: string;
  /** '' for the default tolerance. */
  tolerance: string;
  source: string;
}

/** The fields of the form, by the names the file gives them (an issue's path). */
export type ClaimDraftField = keyof ClaimDraft;

/** What each field is called on the form. */
export const CLAIM_FIELD_LABELS: Readonly<Record<ClaimDraftField, string>> = {
  label: 'Label',
  metric: 'Metric',
  year: 'Year',
  fromYear: 'From year',
  toYear: 'To year',
  member: 'Member',
  op: 'Condition',
  value: 'Value',
  tolerance: 'Tolerance',
  source: 'Source',
};

export function isDraftField(path: string): path is ClaimDraftField {
  return Object.hasOwn(CLAIM_FIELD_LABELS, path);
}

/** How a claim's value is typed: a size in the model's unit, a CAGR as a rate, a share as a share — both in percent. */
export function claimValueKind(metric: ClaimMetric): QuantityKind {
  return metric === 'size' ? 'size' : metric === 'cagr' ? 'rate' : 'share';
}

/** How its tolerance is typed: in the model's unit for a size, else in percentage points. */
function toleranceKind(metric: ClaimMetric): QuantityKind {
  return metric === 'size' ? 'size' : 'rate';
}

/** A new claim's form: the market's size in the model's last year, at least a value yet to type. */
export function blankDraft(model: Pick<Model, 'baseYear' | 'endYear'>): ClaimDraft {
  return {
    label: '',
    metric: 'size',
    year: String(model.endYear),
    fromYear: String(model.baseYear),
    toYear: String(model.endYear),
    member: '',
    op: 'atLeast',
    value: '',
    tolerance: '',
    source: '',
  };
}

/** The form of an existing claim. */
export function draftFromClaim(claim: Claim, model: Pick<Model, 'baseYear' | 'endYear'>): ClaimDraft {
  const blank = blankDraft(model);
  return {
    ...blank,
    label: claim.label,
    metric: claim.metric,
    ...(claim.metric === 'cagr' ? { fromYear: String(claim.fromYear), toYear: String(claim.toYear) } : { year: String(claim.year) }),
    member: claim.member ?? '',
    op: claim.op,
    value: quantityInputText(claim.value, claimValueKind(claim.metric)),
    tolerance: claim.tolerance === undefined ? '' : quantityInputText(claim.tolerance, toleranceKind(claim.metric)),
    source: claim.source,
  };
}

/**
 * The claim's fields from the form, in the model's terms (percents to fractions; a size pasted with
 * its currency and scale read into `unit`, the model's). A field left empty is left out, so the
 * file's rule says it is missing (an empty tolerance is the default one); a number that cannot be
 * read is an issue of its own, and left out too.
 */
export function fieldsFromDraft(draft: ClaimDraft, unit: string): { fields: ClaimFields; issues: LoadIssue[] } {
  const issues: LoadIssue[] = [];
  const fields: ClaimFields = { label: draft.label.trim(), metric: draft.metric, op: draft.op, source: draft.source.trim() };
  if (draft.member !== '') fields.member = draft.member;
  const number = (field: ClaimDraftField, kind?: QuantityKind) => {
    const text = draft[field];
    if (text.trim() === '') return;
    const typed = kind === undefined ? readTypedNumber(text) : readTypedQuantity(text, kind, unit);
    if (typed.ok) fields[field] = kind === undefined ? typed.value : typedValue(typed.value, kind);
    else issues.push({ path: field, message: typed.message });
  };
  if (draft.metric === 'cagr') {
    number('fromYear');
    number('toYear');
  } else {
    number('year');
  }
  number('value', claimValueKind(draft.metric));
  number('tolerance', toleranceKind(draft.metric));
  return { fields, issues };
}
