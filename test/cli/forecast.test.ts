import { describe, expect, it } from 'vitest';
import { runForecastCli } from '../../src/cli/forecast';
import { badFixtureExpectations, badFixtureNames } from '../model/workspaceFixtures';

const fixture = (name: string) => `test/fixtures/${name}`;

describe('npm run forecast', () => {
  it('prints the seed forecast 2025–2032 as JSON when given no file', () => {
    const { code, stdout, stderr } = runForecastCli([]);
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

  it('prints CSV with a header of years and a row per series', () => {
    const { code, stdout } = runForecastCli(['--format', 'csv']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\r\n');
    expect(lines[0]).toBe('series,name,2025,2026,2027,2028,2029,2030,2031,2032');
    expect(lines[1]).toMatch(/^total,Total market,17.18,/);
    expect(lines.some((line) => line.startsWith('region/latam/ar,Argentina,'))).toBe(true);
  });

  it('forecasts another scenario of a file', () => {
    const { code, stdout } = runForecastCli([fixture('good/v1-full.slidecast.json'), '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).years.length).toBeGreaterThan(1);
    const seed = runForecastCli(['--scenario', 'narrow']);
    expect(JSON.parse(seed.stdout).years[0]).toBe(2023);
  });

  it('exits 2 naming the problem for an unknown scenario, format or option', () => {
    expect(runForecastCli(['--scenario', 'nope'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('--scenario: no scenario "nope"') });
    expect(runForecastCli(['--format', 'xml'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--format') });
    expect(runForecastCli(['--bogus'])).toMatchObject({ code: 2, stderr: expect.stringContaining('bogus') });
    expect(runForecastCli(['no/such/file.json'])).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read') });
  });

  const expectations = badFixtureExpectations();
  it.each(badFixtureNames())('refuses bad file %s with exit code 2, the field named, nothing on stdout', (name) => {
    const { code, stdout, stderr } = runForecastCli([fixture(`bad/${name}`)]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    for (const phrase of expectations[name]!.mentions) expect(stderr).toContain(phrase);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
