import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forecastWorkspace, runForecastCli } from '../../src/cli/forecast';
import { serializeWorkspace } from '../../src/model/workspaceFile';
import { badFixtureExpectations, badFixtureNames } from '../model/workspaceFixtures';
import { workspaceOf } from '../state/storeFactories';
import { dimension, member, model } from '../support/models';

const fixture = (name: string) => `test/fixtures/${name}`;

describe('npm run forecast', () => {
  it('prints the seed forecast 2025–2032 as JSON when given no file', async () => {
    const { code, stdout, stderr } = await runForecastCli([]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout);
    expect(json.years).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032]);
    expect(json.total[0]).toBe(17.18);
    expect(json.total[7]).toBeCloseTo(17.18 * 1.052 ** 7, 9);
    expect(Object.keys(json.members)).toContain('region/apac/cn');
    // Every dimension adds up to the total in every year.
    for (const dimension of ['type', 'application', 'region']) {
      const tops = Object.keys(json.members).filter((k) => k.startsWith(`${dimension}/`) && k.split('/').length === 2);
      json.years.forEach((_: number, t: number) => {
        const sum = tops.reduce((acc, key) => acc + json.members[key][t], 0);
        expect(sum).toBeCloseTo(json.total[t], 9);
      });
    }
  });

  it('prints CSV with a header of years and a row per series', async () => {
    const { code, stdout } = await runForecastCli(['--format', 'csv']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\r\n');
    expect(lines[0]).toBe('series,name,2025,2026,2027,2028,2029,2030,2031,2032');
    expect(lines[1]).toMatch(/^total,Total market,17.18,/);
    expect(lines.some((line) => line.startsWith('region/latam/ar,Argentina,'))).toBe(true);
  });

  it('forecasts another scenario of a file', async () => {
    const { code, stdout } = await runForecastCli([fixture('good/v1-full.slidecast.json'), '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).years.length).toBeGreaterThan(1);
    const seed = await runForecastCli(['--scenario', 'narrow']);
    expect(JSON.parse(seed.stdout).years[0]).toBe(2023);
  });

  it('exits 2 naming the problem for an unknown scenario, format or option', async () => {
    expect(await runForecastCli(['--scenario', 'nope'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('--scenario: no scenario "nope"') });
    expect(await runForecastCli(['--format', 'xml'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--format') });
    expect(await runForecastCli(['--bogus'])).toMatchObject({ code: 2, stderr: expect.stringContaining('bogus') });
    expect(await runForecastCli(['no/such/file.json'])).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read') });
  });

  it('names a few of the scenarios of a file with 100 and how many more, for an unknown --scenario', async () => {
    const base = workspaceOf(model({ dimensions: [dimension('region', [member('na', 1)])] }));
    const scenario = base.scenarios[0]!;
    const workspace = {
      ...base,
      scenarios: Array.from({ length: 100 }, (_, i) => ({ ...scenario, id: `scenario-${i}-${'w'.repeat(180)}`, name: `Scenario ${i}` })),
      activeScenario: 'scenario-0-' + 'w'.repeat(180),
    };
    const folder = mkdtempSync(join(tmpdir(), 'slidecast-forecast-'));
    try {
      const file = join(folder, 'many.slidecast.json');
      writeFileSync(file, serializeWorkspace(workspace));
      expect((await runForecastCli([file])).code).toBe(0);
      const { code, stdout, stderr } = await runForecastCli([file, '--scenario', 'nope']);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain('--scenario: no scenario "nope"');
      expect(stderr).toContain('"scenario-0-www');
      expect(stderr).toContain('and 95 more');
      expect(stderr).not.toContain('scenario-5-');
      expect(stderr.length).toBeLessThan(500);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('prints finite numbers that add up for a share of 5e-324 whose sibling collapses (it printed null, exit 0: issue 9)', async () => {
    // Niche (σ 5e-324) takes the market when the incumbent (δ −1) vanishes in 2026, a growth of
    // 2e323-fold that overflowed; its two parts then split it ½ / ½, then by their premiums.
    const { code, stdout, stderr } = await runForecastCli([fixture('good/v2-tiny-share-collapsing-sibling.slidecast.json')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).not.toContain('null');
    const json = JSON.parse(stdout) as { total: number[]; members: Record<string, number[]> };
    for (const series of [json.total, ...Object.values(json.members)]) for (const x of series) expect(Number.isFinite(x)).toBe(true);
    json.total.forEach((total, t) => {
      const niche = json.members['vendor/niche']![t]!;
      expect(niche + json.members['vendor/incumbent']![t]!).toBeCloseTo(total, 12);
      expect(json.members['vendor/niche/early']![t]! + json.members['vendor/niche/late']![t]!).toBeCloseTo(niche, 12);
    });
    expect(json.members['vendor/niche/early']![1]).toBe(5);
    // 2027: the market grows 5%; early × 1.05, late × 1.25: 10.5 · 1.05 / 2.3 = 4.7934…
    expect(json.members['vendor/niche/early']![2]).toBeCloseTo((10.5 * 1.05) / 2.3, 12);
  });

  it('exits 4 naming the series and year, with nothing on stdout, where a number is too large to compute', async () => {
    // The file limits keep every valid file far from this (test/engine/forecast.test.ts); a model
    // built beyond them — 10^300 growing 1000% a year — passes the largest double in 2033.
    const workspace = workspaceOf(model({ endYear: 2040, baseSize: 1e300, baseGrowth: 10, dimensions: [dimension('region', [member('na', 1)])] }));
    for (const format of ['json', 'csv'] as const) {
      const { code, stdout, stderr } = await forecastWorkspace(workspace, { format });
      expect(code).toBe(4);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        'forecast: scenario "s0": the total in 2033 is too large to compute (beyond 1.8e308 USD bn); nothing was written\n',
      );
    }
  });

  const expectations = badFixtureExpectations();
  it.each(badFixtureNames())('refuses bad file %s with exit code 2, the field named, nothing on stdout', async (name) => {
    const { code, stdout, stderr } = await runForecastCli([fixture(`bad/${name}`)]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    for (const phrase of expectations[name]!.mentions) expect(stderr).toContain(phrase);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
