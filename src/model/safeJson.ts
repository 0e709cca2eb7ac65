/**
 * Reading JSON text that may be hostile: a workspace file comes from someone's email, a workspace link
 * from anywhere. Before `JSON.parse` ever sees the text, one pass over it checks, with the place
 * of the first problem:
 *
 * - its size (so a 2 GB file is refused without being read further);
 * - its grammar, so a hand-edited file that says `NaN`, `'text'` or has a trailing comma is told
 *   where (line, column and field) rather than given the browser's one-line parser message;
 * - its nesting depth, counted outside strings (so `[[[[…` 10,000 deep cannot overflow a stack
 *   in `JSON.parse`, in the schema or anywhere later);
 * - its keys: `__proto__`, `constructor` and `prototype` are refused wherever they appear, and so
 *   is a key given twice in one object — `JSON.parse` would silently keep the last one, and a
 *   number would change without anyone seeing why;
 * - its counts: an object with more fields than any workspace object could have, or more values
 *   in all than a workspace of the largest size could hold, is refused where the scan passes the
 *   limit — so a 5 MB file of 400,000 unknown fields costs a few kilobytes of reading, not a
 *   parse, a validation and 400,000 messages.
 *
 * Only then does the native `JSON.parse` build the value (fast, and it creates `__proto__` as an
 * own property, never as a prototype — refusing the key is defence in depth for code that later
 * spreads or merges the value).
 */
import { formatFieldPath } from './fieldPath';
import { errorText } from './errorText';
import { quoted } from './messageValue';

/** Longest text we read, in characters (≥ 5 MB of UTF-8). Far above any real workspace. */
export const MAX_JSON_TEXT_LENGTH = 5 * 1024 * 1024;

/**
 * Deepest nesting of objects and arrays. A workspace at the deepest the format allows (members
 * nested four levels, with ranges) is 16 deep; the margin leaves room for later versions.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Most fields in one object. An object of the workspace format has at most ten (a claim); the
 * margin leaves room for later versions and for a few misspelt fields, each of which is named.
 */
export const MAX_JSON_KEYS_PER_OBJECT = 100;

/**
 * Most values (numbers, texts, true/false/null, lists and objects) in one text. The densest valid
 * workspace — members of one-letter names with nothing but a share — spends about 8 characters a
 * value, so a 5 MB workspace holds fewer than 700,000; a hostile `[0,0,0,…]` would hold 2.6 million.
 */
export const MAX_JSON_VALUES = 1_000_000;

/** Keys that can reach an object's prototype when a value is merged or spread. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Why a text or value could not be accepted as JSON data. Each names where it went wrong. */
export type JsonInputError =
  | { kind: 'tooLarge'; length: number; limit: number }
  | { kind: 'notJson'; reason: string; path: string; line: number; column: number }
  | { kind: 'tooDeep'; limit: number; path: string }
  | { kind: 'unsafeKey'; key: string; path: string }
  | { kind: 'duplicateKey'; key: string; path: string; line: number; column: number }
  /** An object with more fields than `MAX_JSON_KEYS_PER_OBJECT`; where the scan met the first too many. */
  | { kind: 'tooManyFields'; limit: number; path: string; line: number; column: number }
  /** More values in all than `MAX_JSON_VALUES`; where the scan met the first too many. */
  | { kind: 'tooManyValues'; limit: number; path: string; line: number; column: number };

export type SafeJsonResult = { ok: true; value: unknown } | { ok: false; error: JsonInputError };

/** Parses JSON text after checking its size, grammar, depth and keys. Never throws. */
export function parseJsonSafely(text: string): SafeJsonResult {
  if (text.length > MAX_JSON_TEXT_LENGTH) {
    return { ok: false, error: { kind: 'tooLarge', length: text.length, limit: MAX_JSON_TEXT_LENGTH } };
  }
  // Editors on Windows like to start a UTF-8 file with a byte-order mark; JSON.parse refuses it
  // and the user could never see why.
  const body = text.charCodeAt(0) === BYTE_ORDER_MARK ? text.slice(1) : text;
  const problem = scanJsonText(body);
  if (problem) return { ok: false, error: problem };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    // Unreachable if the scan is right; kept so that a disagreement is a refusal, not a crash.
    return { ok: false, error: { kind: 'notJson', reason: errorText(error), path: '', line: 1, column: 1 } };
  }
}

/**
 * The same depth, key and count checks for a value that is already parsed (a stored autosave, a
 * test, a caller's object). A cycle counts as too deep. Returns the first problem, or undefined;
 * a value has no lines, so a count problem is placed at line 1, column 1.
 */
export function checkJsonValue(value: unknown): JsonInputError | undefined {
  const counted = { values: 0 };
  return checkValue(value, [], 0, counted);
}

function checkValue(value: unknown, path: (string | number)[], depth: number, counted: { values: number }): JsonInputError | undefined {
  if (++counted.values > MAX_JSON_VALUES) {
    return { kind: 'tooManyValues', limit: MAX_JSON_VALUES, path: formatFieldPath(path), line: 1, column: 1 };
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth >= MAX_JSON_DEPTH) return { kind: 'tooDeep', limit: MAX_JSON_DEPTH, path: formatFieldPath(path) };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      const problem = checkValue(value[i], path, depth + 1, counted);
      path.pop();
      if (problem) return problem;
    }
    return undefined;
  }
  const keys = Object.keys(value);
  if (keys.length > MAX_JSON_KEYS_PER_OBJECT) {
    return { kind: 'tooManyFields', limit: MAX_JSON_KEYS_PER_OBJECT, path: formatFieldPath(path), line: 1, column: 1 };
  }
  for (const key of keys) {
    path.push(key);
    const problem = UNSAFE_KEYS.has(key)
      ? { kind: 'unsafeKey' as const, key, path: formatFieldPath(path) }
      : checkValue((value as Record<string, unknown>)[key], path, depth + 1, counted);
    path.pop();
    if (problem) return problem;
  }
  return undefined;
}

// ——— The scanner ———————————————————————————————————————————————————————————————————————————————

const BYTE_ORDER_MARK = 0xfeff;
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;
const SLASH = 0x2f;
const PLUS = 0x2b;
const DOT = 0x2e;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const LOWER_E = 0x65;
const UPPER_E = 0x45;

/** One open object or array; the stack of them, outermost first, is the path to where the scan is. */
interface Frame {
  isArray: boolean;
  /** Array: position of the element being read. */
  index: number;
  /** Object: the key whose value is being read, or undefined between fields. */
  key: string | undefined;
  /** Object: keys seen so far, for duplicate detection (created at the first key). */
  keys: Set<string> | undefined;
}

/** Carries the first problem out of the scan's nested helpers; never escapes `scanJsonText`. */
class JsonScanError {
  constructor(readonly error: JsonInputError) {}
}

/**
 * Checks that `text` is one JSON value (RFC 8259) within the depth limit, with no unsafe or
 * repeated keys. Iterative, so it never recurses however deep the text nests.
 */
function scanJsonText(text: string): JsonInputError | undefined {
  const length = text.length;
  const stack: Frame[] = [];
  let pos = 0;
  let values = 0;

  const fail = (reason: string, at: number = pos): never => {
    throw new JsonScanError({ kind: 'notJson', reason, path: currentPath(stack), ...lineAndColumn(text, at) });
  };

  const skipWhitespace = () => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else return;
    }
  };

  /** Reads a string literal starting at `pos` (a quote); returns the offset just after it. */
  const scanString = (): number => {
    const start = pos;
    let i = pos + 1;
    for (;;) {
      if (i >= length) fail('the file ends inside a text in quotes (is it cut short, or is a " missing?)', start);
      const c = text.charCodeAt(i);
      if (c === QUOTE) return i + 1;
      if (c === BACKSLASH) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('"\\u" must be followed by four hex digits', i);
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
          i += 2;
        } else {
          fail(`"\\${next ?? ''}" is not an escape JSON knows (use \\\\ for a backslash)`, i);
        }
      } else if (c < 0x20) {
        fail('a line break or control character inside quotes (write \\n for a line break)', i);
      } else {
        i++;
      }
    }
  };

  const isDigit = (c: number) => c >= DIGIT_0 && c <= DIGIT_9;

  const scanNumber = () => {
    const start = pos;
    if (text.charCodeAt(pos) === MINUS) pos++;
    if (text.startsWith('Infinity', pos)) fail('-Infinity is not a number a file can hold; write a finite number', start);
    const first = text.charCodeAt(pos);
    if (first === DIGIT_0) pos++;
    else if (isDigit(first)) while (isDigit(text.charCodeAt(pos))) pos++;
    else fail('a number must have a digit after "-"', start);
    if (text.charCodeAt(pos) === DOT) {
      pos++;
      if (!isDigit(text.charCodeAt(pos))) fail('a number must have a digit after its decimal point', start);
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
    const e = text.charCodeAt(pos);
    if (e === LOWER_E || e === UPPER_E) {
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === PLUS || sign === MINUS) pos++;
      if (!isDigit(text.charCodeAt(pos))) fail('a number must have digits after its exponent "e"', start);
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
    if (isDigit(text.charCodeAt(pos))) fail('a number may not start with 0 (write 7, not 07)', start);
  };

  /** Explains whatever stands where a value should start. */
  const failAtValue = (): never => {
    if (pos >= length) fail(stack.length === 0 ? 'the file is empty' : 'the file ends too early (is it cut short?)');
    const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(pos, pos + 40))?.[0];
    if (word === 'NaN' || word === 'Infinity') fail(`${word} is not a number a file can hold; write a finite number`);
    if (word === 'undefined') fail('undefined is not a value a file can hold; leave the field out instead');
    if (word === 'True' || word === 'False' || word === 'None') fail('write true, false and null in lower case');
    if (word !== undefined) fail(`${quoted(word)} must be in double quotes if it is text`);
    const c = text[pos];
    if (c === "'") fail('text must be in double quotes ("…"), not single quotes');
    if (c === '/') fail('comments are not allowed in a workspace file');
    if (c === '+') fail('a number may not start with "+"');
    if (c === '.') fail('a number must start with a digit (write 0.5, not .5)');
    if (c === ',' || c === ']' || c === '}') fail(`a value is missing before "${c}" (is there an extra comma?)`);
    return fail(`unexpected character ${quoted(c ?? '')}`);
  };

  /** Reads `"key":` in the innermost object, checking the key; leaves `pos` at the value. */
  const readKey = (frame: Frame) => {
    skipWhitespace();
    const c = text.charCodeAt(pos);
    if (c !== QUOTE) {
      if (c === CLOSE_BRACE) fail('a field is missing before "}" (is there an extra comma?)');
      if (pos >= length) fail('the file ends too early (is it cut short?)');
      if (c === SLASH) fail('comments are not allowed in a workspace file');
      fail('a field name must be in double quotes ("name"), not bare or in single quotes');
    }
    const start = pos;
    pos = scanString();
    const raw = text.slice(start + 1, pos - 1);
    // Escapes are rare in keys; decoding them matters, or "__pro\u0074o__" would slip through.
    const key = raw.includes('\\') ? (JSON.parse(text.slice(start, pos)) as string) : raw;
    frame.key = key;
    if (UNSAFE_KEYS.has(key)) {
      throw new JsonScanError({ kind: 'unsafeKey', key, path: currentPath(stack) });
    }
    frame.keys ??= new Set();
    if (frame.keys.size >= MAX_JSON_KEYS_PER_OBJECT) {
      frame.key = undefined; // the path of the object, not of its field
      throw new JsonScanError({
        kind: 'tooManyFields',
        limit: MAX_JSON_KEYS_PER_OBJECT,
        path: currentPath(stack),
        ...lineAndColumn(text, start),
      });
    }
    if (frame.keys.has(key)) {
      throw new JsonScanError({ kind: 'duplicateKey', key, path: currentPath(stack), ...lineAndColumn(text, start) });
    }
    frame.keys.add(key);
    skipWhitespace();
    if (text.charCodeAt(pos) !== COLON) fail(`a ":" must follow the field name ${quoted(key)}`);
    pos++;
  };

  const open = (isArray: boolean) => {
    if (stack.length >= MAX_JSON_DEPTH) {
      throw new JsonScanError({ kind: 'tooDeep', limit: MAX_JSON_DEPTH, path: currentPath(stack) });
    }
    stack.push({ isArray, index: 0, key: undefined, keys: undefined });
    pos++;
  };

  try {
    // Each turn of this loop reads one value, then closes every container that ends after it.
    for (;;) {
      skipWhitespace();
      if (++values > MAX_JSON_VALUES) {
        throw new JsonScanError({ kind: 'tooManyValues', limit: MAX_JSON_VALUES, path: currentPath(stack), ...lineAndColumn(text, pos) });
      }
      const c = text.charCodeAt(pos);
      if (c === OPEN_BRACE) {
        open(false);
        skipWhitespace();
        if (text.charCodeAt(pos) !== CLOSE_BRACE) {
          readKey(stack[stack.length - 1]!);
          continue;
        }
        pos++;
        stack.pop();
      } else if (c === OPEN_BRACKET) {
        open(true);
        skipWhitespace();
        if (text.charCodeAt(pos) !== CLOSE_BRACKET) continue;
        pos++;
        stack.pop();
      } else if (c === QUOTE) {
        pos = scanString();
      } else if (c === MINUS || isDigit(c)) {
        scanNumber();
      } else if (text.startsWith('true', pos)) {
        pos += 4;
      } else if (text.startsWith('false', pos)) {
        pos += 5;
      } else if (text.startsWith('null', pos)) {
        pos += 4;
      } else {
        failAtValue();
      }

      // After a value: a comma (next element or field), a closing bracket, or the end of the text.
      let readNext = false;
      while (!readNext) {
        skipWhitespace();
        const frame = stack[stack.length - 1];
        if (frame === undefined) {
          if (pos < length) fail('unexpected text after the end of the workspace');
          return undefined;
        }
        const next = text.charCodeAt(pos);
        if (next === COMMA) {
          pos++;
          if (frame.isArray) {
            frame.index++;
          } else {
            frame.key = undefined;
            readKey(frame);
          }
          readNext = true;
        } else if (next === (frame.isArray ? CLOSE_BRACKET : CLOSE_BRACE)) {
          pos++;
          stack.pop();
        } else if (pos >= length) {
          fail('the file ends too early (is it cut short?)');
        } else {
          fail(frame.isArray ? 'expected "," or "]" after this item' : 'expected "," or "}" after this field');
        }
      }
    }
  } catch (thrown) {
    if (thrown instanceof JsonScanError) return thrown.error;
    throw thrown;
  }
}

function currentPath(stack: readonly Frame[]): string {
  const path: (string | number)[] = [];
  for (const frame of stack) {
    if (frame.isArray) path.push(frame.index);
    else if (frame.key !== undefined) path.push(frame.key);
  }
  return formatFieldPath(path);
}

/** 1-based line and column of a text offset, for pointing at a problem in an editor. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
