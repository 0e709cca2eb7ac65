import { describe, expect, it } from 'vitest';
import { idPool, uniqueId } from '../../src/model/ids';

describe('idPool', () => {
  it('hands out the ids uniqueId would, one after another, each then taken', () => {
    const names = ['Europe', 'europe', 'Europe!', 'Asia', '!!!', '???', 'item', 'Europe 2'];
    const taken = ['europe-3', 'item-2'];
    const pool = idPool(taken);
    const byPool = names.map((n) => pool.take(n));
    const byHand: string[] = [];
    for (const n of names) byHand.push(uniqueId(n, [...taken, ...byHand]));
    expect(byPool).toEqual(byHand);
    expect(byPool).toEqual(['europe', 'europe-2', 'europe-4', 'asia', 'item', 'item-3', 'item-4', 'europe-2-2']);
  });

  it('gives thousands of names with one slug distinct ids, counting on where it left off', () => {
    const pool = idPool([]);
    const ids = Array.from({ length: 5000 }, () => pool.take('!!!'));
    expect(new Set(ids).size).toBe(5000);
    expect(ids.slice(0, 3)).toEqual(['item', 'item-2', 'item-3']);
    expect(ids.at(-1)).toBe('item-5000');
    pool.add('item-5001');
    expect(pool.take('!!!')).toBe('item-5002');
  });
});
