/**
 * Statements the sources make that are no checkable target — a report's figure that a reader
 * should see beside the claims, but that no forecast can meet or miss. The seed's example: the
 * report quotes GE Healthcare's company revenue ("approximately $19 billion in 2022"); that is not
 * GE Healthcare's share of a ≈ $17 B market, so it cannot be a claim, and inventing one (a share,
 * a size) would put words in the report's mouth. The claims list shows such statements with
 * "no check" and their source.
 *
 * Where they live: in the note of the number they bear on, after the marker `No check:` — the
 * vendor's share for a vendor's revenue. The note is already in the file format, travels with the
 * number (its "Assumed" badge shows it, the print summary cites it), and can be edited like any
 * note. A field of their own (say `Workspace.statements`) would need format version 3 and a
 * migration, and every copy of the app before it would refuse the seed, since the format refuses
 * unknown fields; the marker costs none of that. The convention is written and read here only:
 * `noteWithUncheckedStatement` writes it, `uncheckedStatements` reads it.
 */
import type { Quantity } from './quantity';
import { getQuantity, quantityKey, quantityLabel, quantityRefs, type QuantityRef } from './quantityRef';
import type { Model } from './types';

/** Starts a statement in a note. It must open the note or follow a space, and runs to the next marker or the note's end. */
export const NO_CHECK = 'No check:';

export interface UncheckedStatement {
  /** Unique within the model: the quantity's key, then `#2`, `#3` … for further statements in one note. */
  key: string;
  /** The number whose note holds the statement. */
  ref: QuantityRef;
  /** A person's name for that number, e.g. "GE Healthcare share". */
  about: string;
  /** The statement as written after the marker: where it comes from, the words, and why it is not checked. */
  text: string;
  /** The first passage in quotes (straight or curly) of `text`: the source's own words, when there are any. */
  quote?: string;
}

/** `note` with `statement` added to its end after the marker. */
export function noteWithUncheckedStatement(note: string, statement: string): string {
  return [note.trim(), NO_CHECK, statement.trim()].filter((part) => part !== '').join(' ');
}

// The marker at the note's start or after white space; what follows, up to the next marker.
const MARKER = new RegExp(`(?:^|\\s)${NO_CHECK.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'g');
const QUOTED = /"([^"]+)"|“([^”]+)”/;

/**
 * A note as its reasoning (the text before the first marker) and the statements after it, so that
 * each can be shown or cited on its own — the print summary numbers a reasoning many numbers share
 * once, and each statement once.
 */
export function splitNote(note: string | undefined): { reasoning: string; statements: string[] } {
  if (!note) return { reasoning: '', statements: [] };
  const starts = [...note.matchAll(MARKER)].map((match) => ({ from: match.index, to: match.index + match[0].length }));
  return {
    reasoning: note.slice(0, starts[0]?.from ?? note.length).trim(),
    statements: starts.map(({ to }, i) => note.slice(to, starts[i + 1]?.from ?? note.length).trim()).filter((text) => text !== ''),
  };
}

/** The statements with no check kept in the notes of a model's numbers, in model order. */
export function uncheckedStatements(model: Model): UncheckedStatement[] {
  const out: UncheckedStatement[] = [];
  for (const ref of quantityRefs(model)) {
    const quantity: Quantity | undefined = getQuantity(model, ref);
    splitNote(quantity?.note).statements.forEach((text, i) => {
      const key = quantityKey(ref);
      const statement: UncheckedStatement = { key: i === 0 ? key : `${key}#${i + 1}`, ref, about: quantityLabel(model, ref), text };
      const quoted = QUOTED.exec(text);
      const quote = quoted?.[1] ?? quoted?.[2];
      if (quote !== undefined) statement.quote = quote;
      out.push(statement);
    });
  }
  return out;
}
