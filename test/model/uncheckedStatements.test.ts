import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertProperty } from '../support/property';
import { NO_CHECK, noteWithUncheckedStatement, splitNote, uncheckedStatements } from '../../src/model/uncheckedStatements';
import { dimension, driver, member, model } from '../support/models';

const QUOTE = 'Report, players: "They reported sales revenue of approximately $19 billion in 2022" — company revenue, not a share.';

describe('uncheckedStatements', () => {
  it('finds a statement kept in a member share’s note, names the number it sits on, and keeps the rest of the note apart', () => {
    const ge = member('ge', 0.2);
    ge.name = 'GE Healthcare';
    ge.share.note = noteWithUncheckedStatement('Assumption: a leader, about a fifth.', QUOTE);
    const m = model({ dimensions: [dimension('vendor', [ge, member('others', 0.8)])] });
    expect(ge.share.note).toBe(`Assumption: a leader, about a fifth. ${NO_CHECK} ${QUOTE}`);
    expect(uncheckedStatements(m)).toEqual([
      {
        key: 'share:vendor/ge',
        ref: { kind: 'memberShare', path: ['vendor', 'ge'] },
        about: 'GE Healthcare share',
        text: QUOTE,
        quote: 'They reported sales revenue of approximately $19 billion in 2022',
      },
    ]);
  });

  it('reads every quantity of the model in model order: market, drivers, members at any depth and their premiums', () => {
    const withStatement = (text: string) => ({ value: 0, note: noteWithUncheckedStatement('', text) });
    const child = member('c', 1);
    child.share = { value: 1, note: noteWithUncheckedStatement('', 'child') };
    const parent = member('p', 1, { children: [child] });
    parent.growthDelta = withStatement('premium');
    const d = driver('d', 0.01);
    d.impact = withStatement('driver');
    const m = model({ drivers: [d], dimensions: [dimension('dim', [parent])] });
    m.baseSize = { value: 1, source: 'a report', note: noteWithUncheckedStatement('A sourced size.', 'size') };
    m.baseGrowth = withStatement('growth');
    expect(uncheckedStatements(m).map((s) => [s.key, s.text])).toEqual([
      ['baseSize', 'size'],
      ['baseGrowth', 'growth'],
      ['driver:d', 'driver'],
      ['growthDelta:dim/p', 'premium'],
      ['share:dim/p/c', 'child'],
    ]);
  });

  it('keeps several statements of one note apart, and ignores an empty one', () => {
    const m = model({});
    m.baseGrowth = { value: 0, note: `Reasoning. ${NO_CHECK} first. ${NO_CHECK}   ${NO_CHECK} second` };
    expect(uncheckedStatements(m).map((s) => [s.key, s.text])).toEqual([
      ['baseGrowth', 'first.'],
      ['baseGrowth#2', 'second'],
    ]);
  });

  it('picks the first passage in quotes, straight or curly, as the words quoted', () => {
    const m = model({});
    m.baseGrowth = { value: 0, note: `${NO_CHECK} a, “curly words” and "straight"` };
    m.baseSize = { value: 1, note: `${NO_CHECK} no quote here` };
    expect(uncheckedStatements(m).map((s) => s.quote)).toEqual([undefined, 'curly words']);
  });

  it('finds nothing in notes without the marker, or with the words inside a sentence', () => {
    const m = model({ dimensions: [dimension('dim', [member('a', 1)])] });
    m.baseGrowth = { value: 0, note: 'Assumption: there is no check: of this.' };
    m.dimensions[0]!.members[0]!.share.note = 'Assumption, without any statement.';
    expect(uncheckedStatements(m)).toEqual([]);
  });

  it('splits a note into its reasoning and its statements, so each can be cited on its own', () => {
    expect(splitNote(noteWithUncheckedStatement(noteWithUncheckedStatement('Reasoning.', 'first'), 'second'))).toEqual({
      reasoning: 'Reasoning.',
      statements: ['first', 'second'],
    });
    expect(splitNote('Reasoning only.')).toEqual({ reasoning: 'Reasoning only.', statements: [] });
    expect(splitNote(`${NO_CHECK} alone`)).toEqual({ reasoning: '', statements: ['alone'] });
    expect(splitNote(undefined)).toEqual({ reasoning: '', statements: [] });
  });

  it('gives back, from any note, exactly the statements written into it', () => {
    const noMarker = fc.string({ maxLength: 40 }).filter((s) => !s.includes(NO_CHECK));
    const statement = noMarker.map((s) => s.trim()).filter((s) => s !== '');
    assertProperty(
      fc.property(noMarker, fc.array(statement, { maxLength: 3 }), (reasoning, statements) => {
        const note = statements.reduce((n, s) => noteWithUncheckedStatement(n, s), reasoning);
        const m = model({});
        m.baseGrowth = { value: 0, note };
        expect(uncheckedStatements(m).map((s) => s.text)).toEqual(statements);
        expect(splitNote(note).reasoning).toBe(reasoning.trim());
      }),
    );
  });
});
