/**
 * The workspace files kept under test/fixtures, read for the tests of the file format.
 *
 * `good/` holds files of every format version that ever shipped (`v<version>-<name>.slidecast.json`),
 * which every later version must keep opening. `bad/` holds files that must be refused, and
 * `bad/expectations.json` says for each what its refusal must name.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { LoadError } from '../../src/model/loadError';
import type { Workspace } from '../../src/model/types';
import { WORKSPACE_FORMAT, WORKSPACE_VERSION } from '../../src/model/types';

// From the module's path as a string: under jsdom, `URL` is jsdom's, which Node's fileURLToPath refuses.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/');
const GOOD = `${FIXTURES}good/`;
const BAD = `${FIXTURES}bad/`;

const isWorkspaceFile = (name: string) => name.endsWith('.slidecast.json');

export interface GoodFixture {
  name: string;
  /** The format version its name announces (`v1-…`). */
  namedVersion: number;
  text: string;
}

export function goodFixtures(): GoodFixture[] {
  return readdirSync(GOOD)
    .filter(isWorkspaceFile)
    .sort()
    .map((name) => ({ name, namedVersion: Number(/^v(\d+)-/.exec(name)?.[1]), text: readFileSync(GOOD + name, 'utf8') }));
}

export function goodFixtureText(name: string): string {
  return readFileSync(GOOD + name, 'utf8');
}

export interface BadFixtureExpectation {
  /** What the file gets wrong, in a sentence. */
  about: string;
  kind: LoadError['kind'];
  /** Phrases (the field's path first) that the described error must contain. */
  mentions: string[];
}

export function badFixtureNames(): string[] {
  return readdirSync(BAD).filter(isWorkspaceFile).sort();
}

export function badFixtureText(name: string): string {
  return readFileSync(BAD + name, 'utf8');
}

export function badFixtureExpectations(): Record<string, BadFixtureExpectation> {
  return JSON.parse(readFileSync(`${BAD}expectations.json`, 'utf8')) as Record<string, BadFixtureExpectation>;
}

/** A small valid workspace to change one thing in: one scenario, two dimensions, nested members. */
export function validWorkspace(): Workspace {
  return {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    title: 'Test market',
    activeScenario: 'base',
    claims: [
      { id: 'headline', label: 'CAGR 5.2%', metric: 'cagr', fromYear: 2025, toYear: 2032, op: 'approx', value: 0.052, source: 'report' },
    ],
    scenarios: [
      {
        id: 'base',
        name: 'Base',
        model: {
          unit: 'USD bn',
          baseYear: 2025,
          endYear: 2032,
          baseSize: { value: 17.18 },
          baseGrowth: { value: 0.052, range: { low: 0.04, high: 0.06, dist: 'triangular' } },
          drivers: [{ id: 'ai', name: 'AI advances', impact: { value: 0.01 } }],
          dimensions: [
            {
              id: 'region',
              name: 'Region',
              members: [
                {
                  id: 'na',
                  name: 'North America',
                  share: { value: 0.6 },
                  children: [
                    { id: 'us', name: 'United States', share: { value: 0.9 } },
                    { id: 'ca', name: 'Canada', share: { value: 0.1 } },
                  ],
                },
                { id: 'rest', name: 'Rest of the world', share: { value: 0.4 } },
              ],
            },
          ],
          simulation: { samples: 1000, seed: 7 },
        },
      },
    ],
  };
}
