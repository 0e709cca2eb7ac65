/**
 * Names and short labels typed by a user — a scenario's, a member's, a dimension's, a driver's, the
 * unit, the workspace's title: how they are cleaned, compared, and refused. The one home of the rule;
 * the file schema (src/model/workspaceSchema.ts) asks the same questions of a file's text.
 */
import { WORKSPACE_LIMITS } from './workspaceLimits';

/** Spacing collapsed, ends trimmed. */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** What a reader sees of a name: case and spacing ignored. A key for maps of names. */
export function nameKey(name: string): string {
  return cleanText(name).toLocaleLowerCase();
}

/** Two names a reader would take for the same: case and spacing ignored. */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/**
 * Characters that draw nothing: spaces, controls, format characters (zero-width space, joiners,
 * direction marks, the byte-order mark), and Unicode's default-ignorables — variation selectors,
 * the combining grapheme joiner, the filler letters Hangul uses — and the blank Braille pattern.
 */
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{Z}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** Whether `text` shows anything at all. */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '') !== '';
}

const EMBEDDINGS = new Set(['\u202A', '\u202B', '\u202D', '\u202E']); // LRE, RLE, LRO, RLO; closed by PDF
const ISOLATES = new Set(['\u2066', '\u2067', '\u2068']); // LRI, RLI, FSI; closed by PDI
const POP_DIRECTIONAL_FORMATTING = '\u202C';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/**
 * The first direction control of `text` that is never closed (as UAX #9 pairs them), or undefined.
 * Left open, a right-to-left override turns round whatever is drawn after the name on its line:
 * "‮2032" reads as "2302".
 */
export function unclosedDirectionControl(text: string): string | undefined {
  const open: string[] = [];
  for (const char of text) {
    if (EMBEDDINGS.has(char) || ISOLATES.has(char)) open.push(char);
    else if (char === POP_DIRECTIONAL_FORMATTING) {
      if (open.length > 0 && EMBEDDINGS.has(open[open.length - 1]!)) open.pop();
    } else if (char === POP_DIRECTIONAL_ISOLATE) {
      const isolate = open.findLastIndex((c) => ISOLATES.has(c));
      if (isolate >= 0) open.length = isolate;
    }
  }
  return open[0];
}

/** "U+202E", as a message names a character it cannot show. */
export function codePointName(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why a text cannot be shown as it was typed, or undefined. */
export function unsafeTextReason(text: string): string | undefined {
  const control = unclosedDirectionControl(text);
  return control === undefined
    ? undefined
    : `has a direction control (${codePointName(control)}) that is never closed: it would turn round the text drawn after it`;
}

/** How a message speaks of one kind of label. */
export interface LabelWords {
  /** The whole message when the label is empty: "A member needs a name". */
  missing: string;
  /** The label as a message's subject: "A member’s name", "The unit". */
  subject: string;
}

/** A cleaned label, or a message saying why it cannot be one. */
export function checkLabel(text: string, words: LabelWords): { name: string } | { error: string } {
  const cleaned = cleanText(text);
  if (cleaned === '') return { error: words.missing };
  if (cleaned.length > WORKSPACE_LIMITS.shortText) {
    return { error: `${words.subject} can be at most ${WORKSPACE_LIMITS.shortText} characters` };
  }
  if (!hasVisibleText(cleaned)) return { error: `${words.subject} has only invisible characters; type one that shows` };
  const unsafe = unsafeTextReason(cleaned);
  if (unsafe !== undefined) return { error: `${words.subject} ${unsafe}` };
  return { name: cleaned };
}

/** A cleaned name, or why it cannot be one. `what`: "A member", "A dimension", "A scenario"… */
export function checkName(name: string, what: string): { name: string } | { error: string } {
  return checkLabel(name, { missing: `${what} needs a name`, subject: `${what}’s name` });
}
