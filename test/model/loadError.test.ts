import { describe, expect, it } from 'vitest';
import { ISSUES_SHOWN, describeLoadError, type LoadError } from '../../src/model/loadError';

/** One example of every kind: a new kind fails to compile here until it has an example. */
const examples: { [K in LoadError['kind']]: Extract<LoadError, { kind: K }> } = {
  tooLarge: { kind: 'tooLarge', length: 21_000_000, limit: 5 * 1024 * 1024 },
  notJson: { kind: 'notJson', reason: 'NaN is not a number a file can hold', path: 'scenarios[0].model.baseSize.value', line: 12, column: 18 },
  tooDeep: { kind: 'tooDeep', limit: 64, path: 'title[0][0]' },
  unsafeKey: { kind: 'unsafeKey', key: '__proto__', path: 'scenarios[0].__proto__' },
  duplicateKey: { kind: 'duplicateKey', key: 'baseSize', path: 'scenarios[0].model.baseSize', line: 9, column: 7 },
  tooManyFields: { kind: 'tooManyFields', limit: 100, path: 'scenarios[0].model', line: 1, column: 1_180 },
  tooManyValues: { kind: 'tooManyValues', limit: 1_000_000, path: 'title', line: 3, column: 1_999_990 },
  notAWorkspace: { kind: 'notAWorkspace', topLevel: 'object', format: '"excalidraw"' },
  versionTooNew: { kind: 'versionTooNew', version: 2, newestKnown: 1 },
  migrationFailed: { kind: 'migrationFailed', fromVersion: 1, toVersion: 2, reason: 'claims are missing' },
  invalid: { kind: 'invalid', issues: [{ path: 'scenarios[0].model.endYear', message: 'must be after baseYear (2025), not 2020' }] },
  unexpected: { kind: 'unexpected', reason: 'out of memory' },
};

describe('describeLoadError', () => {
  it.each(Object.values(examples))('says what went wrong for $kind, in one sentence with its details', (error) => {
    const message = describeLoadError(error);
    expect(message).toMatch(/[.?a-z0-9)]$/);
    expect(message).not.toMatch(/undefined|\[object|NaN MB/);
  });

  it('names the field first, in the form of the design', () => {
    const error: LoadError = {
      kind: 'invalid',
      issues: [{ path: 'scenarios[0].model.dimensions[2].members[1].share.value', message: 'must be between 0 and 1' }],
    };
    expect(describeLoadError(error)).toBe('scenarios[0].model.dimensions[2].members[1].share.value: must be between 0 and 1');
    expect(describeLoadError(examples.unsafeKey)).toMatch(/^scenarios\[0\]\.__proto__: /);
    expect(describeLoadError(examples.duplicateKey)).toMatch(/^scenarios\[0\]\.model\.baseSize: .*line 9, column 7/);
    expect(describeLoadError(examples.notJson)).toContain('line 12, column 18 (scenarios[0].model.baseSize.value): NaN');
    expect(describeLoadError(examples.versionTooNew)).toMatch(/^version: .*format 2/);
  });

  it('calls a problem with the file as a whole "the file"', () => {
    expect(describeLoadError({ kind: 'invalid', issues: [{ path: '', message: 'must be an object { … }, not a list' }] })).toBe(
      'the file: must be an object { … }, not a list',
    );
  });

  it(`lists the first ${ISSUES_SHOWN} of many issues and says how many more`, () => {
    const issues = Array.from({ length: 8 }, (_, i) => ({ path: `scenarios[${i}].name`, message: 'must not be empty' }));
    const message = describeLoadError({ kind: 'invalid', issues });
    expect(message.split('\n')).toEqual([
      'The file has 8 problems:',
      ...issues.slice(0, ISSUES_SHOWN).map((issue) => `- ${issue.path}: must not be empty`),
      '… and 3 more.',
    ]);
  });

  it('counts the issues that were found but not kept, and says when validation stopped looking', () => {
    const issues = Array.from({ length: 10 }, (_, i) => ({ path: `claims[${i}].op`, message: 'is missing' }));
    expect(describeLoadError({ kind: 'invalid', issues, moreIssues: 12_340 }).split('\n')).toEqual([
      'The file has 12,350 problems:',
      ...issues.slice(0, ISSUES_SHOWN).map((issue) => `- ${issue.path}: is missing`),
      '… and 12,345 more.',
    ]);
    const stopped = describeLoadError({ kind: 'invalid', issues, stoppedEarly: true }).split('\n');
    expect(stopped[0]).toBe('The file has at least 10 problems:');
    expect(stopped.at(-1)).toBe('… and more.');
  });

  it('names the object with too many fields, or the file when it is the top level', () => {
    expect(describeLoadError(examples.tooManyFields)).toMatch(/^scenarios\[0\]\.model: has more than 100 fields \(.*line 1, column 1180\)/);
    expect(describeLoadError({ ...examples.tooManyFields, path: '' })).toMatch(/^The file has more than 100 fields/);
  });

  it('shortens a runaway path', () => {
    const message = describeLoadError({ kind: 'tooDeep', limit: 64, path: '[0]'.repeat(65) });
    expect(message.length).toBeLessThan(250);
    expect(message).toContain('…');
  });

  it('explains each way a file can fail to be a workspace', () => {
    expect(describeLoadError({ kind: 'notAWorkspace', topLevel: 'list' })).toContain('it holds a list');
    expect(describeLoadError({ kind: 'notAWorkspace', topLevel: 'object' })).toContain('no "format" field');
    expect(describeLoadError(examples.notAWorkspace)).toContain('its format is "excalidraw", not "slidecast.workspace"');
  });
});
