import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_JSON_DEPTH,
  MAX_JSON_KEYS_PER_OBJECT,
  MAX_JSON_TEXT_LENGTH,
  MAX_JSON_VALUES,
  checkJsonValue,
  parseJsonSafely,
} from '../../src/model/safeJson';
import { assertProperty } from '../support/property';

const nested = (depth: number, open = '[', close = ']') => open.repeat(depth) + close.repeat(depth);

/** True when JSON.parse accepts the text. */
function nativeAccepts(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('parseJsonSafely: the value', () => {
  it('reads back everything JSON.stringify writes, equal to what JSON.parse gives', () => {
    assertProperty(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.boolean(), (value, pretty) => {
        fc.pre(checkJsonValue(value) === undefined); // fast-check may generate a "constructor" key
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const result = parseJsonSafely(text);
        expect(result).toEqual({ ok: true, value: JSON.parse(text) as unknown });
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with JSON.parse on what is JSON, for text that is almost JSON', () => {
    const jsonish = fc.string({ unit: fc.constantFrom(...'{}[],:"\\ \n0123456789.eE-+truefalsnul'.split('')), maxLength: 30 });
    const mutatedJson = fc
      .tuple(fc.jsonValue({ maxDepth: 3 }), fc.nat(), fc.constantFrom('', ',', '"', '[', ']', '{', '}', ':', '\\', '0', '-', ' '))
      .map(([value, at, insert]) => {
        const text = JSON.stringify(value);
        const i = at % (text.length + 1);
        return at % 2 === 0 ? text.slice(0, i) + insert + text.slice(i) : text.slice(0, i) + text.slice(i + 1);
      });
    assertProperty(
      fc.property(fc.oneof(jsonish, mutatedJson), (text) => {
        const result = parseJsonSafely(text);
        const refusedAsJson = !result.ok && result.error.kind === 'notJson';
        // Our own refusals (unsafe or repeated keys) are of text JSON.parse would take.
        if (!result.ok && result.error.kind !== 'notJson') return;
        expect(refusedAsJson).toBe(!nativeAccepts(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('skips a byte-order mark at the start, as editors on Windows write it', () => {
    expect(parseJsonSafely('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});

describe('parseJsonSafely: size and depth limits', () => {
  it('refuses text over the size limit before reading it', () => {
    const text = `[${'0,'.repeat(MAX_JSON_TEXT_LENGTH / 2)}0]`;
    expect(parseJsonSafely(text)).toEqual({
      ok: false,
      error: { kind: 'tooLarge', length: text.length, limit: MAX_JSON_TEXT_LENGTH },
    });
  });

  it('refuses 10,000-deep nesting of lists and of objects without overflowing the stack', () => {
    const lists = parseJsonSafely(nested(10_000));
    expect(lists.ok || lists.error.kind).toBe('tooDeep');
    const objects = parseJsonSafely('{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000));
    expect(objects.ok || objects.error).toMatchObject({ kind: 'tooDeep', limit: MAX_JSON_DEPTH });
    if (!objects.ok && objects.error.kind === 'tooDeep') expect(objects.error.path.startsWith('a.a.a')).toBe(true);
  });

  it('refuses unbalanced nesting a million deep just as fast', () => {
    const result = parseJsonSafely('['.repeat(1_000_000));
    expect(result.ok || result.error.kind).toBe('tooDeep');
  });

  it(`accepts nesting exactly ${MAX_JSON_DEPTH} deep and refuses one more`, () => {
    expect(parseJsonSafely(nested(MAX_JSON_DEPTH)).ok).toBe(true);
    expect(parseJsonSafely(nested(MAX_JSON_DEPTH + 1)).ok).toBe(false);
  });

  it('does not count brackets inside text, escaped quotes included', () => {
    const text = JSON.stringify({ note: `${'['.repeat(10_000)}"\\"{{{`, other: '}]' });
    expect(parseJsonSafely(text)).toEqual({ ok: true, value: JSON.parse(text) as unknown });
  });
});

describe('parseJsonSafely: counts', () => {
  const object = (fields: number) => JSON.stringify(Object.fromEntries(Array.from({ length: fields }, (_, i) => [`f${i}`, i])));

  it(`accepts ${MAX_JSON_KEYS_PER_OBJECT} fields in an object and refuses one more, where it starts`, () => {
    expect(parseJsonSafely(`{"a": ${object(MAX_JSON_KEYS_PER_OBJECT)}}`).ok).toBe(true);
    const text = `{"a": ${object(MAX_JSON_KEYS_PER_OBJECT + 1)}}`;
    expect(parseJsonSafely(text)).toEqual({
      ok: false,
      error: { kind: 'tooManyFields', limit: MAX_JSON_KEYS_PER_OBJECT, path: 'a', line: 1, column: text.lastIndexOf('"f100"') + 1 },
    });
    expect(checkJsonValue(JSON.parse(text))).toMatchObject({ kind: 'tooManyFields', path: 'a' });
  });

  it(`refuses more than ${MAX_JSON_VALUES.toLocaleString('en-US')} values where the first too many stands`, () => {
    const text = `[${'0,'.repeat(MAX_JSON_VALUES)}0]`; // the list and its elements
    const result = parseJsonSafely(text);
    expect(result).toEqual({ ok: false, error: { kind: 'tooManyValues', limit: MAX_JSON_VALUES, path: `[${MAX_JSON_VALUES - 1}]`, line: 1, column: 2 * MAX_JSON_VALUES } });
    expect(parseJsonSafely(`[${'0,'.repeat(MAX_JSON_VALUES - 2)}0]`).ok).toBe(true);
    expect(checkJsonValue(new Array(MAX_JSON_VALUES).fill(0))).toMatchObject({ kind: 'tooManyValues' });
  });
});

describe('parseJsonSafely: keys', () => {
  it.each([
    ['{"__proto__": {"polluted": true}}', '__proto__', '__proto__'],
    ['{"a": [{"b": 1}, {"constructor": {"prototype": {}}}]}', 'constructor', 'a[1].constructor'],
    ['{"a": {"prototype": 1}}', 'prototype', 'a.prototype'],
    ['{"x": {"__pro\\u0074o__": 1}}', '__proto__', 'x.__proto__'],
  ])('refuses the key in %s, naming its path', (text, key, path) => {
    expect(parseJsonSafely(text)).toEqual({ ok: false, error: { kind: 'unsafeKey', key, path } });
  });

  it('accepts those words as values, where they are harmless', () => {
    expect(parseJsonSafely('{"note": "__proto__ constructor prototype"}').ok).toBe(true);
  });

  it('refuses a key given twice in one object, where JSON.parse would silently keep the last', () => {
    const text = '{\n  "model": {\n    "baseSize": 1,\n    "baseSize": 2\n  }\n}';
    expect(parseJsonSafely(text)).toEqual({
      ok: false,
      error: { kind: 'duplicateKey', key: 'baseSize', path: 'model.baseSize', line: 4, column: 5 },
    });
  });

  it('allows the same key in different objects', () => {
    expect(parseJsonSafely('[{"id": "a"}, {"id": "b"}]').ok).toBe(true);
  });
});

describe('parseJsonSafely: where and why text is not JSON', () => {
  it.each([
    ['', 'the file is empty', '', 1, 1],
    ['{"a": NaN}', 'NaN is not a number', 'a', 1, 7],
    ['{"a": -Infinity}', '-Infinity is not a number', 'a', 1, 7],
    ['{"a": [1, 2,]}', 'extra comma', 'a[2]', 1, 13],
    ['{"a": 1,\n}', 'extra comma', '', 2, 1],
    ["{'a': 1}", 'double quotes', '', 1, 2],
    ['{"a": 1} // note', 'after the end', '', 1, 10],
    ['{\n  // note\n  "a": 1}', 'comments are not allowed', '', 2, 3],
    ['{"a": 01}', 'may not start with 0', 'a', 1, 7],
    ['{"a": .5}', 'write 0.5', 'a', 1, 7],
    ['{"a": "x\ny"}', 'line break', 'a', 1, 9],
    ['{"a": "\\x"}', 'not an escape', 'a', 1, 8],
    ['{"a": undefined}', 'undefined is not a value', 'a', 1, 7],
    ['{"a": yes}', '"yes" must be in double quotes', 'a', 1, 7],
    ['{"a": [1, 2', 'ends too early', 'a[1]', 1, 12],
    ['{"a": "unclosed', 'cut short', 'a', 1, 7],
    ['{"a" 1}', 'a ":" must follow', 'a', 1, 6],
  ])('%j: %s', (text, reason, path, line, column) => {
    const result = parseJsonSafely(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'notJson', path, line, column });
    if (result.error.kind === 'notJson') expect(result.error.reason).toContain(reason);
  });

  it('reads 1e999 as JSON (it is) and leaves refusing its Infinity to the schema, which names the field', () => {
    expect(parseJsonSafely('{"a": 1e999}')).toEqual({ ok: true, value: { a: Infinity } });
  });
});

describe('checkJsonValue: already-parsed values', () => {
  it('finds an own __proto__ key as JSON.parse creates it', () => {
    const value: unknown = JSON.parse('{"scenarios": [{"__proto__": {"polluted": true}}]}');
    expect(checkJsonValue(value)).toEqual({ kind: 'unsafeKey', key: '__proto__', path: 'scenarios[0].__proto__' });
  });

  it('treats a cycle as too deep instead of looping', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(checkJsonValue(cyclic)).toMatchObject({ kind: 'tooDeep' });
  });

  it('accepts plain data', () => {
    expect(checkJsonValue({ a: [1, 'x', null, true, { b: {} }] })).toBeUndefined();
  });
});
