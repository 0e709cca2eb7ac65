import { describe, expect, it } from 'vitest';
import { formatFieldPath } from '../../src/model/fieldPath';

describe('formatFieldPath', () => {
  it('writes [i] for list positions and .name for fields', () => {
    expect(formatFieldPath(['scenarios', 0, 'model', 'dimensions', 2, 'members', 1, 'share', 'value'])).toBe(
      'scenarios[0].model.dimensions[2].members[1].share.value',
    );
  });

  it('writes the whole file as the empty path, and a list at the top as [i]', () => {
    expect(formatFieldPath([])).toBe('');
    expect(formatFieldPath([0, 'id'])).toBe('[0].id');
  });

  it('quotes a field name that would read as something else', () => {
    expect(formatFieldPath(['model', 'base size'])).toBe('model["base size"]');
    expect(formatFieldPath(['a.b'])).toBe('["a.b"]');
    expect(formatFieldPath(['model', ''])).toBe('model[""]');
  });

  it('cuts a runaway key short, quoted, so a path never repeats a file at length', () => {
    const path = formatFieldPath(['scenarios', 0, 'k'.repeat(2_000_000)]);
    expect(path).toBe(`scenarios[0]["${'k'.repeat(80)}…"]`);
    expect(formatFieldPath(['a\nb'])).toBe('["a\\nb"]');
  });
});
