/**
 * Quantity addresses: how the command line (and anything else that takes text) names a quantity
 * of a model — the one home of the text ⇄ `QuantityRef` rule (issue 11):
 *
 *   baseSize | baseGrowth | driver:<id> | share:<dimension>/<member>[/<child>…] |
 *   growthDelta:<dimension>/<member>[/<child>…]
 *
 * An address is written by `quantityKey` (src/model/quantityRef.ts) and read back here. Member ids
 * never hold `/` (src/model/ids.ts), so a path splits on it.
 */
import { listedIds, quoted } from './messageValue';
import { findDimension, findMember, type QuantityRef } from './quantityRef';
import type { Model } from './types';

export type AddressResult = { ok: true; ref: QuantityRef } | { ok: false; error: string };

const FORMS = 'baseSize, baseGrowth, driver:<id>, share:<dimension>/<member>[/<child>] or growthDelta:<dimension>/<member>[/<child>]';

/**
 * `region/apac/cn` as a member path — [dimension, member, child…], as QuantityRef's paths are —
 * or what is wrong with it. The one reading of a member path typed on the command line.
 */
export function parseMemberPath(text: string): { ok: true; path: string[] } | { ok: false; error: string } {
  const path = text.split('/');
  if (path.length < 2) return { ok: false, error: 'a member path is <dimension>/<member>[/<child>]' };
  if (path.some((part) => part === '')) return { ok: false, error: 'the member path has an empty part' };
  return { ok: true, path };
}

/**
 * The quantity `text` addresses. With a `model`, the driver or member must exist in it. A bad
 * address gets a message naming what is wrong: an unknown form, an empty id or path part, a
 * driver or member the model lacks.
 */
export function parseQuantityAddress(text: string, model?: Model): AddressResult {
  const fail = (error: string): AddressResult => ({ ok: false, error });
  const shown = quoted(text);
  if (text === 'baseSize' || text === 'baseGrowth') return { ok: true, ref: { kind: text } };
  const colon = text.indexOf(':');
  if (colon < 0) return fail(`${shown} is not a quantity: use ${FORMS}`);
  const prefix = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  if (prefix === 'driver') {
    if (rest === '') return fail(`${shown}: the driver id is missing (driver:<id>)`);
    if (model && !model.drivers.some((d) => d.id === rest)) {
      return fail(`${shown}: this model has no driver ${quoted(rest)} (it has: ${listedIds(model.drivers.map((d) => d.id))})`);
    }
    return { ok: true, ref: { kind: 'driverImpact', driverId: rest } };
  }
  if (prefix !== 'share' && prefix !== 'growthDelta') return fail(`${shown}: ${quoted(prefix)} is not a kind of quantity: use ${FORMS}`);
  const parsed = parseMemberPath(rest);
  if (!parsed.ok) return fail(`${shown}: ${parsed.error}`);
  const { path } = parsed;
  if (model) {
    const dimension = findDimension(model, path[0]!);
    if (!dimension) return fail(`${shown}: this model has no dimension ${quoted(path[0]!)} (it has: ${listedIds(model.dimensions.map((d) => d.id))})`);
    if (!findMember(model, path)) return fail(`${shown}: this model has no member ${quoted(path.join('/'))}`);
  }
  return { ok: true, ref: { kind: prefix === 'share' ? 'memberShare' : 'memberGrowthDelta', path } };
}
