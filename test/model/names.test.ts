import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLabel, checkName, hasVisibleText, sameName, unclosedDirectionControl } from '../../src/model/names';
import { cleanName } from '../../src/model/scenarioEdits';
import { setUnit } from '../../src/model/structureOps';
import { setWorkspaceTitle } from '../../src/state/structureEdits';
import { parseWorkspaceFile } from '../../src/model/workspaceFile';
import { describeLoadError } from '../../src/model/loadError';
import type { Workspace } from '../../src/model/types';
import { assertProperty } from '../support/property';
import { validWorkspace } from './workspaceFixtures';

const RLO = '\u202E';
const PDF = '\u202C';
const RLI = '\u2067';
const PDI = '\u2069';
const ZWSP = '\u200B';

describe('checkName', () => {
  it('collapses spacing and trims the ends', () => {
    expect(checkName('  North\t\nAmerica  ', 'A member')).toEqual({ name: 'North America' });
  });

  it('names what is missing, too long, invisible or unclosed', () => {
    expect(checkName('   ', 'A member')).toEqual({ error: 'A member needs a name' });
    expect(checkName('x'.repeat(201), 'A scenario')).toEqual({ error: 'A scenario’s name can be at most 200 characters' });
    expect(checkName(`${ZWSP}\u2060\uFEFF\u3164`, 'A scenario')).toEqual({
      error: 'A scenario’s name has only invisible characters; type one that shows',
    });
    expect(checkName(`Bear ${RLO}case`, 'A scenario')).toEqual({
      error: 'A scenario’s name has a direction control (U+202E) that is never closed: it would turn round the text drawn after it',
    });
  });

  it('takes direction controls that are closed, and right-to-left names', () => {
    expect(checkName(`Bear ${RLO}case${PDF}`, 'A scenario')).toEqual({ name: `Bear ${RLO}case${PDF}` });
    expect(checkName(`${RLI}שוק${PDI} 2032`, 'A member')).toEqual({ name: `${RLI}שוק${PDI} 2032` });
    expect(checkName('الشرق الأوسط', 'A member')).toEqual({ name: 'الشرق الأوسط' });
  });

  it('is the rule of every label a user types: scenario, member, unit, title', () => {
    expect(cleanName(`${ZWSP}${ZWSP}`)).toEqual({ error: 'A scenario’s name has only invisible characters; type one that shows' });
    const model = structuredClone(validWorkspace().scenarios[0]!.model);
    expect(setUnit(model, `USD ${RLO}m`)).toMatch(/^The unit has a direction control \(U\+202E\)/);
    expect(setUnit(model, ZWSP)).toBe('The unit has only invisible characters; type one that shows');
    const workspace = validWorkspace();
    expect(setWorkspaceTitle(workspace, `\u2066Market`)).toMatch(/^The title has a direction control \(U\+2066\)/);
    expect(setWorkspaceTitle(workspace, '\u00A0\u200D')).toBe('The title has only invisible characters; type one that shows');
    expect(workspace.title).toBe(validWorkspace().title);
  });
});

describe('unclosedDirectionControl', () => {
  it('pairs controls as UAX #9 does', () => {
    expect(unclosedDirectionControl(`${RLO}a${PDF}`)).toBeUndefined();
    expect(unclosedDirectionControl(`${RLI}a${PDI}`)).toBeUndefined();
    // A PDI closes its isolate and every embedding opened inside it.
    expect(unclosedDirectionControl(`${RLI}${RLO}a${PDI}`)).toBeUndefined();
    // A PDF does not close an isolate, nor reach past one.
    expect(unclosedDirectionControl(`${RLI}a${PDF}`)).toBe(RLI);
    expect(unclosedDirectionControl(`${RLO}${RLI}a${PDF}${PDI}`)).toBe(RLO);
    // Closers with nothing open are ignored, as the algorithm ignores them.
    expect(unclosedDirectionControl(`${PDF}${PDI}a`)).toBeUndefined();
    expect(unclosedDirectionControl(`${PDI}${RLO}`)).toBe(RLO);
  });

  it('finds every text closed once enough closers follow it, and a closed text still closed inside an isolate', () => {
    const controls = fc.constantFrom('\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', 'a', ' ');
    const text = fc.array(controls, { maxLength: 12 }).map((chars) => chars.join(''));
    assertProperty(
      fc.property(text, (inner) => {
        // PDIs close every isolate and what opened inside them; PDFs then close the embeddings left.
        const n = [...inner].length;
        expect(unclosedDirectionControl(`${inner}${PDI.repeat(n)}${PDF.repeat(n)}`)).toBeUndefined();
        // Letters after a text close nothing it left open.
        expect(unclosedDirectionControl(`${inner}abc`)).toBe(unclosedDirectionControl(inner));
        if (unclosedDirectionControl(inner) === undefined) expect(unclosedDirectionControl(`${RLI}${inner}${PDI}`)).toBeUndefined();
      }),
    );
  });
});

describe('hasVisibleText', () => {
  it('sees letters, digits, marks and symbols; not spaces, format or filler characters', () => {
    for (const text of ['a', '1', '€', '—', 'é', '中', '🙂', '\u0301']) expect(hasVisibleText(text)).toBe(true);
    for (const text of ['', ' ', ZWSP, '\u034F', '\u{E0100}', '\u200C\u200D', '\u2060', '\uFEFF', '\u3164', '\u115F', '\uFE0F', '\u00AD', '\u2800', RLO + PDF]) {
      expect(hasVisibleText(text)).toBe(false);
    }
  });
});

describe('sameName', () => {
  it('ignores case and spacing', () => {
    expect(sameName(' North  america', 'north America')).toBe(true);
    expect(sameName('North America', 'South America')).toBe(false);
  });
});

describe('checkLabel', () => {
  it('uses the words it is given', () => {
    expect(checkLabel('', { missing: 'The unit needs a name', subject: 'The unit' })).toEqual({ error: 'The unit needs a name' });
  });
});

describe('a file’s text meets the same rule', () => {
  function opened(edit: (workspace: Workspace) => void): string | undefined {
    const workspace = validWorkspace();
    edit(workspace);
    const result = parseWorkspaceFile(JSON.stringify(workspace));
    return result.ok ? undefined : describeLoadError(result.error);
  }

  it('refuses a scenario name of invisible characters, naming the field', () => {
    const message = opened((w) => {
      w.scenarios[0]!.name = `${ZWSP}${ZWSP}`;
    });
    expect(message).toContain('scenarios[0].name: has only invisible characters');
  });

  it('refuses a direction control left open in a name, a title or a note', () => {
    for (const edit of [
      (w: Workspace) => void (w.scenarios[0]!.name = `Base${RLO}`),
      (w: Workspace) => void (w.title = `${RLO}Market`),
      (w: Workspace) => void (w.scenarios[0]!.notes = `fine, then ${RLO}not`),
    ]) {
      expect(opened(edit)).toContain('direction control (U+202E) that is never closed');
    }
  });

  it('opens names with closed controls and right-to-left text', () => {
    expect(opened((w) => void (w.scenarios[0]!.name = `${RLI}שוק${PDI}`))).toBeUndefined();
  });
});
