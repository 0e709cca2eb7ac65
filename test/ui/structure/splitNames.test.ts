/**
 * A typed list of names (new members, new parts): split at commas, semicolons and new lines, with
 * quotes as in the share import's CSV (src/model/shareImport.ts `splitRows`).
 */
import { describe, expect, it } from 'vitest';
import { splitNames } from '../../../src/ui/structure/MemberRows';

describe('splitNames', () => {
  it('splits at commas, semicolons and new lines, trimming and dropping empty names', () => {
    expect(splitNames('Retail, Online; Wholesale\nExport,, ')).toEqual(['Retail', 'Online', 'Wholesale', 'Export']);
  });

  it('keeps a quoted name whole, commas and all, and reads "" inside quotes as a quote', () => {
    expect(splitNames('"Edge, devices", Cloud')).toEqual(['Edge, devices', 'Cloud']);
    expect(splitNames('"The ""big"" three"; Others')).toEqual(['The "big" three', 'Others']);
  });
});
