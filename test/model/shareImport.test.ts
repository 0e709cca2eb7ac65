/**
 * Shares from a CSV file or a pasted spreadsheet range (src/model/shareImport.ts): what is read, the
 * message on each bad row, each list's sum, and the one edit a good import becomes.
 */
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_CHARACTERS, previewShareImport, splitRows, type ShareImportOptions } from '../../src/model/shareImport';
import { findMember } from '../../src/model/quantityRef';
import { applyStructureOp } from '../../src/model/structureOpsWorkspace';
import type { Model } from '../../src/model/types';
import { fileProblems, seedModel, workspaceOf } from '../state/storeFactories';

const REGION: ShareImportOptions = { dimensionId: 'region', createMissing: false, scaleToWhole: false };

function preview(text: string, options: Partial<ShareImportOptions> = {}, model: Model = seedModel()) {
  return previewShareImport(model, text, { ...REGION, ...options });
}

function applied(text: string, options: Partial<ShareImportOptions> = {}): Model {
  const result = preview(text, options);
  expect(result.errorCount).toBe(0);
  const after = produce(seedModel(), (draft) => {
    expect(applyStructureOp(draft, result.op!)).toBeUndefined();
  });
  expect(fileProblems(workspaceOf(after))).toEqual([]);
  return after;
}

const regionShares = (model: Model) => model.dimensions[2]!.members.map((m) => [m.id, m.share.value]);

describe('reading a paste', () => {
  it('reads a range pasted from a spreadsheet: tabs, a header, percents, names matched ignoring case', () => {
    const result = preview('Region\tShare\nnorth america\t45%\nEUROPE\t25%\nAsia-Pacific\t20%\nLatin America\t6%\nmea\t4%\n');
    expect(result.separator).toBe('tab');
    expect(result.rows[0]).toMatchObject({ row: 1, status: 'header' });
    expect(result.rows.slice(1).map((r) => [r.member, r.share, r.status])).toEqual([
      ['north america', 0.45, 'update'],
      ['EUROPE', 0.25, 'update'],
      ['Asia-Pacific', 0.2, 'update'],
      ['Latin America', 0.06, 'update'],
      ['mea', 0.04, 'update'],
    ]);
    expect(result.rows[1]!.current).toBe(0.4);
    expect(result.errorCount).toBe(0);
    expect(result.lists).toHaveLength(1);
    expect(result.lists[0]).toMatchObject({ ownerName: 'Region', scaled: false, zeroed: [] });
  });

  it('applies as one edit that sets the whole list', () => {
    const after = applied('North America,45%\nEurope,25%\nAsia-Pacific,20%\nLatin America,6%\nMiddle East & Africa,4%');
    expect(regionShares(after)).toEqual([
      ['na', 0.45],
      ['europe', 0.25],
      ['apac', 0.2],
      ['latam', 0.06],
      ['mea', 0.04],
    ]);
  });

  it('reads numbers without % as fractions when none is above 1, otherwise as percents', () => {
    expect(preview('na,0.5\neurope,0.5').bareNumbers).toBe('fraction');
    expect(preview('na,0.5\neurope,0.5').rows.map((r) => r.share)).toEqual([0.5, 0.5]);
    const percents = preview('na,50\neurope,50');
    expect(percents.bareNumbers).toBe('percent');
    expect(percents.rows.map((r) => r.share)).toEqual([0.5, 0.5]);
    // A % sign always means percent, whatever the rest.
    expect(preview('na,0.5%\neurope,99.5%').rows.map((r) => r.share)).toEqual([0.005, 0.995]);
  });

  it('takes semicolons and decimal commas (a European CSV), and quoted cells', () => {
    const result = preview('"North America";40,5%\nEurope;29,5 %\nApac;20%\nlatam;6%\nmea;4%');
    expect(result.separator).toBe('semicolon');
    expect(result.rows.map((r) => r.share)).toEqual([0.405, 0.295, 0.2, 0.06, 0.04]);
    expect(splitRows('"Middle East, Africa",4%\r\n"Say ""hi""",1', ',')).toEqual([
      ['Middle East, Africa', '4%'],
      ['Say "hi"', '1'],
    ]);
  });

  it('imports children as parent, child, share; an empty parent repeats the one above', () => {
    const text = 'Parent\tCountry\tShare\nEurope\tGermany\t30%\n\tFrance\t20%\n\tUnited Kingdom\t25%\n\tItaly\t15%\n\tRussia\t10%\nNorth America\tUnited States\t90%\n\tca\t10%';
    const result = preview(text);
    expect(result.errorCount).toBe(0);
    expect(result.lists.map((l) => [l.parentPath.join('/'), l.ownerName])).toEqual([
      ['region/europe', 'Europe'],
      ['region/na', 'North America'],
    ]);
    const after = applied(text);
    expect(findMember(after, ['region', 'europe', 'de'])!.share.value).toBe(0.3);
    expect(findMember(after, ['region', 'na', 'ca'])!.share.value).toBeCloseTo(0.1, 12);
    // The regions themselves are untouched.
    expect(regionShares(after)).toEqual(regionShares(seedModel()));
  });
});

describe('bad rows, each with its message', () => {
  it('names every problem on its own row', () => {
    const result = preview(
      [
        'North America,40%', // 1 fine
        'Europe,abc', // 2
        'Asia-Pacific,-5%', // 3
        'Atlantis,5%', // 4
        'north america,10%', // 5 duplicate of row 1
        'Oceania,Sydney,Australia,5%', // 6 four cells
        'Latin America,140', // 7
        ',5%', // 8
        'Narnia,Lantern Waste,50%', // 9 unknown parent
        'China,–3%', // 10 an en dash for the minus, as a typeset report writes it
      ].join('\n'),
    );
    const byRow = Object.fromEntries(result.rows.map((r) => [r.row, r.message]));
    expect(result.rows[0]!.status).toBe('update');
    expect(byRow[2]).toBe('“abc” is not a share (write 40%, 40 or 0.4)');
    expect(byRow[3]).toBe('a share cannot be negative (-5%)');
    expect(byRow[4]).toBe('“Atlantis” is not a member of Region: tick “Create missing members” to add it');
    expect(byRow[5]).toBe('“north america” is already on row 1');
    expect(byRow[6]).toBe('expected 2 cells (member, share) or 3 (parent, child, share), found 4');
    expect(byRow[7]).toBe('a share cannot be more than 100% (140)');
    expect(byRow[8]).toBe('no member name');
    expect(byRow[9]).toBe('unknown parent “Narnia”: Region has no such member');
    expect(byRow[10]).toBe('a share cannot be negative (–3%)');
    expect(result.op).toBeUndefined();
    expect(result.errorCount).toBeGreaterThanOrEqual(8);
  });

  it('does not take row 1 for a header when its share is a number', () => {
    const result = preview('North America,40%\nEurope,30%');
    expect(result.rows.every((r) => r.status === 'update')).toBe(true);
  });

  it('does not take row 1 for a header when it names a member: its unreadable share is an error that stops the import', () => {
    // Read as a header, North America (40% of the market) would have been set to 0% without a word.
    for (const first of ['North America,forty', 'na,NaN', 'North America,']) {
      const result = preview(`${first}\nEurope,60%\nAsia-Pacific,40%`);
      expect(result.rows[0]).toMatchObject({ row: 1, status: 'error' });
      expect(result.op).toBeUndefined();
    }
    // A `parent, child, share` row whose parent is a member, too.
    const nested = preview('North America,United States,about half\nNorth America,Canada,50%', { createMissing: true });
    expect(nested.rows[0]).toMatchObject({ row: 1, status: 'error' });
    // A heading that names no member is still a header.
    expect(preview('Region,Share\nNorth America,40%').rows[0]).toMatchObject({ row: 1, status: 'header' });
  });

  it('refuses a list that does not sum to 100%, or scales it when asked; rounding is scaled silently', () => {
    const off = preview('na,50%\neurope,40%');
    expect(off.lists[0]!.error).toBe('The shares of Region sum to 90%, not 100%: correct them, or tick “Scale each list to 100%”');
    expect(off.op).toBeUndefined();
    const scaled = preview('na,50%\neurope,40%', { scaleToWhole: true });
    expect(scaled.lists[0]).toMatchObject({ scaled: true, sum: 0.9 });
    const [na, europe] = scaled.op!.lists[0]!.entries.map((e) => e.share);
    expect(na).toBeCloseTo(0.5 / 0.9, 15);
    expect(europe).toBeCloseTo(0.4 / 0.9, 15);
    expect(na! + europe!).toBe(1);
    const rounded = preview('na,33.3%\neurope,33.3%\napac,33.3%');
    expect(rounded.errorCount).toBe(0);
    expect(rounded.lists[0]!.scaled).toBe(true);
    expect(preview('na,0%\neurope,0%', { scaleToWhole: true }).lists[0]!.error).toBe(
      'The shares of Region are all 0%: there is nothing to scale to 100%',
    );
  });

  // Issue 9: 1 / sum overflowed to Infinity for subnormal shares, and each became 100%.
  it('scales subnormal shares to 100% in proportion, like any others', () => {
    const result = preview('na,5e-324\neurope,1e-323', { scaleToWhole: true });
    expect(result.errorCount).toBe(0);
    const [na, europe] = result.op!.lists[0]!.entries.map((e) => e.share);
    expect(na).toBeCloseTo(1 / 3, 15);
    expect(europe).toBeCloseTo(2 / 3, 15);
    expect(regionShares(applied('na,5e-324\neurope,1e-323', { scaleToWhole: true })).map(([, s]) => s)).toEqual([na, europe, 0, 0, 0]);
  });

  it('says which members the paste leaves out: they get 0%', () => {
    const result = preview('na,60%\neurope,40%');
    expect(result.lists[0]!.zeroed).toEqual(['Asia-Pacific', 'Latin America', 'Middle East & Africa']);
    const after = applied('na,60%\neurope,40%');
    expect(regionShares(after).map(([, share]) => share)).toEqual([0.6, 0.4, 0, 0, 0]);
  });

  it('refuses an empty paste, a paste of only a header, and an unknown dimension', () => {
    expect(preview('').error).toBe('Nothing to import: paste rows of member and share');
    expect(preview('Region,Share').error).toBe('Nothing to import: paste rows of member and share');
    expect(preview('na,1', { dimensionId: 'nope' }).error).toBe('Choose the dimension the shares belong to');
  });
});

describe('creating members', () => {
  it('creates missing members and breakdowns when asked, new parents included', () => {
    const text = 'North America,40%\nEurope,30%\nAsia-Pacific,15%\nOceania,5%\nLatin America,6%\nMiddle East & Africa,4%\nOceania,Australia,80%\nOceania,New Zealand,20%';
    const refused = preview(text);
    expect(refused.rows[3]!.message).toBe('“Oceania” is not a member of Region: tick “Create missing members” to add it');
    const result = preview(text, { createMissing: true });
    expect(result.errorCount).toBe(0);
    expect(result.rows.filter((r) => r.status === 'new').map((r) => [r.member, r.message])).toEqual([
      ['Oceania', 'new member of Region'],
      ['Australia', 'new member of Oceania'],
      ['New Zealand', 'new member of Oceania'],
    ]);
    const after = applied(text, { createMissing: true });
    expect(findMember(after, ['region', 'oceania'])!.share.value).toBe(0.05);
    expect(findMember(after, ['region', 'oceania', 'new-zealand'])!.share.value).toBeCloseTo(0.2, 12);
  });

  it('keeps names as text: markup is a name like any other', () => {
    const after = applied('North America,40%\nEurope,30%\nApac,20%\nLatam,6%\nMea,3%\n<img src=x onerror=alert(1)>,1%', { createMissing: true });
    expect(after.dimensions[2]!.members.at(-1)).toMatchObject({ id: 'img-src-x-onerror-alert-1', name: '<img src=x onerror=alert(1)>' });
  });
});

// Issue 9: 5,000 new names with "Create missing members" froze the tab for ~23 s: every row was
// matched against every earlier one, and the 500-member limit was checked only after all of them.
describe('limits, checked before the work', () => {
  const newNames = (n: number) => Array.from({ length: n }, (_, i) => `Country ${i + 1}\t0.02%`).join('\n');

  it('stops at the row that would make a list too long, saying which, and checks no row after it', () => {
    const result = preview(newNames(5000), { createMissing: true });
    // The seed's Region has 5 members: the 496th new one would be its 501st.
    expect(result.error).toBe('Region can hold at most 500 members: row 496 would be its 501st. Rows after it were not checked');
    expect(result.rows).toHaveLength(496);
    expect(result.rows.at(-1)).toMatchObject({ row: 496, status: 'error', message: 'Region would have 501 members; at most 500' });
    expect(result.op).toBeUndefined();
  });

  it('previews the largest list an import can make, 500 members, in full', () => {
    const result = preview(newNames(495).replaceAll('0.02%', '0.2%'), { createMissing: true, scaleToWhole: true });
    expect(result.errorCount).toBe(0);
    expect(result.rows.filter((r) => r.status === 'new')).toHaveLength(495);
    expect(new Set(result.op!.lists[0]!.entries.map((e) => e.id)).size).toBe(495);
  });

  it('gives new members with the same id base distinct ids, in order', () => {
    const result = preview('Oceania!,10%\nOceania?,10%\nOceania.,10%\nNorth America,40%\nEurope,30%', { createMissing: true });
    expect(result.errorCount).toBe(0);
    expect(result.op!.lists[0]!.entries.filter((e) => e.create).map((e) => [e.id, e.name])).toEqual([
      ['oceania', 'Oceania!'],
      ['oceania-2', 'Oceania?'],
      ['oceania-3', 'Oceania.'],
    ]);
  });

  it('refuses a paste over 1,000,000 characters by its length alone, reading none of it', () => {
    const big = `North America\t40%\n${'x'.repeat(2_000_000)}`;
    let reads = 0;
    // Counts every use of the text other than its length: splitting, searching, slicing.
    const text = new Proxy(new String(big), {
      get(target, key) {
        if (key !== 'length') reads += 1;
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as unknown as string;
    const result = preview(text);
    expect(result.error).toBe(`The paste has 2,000,018 characters; at most ${MAX_IMPORT_CHARACTERS.toLocaleString('en-US')} can be imported at once`);
    expect(result.rows).toEqual([]);
    expect(reads).toBe(0);
  });
});
