/**
 * The CSV exports: the member table (every member, children too, the engine's numbers), the full
 * forecast (the command line's CSV, with percentile rows when there are any), both safe against
 * spreadsheet formula injection; and the names files are offered under.
 */
import { describe, expect, it } from 'vitest';
import { runForecastCli } from '../../src/cli/forecast';
import { seriesCagrs, totalCagr } from '../../src/engine/cagr';
import { forecast } from '../../src/engine/forecast';
import type { Forecast } from '../../src/engine/forecastTypes';
import { forecastToCsv } from '../../src/io/forecastExport';
import { exportFileName, forecastCsv, memberTableToCsv } from '../../src/io/tableExport';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import type { Model } from '../../src/model/types';

function seedModel(): Model {
  return seedWorkspace().scenarios[0]!.model;
}

/** RFC 4180 parsing, enough for these files: quoted cells with "" escapes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  expect(cell).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describe('memberTableToCsv', () => {
  const model = seedModel();
  const result = forecast(model);
  const rows = parseCsv(memberTableToCsv(result, model.unit));
  const n = result.layout.years.length;

  it('has a header naming the years and the unit, then the total, then one row per member, children included', () => {
    expect(rows[0]).toEqual(['dimension', 'key', 'name', 'level', '2025 (USD bn)', '2032 (USD bn)', 'share of parent 2032', 'CAGR 2025–2032']);
    expect(rows).toHaveLength(2 + result.layout.series.length);
    expect(rows[1]!.slice(0, 4)).toEqual(['', 'total', 'Total market', '0']);
    expect(Number(rows[1]![4])).toBe(result.total[0]);
    expect(Number(rows[1]![5])).toBe(result.total[n - 1]);
    expect(Number(rows[1]![6])).toBe(1);
    expect(Number(rows[1]![7])).toBe(totalCagr(result));
    // Every series in the layout's order, grouped by dimension; countries at level 2 after their region.
    expect(rows.slice(2).map((r) => r[1])).toEqual(result.layout.series.map((s) => s.key));
    const china = rows.find((r) => r[1] === 'region/apac/cn')!;
    expect(china.slice(0, 4)).toEqual(['Region', 'region/apac/cn', 'China', '2']);
    expect(rows.findIndex((r) => r[1] === 'region/apac')).toBeLessThan(rows.indexOf(china));
  });

  it("carries the engine's numbers exactly: values, end-year share of the parent, CAGR", () => {
    const cagrs = seriesCagrs(result);
    result.layout.series.forEach((info, s) => {
      const row = rows[2 + s]!;
      expect(row[2]).toBe(info.name);
      expect(Number(row[4])).toBe(result.values[s * n]);
      expect(Number(row[5])).toBe(result.values[s * n + n - 1]);
      expect(Number(row[6])).toBe(result.shares[s * n + n - 1]);
      expect(Number(row[7])).toBe(cagrs[s]);
    });
  });

  it('leaves an undefined CAGR empty rather than writing NaN', () => {
    const zero = seedModel();
    zero.dimensions[0]!.members[0]!.share.value = 0;
    zero.dimensions[0]!.members[1]!.share.value = 1;
    const out = parseCsv(memberTableToCsv(forecast(zero), zero.unit));
    const hardware = out.find((r) => r[1] === 'type/hardware')!;
    expect(hardware[7]).toBe('');
    expect(memberTableToCsv(forecast(zero), zero.unit)).not.toMatch(/NaN|Infinity/);
  });

  it('writes names that look like formulas as text', () => {
    const hostile = seedModel();
    hostile.dimensions[2]!.members[0]!.name = '=HYPERLINK("http://x")';
    hostile.dimensions[2]!.members[1]!.children![0]!.name = '@SUM(A1)';
    hostile.dimensions[0]!.members[0]!.name = '+1, "quoted"';
    const text = memberTableToCsv(forecast(hostile), hostile.unit);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain(`,'@SUM(A1),`);
    expect(text).toContain(`"'+1, ""quoted"""`);
    const names = parseCsv(text).map((r) => r[2]);
    expect(names).toContain(`'=HYPERLINK("http://x")`);
    // No cell of the file starts a formula.
    for (const cell of parseCsv(text).flat()) expect(cell).not.toMatch(/^[=+@\t\r]/);
  });
});

describe('forecastCsv', () => {
  const model = seedModel();
  const result = forecast(model);

  it('is exactly the command line’s CSV when there are no percentiles', async () => {
    const cli = await runForecastCli(['--format', 'csv']);
    expect(cli.code).toBe(0);
    expect(forecastCsv(result)).toBe(cli.stdout);
    expect(forecastCsv(result)).toBe(forecastToCsv(result));
    const rows = parseCsv(forecastCsv(result));
    expect(rows[0]).toEqual(['series', 'name', ...result.layout.years.map(String)]);
    expect(rows).toHaveLength(2 + result.layout.series.length);
  });

  it('adds a row per series and statistic after the forecast, total first, percentiles in order, then the mean', () => {
    const n = result.layout.years.length;
    const ramp = (k: number) => Array.from({ length: n }, (_, t) => k + t / 10);
    const text = forecastCsv(result, {
      percentiles: {
        'region/na': { mean: ramp(5), p95: ramp(6), p5: ramp(4) },
        total: { p50: ramp(2), p5: ramp(1), p95: ramp(3), mean: ramp(2.5), p10: ramp(1.5) },
        'region/gone': { p5: [1] },
      },
    });
    expect(text.startsWith(forecastToCsv(result))).toBe(true);
    const extra = parseCsv(text).slice(2 + result.layout.series.length);
    expect(extra.map((r) => r.slice(0, 2))).toEqual([
      ['total:p5', 'Total market (p5)'],
      ['total:p10', 'Total market (p10)'],
      ['total:p50', 'Total market (p50)'],
      ['total:p95', 'Total market (p95)'],
      ['total:mean', 'Total market (mean)'],
      ['region/na:p5', 'North America (p5)'],
      ['region/na:p95', 'North America (p95)'],
      ['region/na:mean', 'North America (mean)'],
      ['region/gone:p5', 'region/gone (p5)'],
    ]);
    expect(extra[0]!.slice(2).map(Number)).toEqual(ramp(1));
    // A short series leaves the missing years empty; every row has all the year columns.
    expect(extra[8]!.slice(2)).toEqual(['1', ...Array(n - 1).fill('')]);
    for (const row of extra) expect(row).toHaveLength(2 + n);
  });

  it('writes percentile rows of a hostile series key as text', () => {
    const text = forecastCsv(result, { percentiles: { '=cmd|x': { p5: [1] } } });
    expect(text).toContain("'=cmd|x:p5");
  });

  it('handles a forecast without members', () => {
    const bare: Forecast = forecast({ ...model, dimensions: [] });
    expect(parseCsv(forecastCsv(bare))).toHaveLength(2);
    expect(parseCsv(memberTableToCsv(bare, 'USD bn'))).toHaveLength(2);
  });
});

describe('exportFileName', () => {
  it('joins workspace title, scenario and subject', () => {
    expect(exportFileName(['AI in Medical Imaging Diagnosis', 'Report consensus', 'forecast'], 'csv')).toBe(
      'AI in Medical Imaging Diagnosis - Report consensus - forecast.csv',
    );
    expect(exportFileName(['AI', 'Narrow definition ($6 B by 2028)', 'total market'], '.PNG')).toBe('AI - Narrow definition ($6 B by 2028) - total market.png');
  });

  it('removes path separators, reserved and control characters, and dots that would hide or end the name', () => {
    expect(exportFileName(['../../etc/passwd', 'a:b*c?d"e<f>g|h', 'x\u0000y\ny\u007f'], 'svg')).toBe('etc passwd - a b c d e f g h - x y y.svg');
    expect(exportFileName(['..hidden', 'end. '], 'csv')).toBe('hidden - end.csv');
    expect(exportFileName(['CON'], 'csv')).toBe('CON_.csv');
  });

  it('skips empty and repeated parts, falls back to a name, and stays short', () => {
    expect(exportFileName(['', '  ', undefined, '///'], 'csv')).toBe('slidecast.csv');
    expect(exportFileName(['Same', 'Same', 'forecast'], 'csv')).toBe('Same - forecast.csv');
    const long = exportFileName(['x'.repeat(500)], 'csv');
    expect(long).toBe(`${'x'.repeat(120)}.csv`);
    // Cut by characters, never in the middle of one.
    expect(Array.from(exportFileName(['😀'.repeat(200)], 'csv').replace(/\.csv$/, ''))).toHaveLength(120);
  });
});
