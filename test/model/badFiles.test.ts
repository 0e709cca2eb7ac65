/**
 * The corpus of bad files (test/fixtures/bad): each must be refused whole, with the kind of error
 * and a message that names what `bad/expectations.json` says it must — the field's path first.
 */
import { describe, expect, it } from 'vitest';
import { describeLoadError } from '../../src/model/loadError';
import { parseWorkspaceFile, readWorkspaceValue } from '../../src/model/workspaceFile';
import { badFixtureExpectations, badFixtureNames, badFixtureText } from './workspaceFixtures';

const expectations = badFixtureExpectations();
const names = badFixtureNames();

describe('the bad-file corpus', () => {
  it('holds at least 30 files, each with its expectation and no expectation without its file', () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(expectations).sort()).toEqual(names);
  });

  it.each(names)('%s is refused with a message naming its field', (name) => {
    const expected = expectations[name]!;
    const result = parseWorkspaceFile(badFixtureText(name));
    expect(result.ok, expected.about).toBe(false);
    if (result.ok) return;
    expect(result.error.kind, expected.about).toBe(expected.kind);
    const message = describeLoadError(result.error);
    for (const phrase of expected.mentions) expect(message, expected.about).toContain(phrase);
  });

  // The same rules hold for a value parsed elsewhere (a workspace link), except for what only the
  // text shows: a repeated key (JSON.parse keeps the last) and text that is not JSON at all.
  const parseable = names.filter((name) => ['invalid', 'notAWorkspace', 'versionTooNew', 'unsafeKey'].includes(expectations[name]!.kind));
  it.each(parseable)('%s is refused the same way when already parsed', (name) => {
    const result = readWorkspaceValue(JSON.parse(badFixtureText(name)));
    expect(result.ok || result.error.kind).toBe(expectations[name]!.kind);
  });
});
