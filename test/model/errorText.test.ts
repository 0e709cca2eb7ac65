import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty } from '../support/property';
import { UNKNOWN_ERROR, errorText } from '../../src/model/errorText';
import { capped } from '../../src/model/messageValue';

describe('errorText: what was thrown, as words for a message', () => {
  it('gives an Error’s message', () => {
    expect(errorText(new Error('no memory'))).toBe('no memory');
    expect(errorText(new RangeError('Invalid array length'))).toBe('Invalid array length');
  });

  it('gives an Error’s name when its message is empty, unless the name is just "Error"', () => {
    expect(errorText(new TypeError(''))).toBe('TypeError');
    expect(errorText(new DOMException('', 'QuotaExceededError'))).toBe('QuotaExceededError');
    expect(errorText(new Error(''))).toBe(UNKNOWN_ERROR);
    expect(errorText(new Error('   '))).toBe(UNKNOWN_ERROR);
  });

  it('gives a thrown string or number as it is', () => {
    expect(errorText('quota')).toBe('quota');
    expect(errorText(42)).toBe('42');
  });

  it('reads the message of an object that is an error from elsewhere (another realm, a worker)', () => {
    expect(errorText({ name: 'DataCloneError', message: 'could not be cloned' })).toBe('could not be cloned');
  });

  it('says "unknown error" for null, undefined and an empty text', () => {
    expect(UNKNOWN_ERROR).toBe('unknown error');
    expect(errorText(null)).toBe(UNKNOWN_ERROR);
    expect(errorText(undefined)).toBe(UNKNOWN_ERROR);
    expect(errorText('')).toBe(UNKNOWN_ERROR);
  });

  it('never throws, even for an object whose toString or message throws', () => {
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };
    expect(errorText(hostile)).toBe(UNKNOWN_ERROR);
    const error = new Error('x');
    Object.defineProperty(error, 'message', {
      get() {
        throw new Error('no');
      },
    });
    expect(errorText(error)).toBe(UNKNOWN_ERROR);
    const proxy = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
        getPrototypeOf() {
          throw new Error('no');
        },
      },
    );
    expect(errorText(proxy)).toBe(UNKNOWN_ERROR);
    // Object.create(null) has no toString at all.
    expect(errorText(Object.create(null))).toBe(UNKNOWN_ERROR);
  });

  it('uses the caller’s words when what was thrown says nothing', () => {
    expect(errorText(undefined, 'the browser refused to store it')).toBe('the browser refused to store it');
    expect(errorText(new Error('disk full'), 'the browser refused to store it')).toBe('disk full');
    expect(errorText(null, '')).toBe(UNKNOWN_ERROR);
  });

  it('cuts a five-megabyte message to the length of other free text in a message', () => {
    const huge = 'x'.repeat(5 * 1024 * 1024);
    expect(errorText(new Error(huge))).toBe(capped(huge));
    expect(errorText(new Error(huge)).length).toBeLessThanOrEqual(201);
    expect(errorText(huge)).toBe(capped(huge));
  });

  it('always gives a short text with a word in it, whatever was thrown', () => {
    assertProperty(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.string({ unit: 'binary', maxLength: 1000 }).map((message) => new Error(message)),
          fc.string({ maxLength: 1000 }).map((message) => ({ message })),
        ),
        (thrown) => {
          const text = errorText(thrown);
          expect(text.trim()).not.toBe('');
          expect(text.length).toBeLessThanOrEqual(201);
        },
      ),
    );
  });
});
