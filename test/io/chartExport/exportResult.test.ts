import { describe, expect, it } from 'vitest';
import { describeError } from '../../../src/io/chartExport/exportResult';

describe('describeError', () => {
  it('names what went wrong by the error’s message, else its name, else the thrown value', () => {
    expect(describeError(new Error('no memory'))).toBe('no memory');
    expect(describeError(new TypeError(''))).toBe('TypeError');
    expect(describeError('quota')).toBe('quota');
    expect(describeError(undefined)).toBe('undefined');
  });
});
