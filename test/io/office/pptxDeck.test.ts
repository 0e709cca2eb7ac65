// @vitest-environment jsdom
/**
 * The PowerPoint deck (issue 12): built for the seed workspace and for one with hostile names,
 * written by pptxgenjs, unzipped and its XML parsed back. Every slide is there in order; every
 * chart's cached numbers are the engine's (total, members, percentiles, bridge steps) to 1e-9;
 * every name arrives as the same text, escaped, in the slides, the charts and the charts'
 * embedded workbooks.
 */
import { describe, expect, it } from 'vitest';
import { bridgeSteps } from '../../../src/engine/bridge';
import { totalCagr } from '../../../src/engine/cagr';
import { evaluateScenario } from '../../../src/engine/evaluateScenario';
import { seriesValues } from '../../../src/engine/seriesAccess';
import { simulate } from '../../../src/engine/simulate';
import { simulationSeries } from '../../../src/engine/simulationSummary';
import type { DeckContent } from '../../../src/io/office/deckContent';
import { xmlSafeText } from '../../../src/io/office/xmlText';
import { distinctSeriesNames } from '../../../src/io/office/seriesNames';
import { DeckTooLargeError, deckChartCount, MAX_DECK_CHARTS, writeDeck } from '../../../src/io/office/pptxDeck';
import { seedWorkspace } from '../../../src/model/seedWorkspace';
import type { Workspace } from '../../../src/model/types';
import type { SimulationProgress } from '../../../src/state/simulationSlice';
import { deckOfWorkspace, type DeckRequest } from '../../../src/ui/export/office/deckOfWorkspace';
import { STATUS_COLORS } from '../../../src/ui/charts/chartPalette';
import { formatClaimOdds } from '../../../src/ui/claimOdds';
import { formatLongDate, formatPercent, formatSize } from '../../../src/ui/format';
import { close, readDeck, type DeckChart, type DeckRead } from './deckPackage';

const TODAY = new Date(2026, 11, 1, 23, 30);

function request(workspace: Workspace, overrides: Partial<DeckRequest> = {}): DeckRequest {
  const active = workspace.scenarios.find((s) => s.id === workspace.activeScenario)!;
  return {
    workspace,
    scenarioIds: [workspace.activeScenario],
    activeResult: evaluateScenario(active.model, workspace.claims),
    simulation: undefined,
    bridgePair: undefined,
    today: TODAY,
    ...overrides,
  };
}

async function deckOf(content: DeckContent): Promise<DeckRead> {
  return readDeck(await writeDeck(content));
}

function expectSeries(actual: (number | undefined)[], expected: ArrayLike<number>, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!close(actual[i], expected[i]!)) throw new Error(`${what}[${i}]: ${actual[i]} in the file, ${expected[i]} from the engine`);
  }
}

function seriesNamed(chart: DeckChart, name: string) {
  const found = chart.groups.flatMap((g) => g.series).filter((s) => s.name === name);
  expect(found, `one series named ${name}`).toHaveLength(1);
  return found[0]!;
}

describe('the deck of the seed scenario on screen', () => {
  it('has the title, headline, total, one slide per dimension, the bridge and the assumptions, in order', async () => {
    const workspace = seedWorkspace();
    const scenario = workspace.scenarios[0]!;
    const { forecast, claims } = evaluateScenario(scenario.model, workspace.claims);
    const deck = await deckOf(deckOfWorkspace(request(workspace)));
    const { years } = forecast.layout;
    const last = years[years.length - 1]!;

    const [title, headline, total, ...rest] = deck.slides;
    expect(title!.texts).toEqual([workspace.title, scenario.name, formatLongDate(TODAY), 'Made with Slidecast']);
    const met = claims.filter((c) => c.status === 'met').length;
    const checkable = claims.filter((c) => c.status !== 'notCheckable').length;
    expect(headline!.texts).toEqual(
      expect.arrayContaining([`Market in ${last}`, formatSize(forecast.total[years.length - 1]!, scenario.model.unit), formatPercent(totalCagr(forecast)), `${met} of ${checkable} checkable`]),
    );
    expect(total!.texts[0]).toBe(`Total market (${scenario.model.unit})`);
    const dimensions = forecast.layout.dimensions;
    expect(rest.slice(0, dimensions.length).map((s) => s.texts[0])).toEqual(dimensions.map((d) => `${d.name} (${scenario.model.unit})`));
    expect(rest[dimensions.length]!.texts[0]).toBe(`Bridge: ${workspace.scenarios[0]!.name} → ${workspace.scenarios[1]!.name}`);
    expect(rest[dimensions.length + 1]!.texts[0]).toBe('Key assumptions');
    const tables = rest.slice(dimensions.length + 1);
    expect(tables.some((s) => s.texts[0] === 'Sources and notes')).toBe(true);
    // The seed's notes run over more than one slide; each continuation says what it continues.
    expect(tables.length).toBeGreaterThan(2);
    const headings = tables.map((slide) => slide.texts.filter((t) => /^(Key assumptions|Sources and notes)( \(continued\))?$/.test(t)));
    for (const found of headings) expect(found).toHaveLength(1);
    expect(headings.filter(([h]) => h!.endsWith('(continued)')).length).toBe(tables.length - 2);
    // A deck of one scenario has no sections.
    expect(deck.presentation.getElementsByTagName('p14:section')).toHaveLength(0);
  });

  it('writes the total, its claims and every member as native charts holding the engine’s numbers', async () => {
    const workspace = seedWorkspace();
    const scenario = workspace.scenarios[0]!;
    const { forecast, claims } = evaluateScenario(scenario.model, workspace.claims);
    const deck = await deckOf(deckOfWorkspace(request(workspace)));
    const years = forecast.layout.years.map(String);

    const totalChart = deck.slides[2]!.charts[0]!;
    const total = seriesNamed(totalChart, 'Forecast');
    expect(total.categories).toEqual(years);
    expectSeries(total.values, forecast.total, 'total');
    // The size claims on the total that the scenario can check, each a marker alone at its year.
    const markerClaims = workspace.claims.filter(
      (c) => c.metric === 'size' && c.member === undefined && claims.find((s) => s.claimId === c.id)?.status !== 'notCheckable',
    );
    expect(markerClaims.length).toBeGreaterThan(0);
    const markers = totalChart.groups.flatMap((g) => g.series).filter((s) => s.name !== 'Forecast');
    expect(markers).toHaveLength(markerClaims.length);
    markerClaims.forEach((claim, i) => {
      if (claim.metric !== 'size') throw new Error('a size claim');
      const marker = markers[i]!;
      expect(marker.name.startsWith(claim.label)).toBe(true);
      const status = claims.find((s) => s.claimId === claim.id)!.status as 'met' | 'missed';
      expect([marker.fill, marker.markerFill]).toEqual([STATUS_COLORS[status].slice(1), STATUS_COLORS[status].slice(1)]);
      const at = years.indexOf(String(claim.year));
      expect(marker.values.map((v, t) => (t === at ? v : v === undefined))).toEqual(years.map((_, t) => (t === at ? claim.value : true)));
    });

    forecast.layout.dimensions.forEach((dimension, d) => {
      const chart = deck.slides[3 + d]!.charts[0]!;
      expect(chart.groups.map((g) => [g.type, g.grouping])).toEqual([['c:areaChart', 'stacked']]);
      const series = chart.groups[0]!.series;
      expect(series.map((s) => s.name)).toEqual(dimension.members.map((s) => forecast.layout.series[s]!.name));
      dimension.members.forEach((s, i) => {
        expect(series[i]!.categories).toEqual(years);
        expectSeries(series[i]!.values, seriesValues(forecast, s), `${dimension.name}/${forecast.layout.series[s]!.name}`);
      });
      // The same names in the chart's embedded workbook, as text.
      expect(chart.sharedStrings).toEqual(expect.arrayContaining([...series.map((s) => s.name), ...years]));
    });
  });

  it('draws the bridge as a waterfall whose bars add up to the engine’s steps', async () => {
    const workspace = seedWorkspace();
    const [from, to] = workspace.scenarios;
    const bridge = bridgeSteps(from!.model, to!.model);
    const deck = await deckOf(deckOfWorkspace(request(workspace)));
    const slide = deck.slides.find((s) => s.texts[0]?.startsWith('Bridge:'))!;
    const chart = slide.charts[0]!;
    expect(chart.groups.map((g) => [g.type, g.grouping])).toEqual([['c:barChart', 'stacked']]);
    const base = seriesNamed(chart, 'Base');
    const totals = seriesNamed(chart, 'Total');
    const up = seriesNamed(chart, 'Raises the total');
    const down = seriesNamed(chart, 'Lowers the total');
    const moving = bridge.steps.filter((step) => Math.abs(step.delta) > 1e-12 * Math.abs(bridge.toTotal));
    expect(moving.length).toBeGreaterThan(0);
    expect(totals.categories).toEqual([`${from!.name}, ${bridge.fromYear}`, ...moving.map((s) => s.label), `${to!.name}, ${bridge.toYear}`]);
    expect(close(totals.values[0], bridge.fromTotal)).toBe(true);
    expect(close(totals.values[moving.length + 1], bridge.toTotal)).toBe(true);
    let level = bridge.fromTotal;
    moving.forEach((step, i) => {
      const delta = up.values[i + 1]! - down.values[i + 1]!;
      if (!close(delta, step.delta)) throw new Error(`step ${step.label}: ${delta} in the file, ${step.delta} from the engine`);
      expect(close(base.values[i + 1], Math.min(level, level + step.delta))).toBe(true);
      level += step.delta;
    });
  });

  it('draws the fan of a finished simulation: each stacked edge on its percentile, and the median', async () => {
    const workspace = seedWorkspace();
    const scenario = workspace.scenarios[0]!;
    const summary = simulate(scenario.model, workspace.claims, { samples: 2000, seed: 7 });
    const simulation: SimulationProgress = { scenarioId: scenario.id, summary, target: 2000, running: false };
    const deck = await deckOf(deckOfWorkspace(request(workspace, { simulation })));
    const chart = deck.slides[2]!.charts[0]!;
    const area = chart.groups.find((g) => g.type === 'c:areaChart')!;
    expect(area.grouping).toBe('stacked');
    // Undo the stacking: the running sums are the percentiles, bottom up.
    const edges = ['p5', 'p10', 'p25', 'p75', 'p90', 'p95'] as const;
    const sums = new Array<number>(summary.yearCount).fill(0);
    area.series.forEach((series, i) => {
      series.values.forEach((v, t) => (sums[t]! += v ?? NaN));
      expectSeries(sums, simulationSeries(summary, edges[i]!, 0), edges[i]!);
    });
    expectSeries(seriesNamed(chart, 'Median (simulated)').values, simulationSeries(summary, 'p50', 0), 'p50');
    // The fan's invisible base stays in the chart and its data, but out of the legend: exactly its entry is deleted.
    const doc = new DOMParser().parseFromString(chart.xml, 'application/xml');
    const base = [...doc.getElementsByTagName('c:ser')].find((ser) => ser.getElementsByTagName('c:tx')[0]?.textContent?.includes('base of the fan'))!;
    const baseIndex = base.getElementsByTagName('c:idx')[0]!.getAttribute('val');
    const entries = [...doc.getElementsByTagName('c:legendEntry')].map((entry) => [
      entry.getElementsByTagName('c:idx')[0]!.getAttribute('val'),
      entry.getElementsByTagName('c:delete')[0]!.getAttribute('val'),
    ]);
    expect(entries).toEqual([[baseIndex, '1']]);
    expect(entries[0]![0]).toBe('0');
    // The headline says the 80% interval; the chart's caption, the odds of each claim it marks.
    expect(deck.slides[1]!.texts.some((t) => t.startsWith('80% interval'))).toBe(true);
    const marked = workspace.claims.find((c) => c.metric === 'size' && c.member === undefined)!;
    const odds = summary.claims.find((c) => c.claimId === marked.id)!;
    expect(deck.slides[2]!.texts.join(' ')).toContain(formatClaimOdds(marked, odds.probability, scenario.model.unit));
  });

  it('has no fan and no interval without a simulation', async () => {
    const deck = await deckOf(deckOfWorkspace(request(seedWorkspace())));
    expect(deck.slides.flatMap((slide) => slide.charts).some((chart) => chart.xml.includes('<c:legendEntry>'))).toBe(false);
    expect(deck.slides[2]!.charts[0]!.groups.some((g) => g.type === 'c:areaChart')).toBe(false);
    expect(deck.slides[1]!.texts.some((t) => t.startsWith('80% interval'))).toBe(false);
  });

  it('has no bridge slide in a workspace of one scenario', async () => {
    const workspace = seedWorkspace();
    workspace.scenarios = [workspace.scenarios[0]!];
    workspace.activeScenario = workspace.scenarios[0]!.id;
    const deck = await deckOf(deckOfWorkspace(request(workspace)));
    expect(deck.slides.some((s) => s.texts[0]?.startsWith('Bridge'))).toBe(false);
    expect(deck.slides.some((s) => s.charts.some((c) => c.groups.some((g) => g.type === 'c:barChart')))).toBe(false);
  });

  it('explains the Compare view’s chosen pair when both scenarios still exist', async () => {
    const workspace = seedWorkspace();
    const [a, b] = workspace.scenarios;
    const chosen = await deckOf(deckOfWorkspace(request(workspace, { bridgePair: { from: b!.id, to: a!.id } })));
    expect(chosen.slides.some((s) => s.texts[0] === `Bridge: ${b!.name} → ${a!.name}`)).toBe(true);
    const gone = await deckOf(deckOfWorkspace(request(workspace, { bridgePair: { from: 'deleted', to: a!.id } })));
    expect(gone.slides.some((s) => s.texts[0] === `Bridge: ${a!.name} → ${b!.name}`)).toBe(true);
  });
});

describe('the deck of every scenario', () => {
  it('has one section per scenario, named after it, holding that scenario’s slides', async () => {
    const workspace = seedWorkspace();
    const content = deckOfWorkspace(request(workspace, { scenarioIds: workspace.scenarios.map((s) => s.id) }));
    const deck = await deckOf(content);
    const sections = [...deck.presentation.getElementsByTagName('p14:section')];
    expect(sections.map((s) => s.getAttribute('name'))).toEqual(workspace.scenarios.map((s) => s.name));
    const perSection = sections.map((s) => s.getElementsByTagName('p14:sldId').length);
    expect(perSection.reduce((a, b) => a + b, 0)).toBe(deck.slides.length);
    // Each section's total chart holds its own scenario's forecast.
    let first = 0;
    workspace.scenarios.forEach((scenario, i) => {
      const forecast = evaluateScenario(scenario.model, workspace.claims).forecast;
      expect(deck.slides[first]!.texts[1]).toBe(scenario.name);
      expectSeries(seriesNamed(deck.slides[first + 2]!.charts[0]!, 'Forecast').values, forecast.total, `${scenario.name} total`);
      first += perSection[i]!;
    });
  });

  it('is a compressed package: the seed’s two scenarios in well under half a megabyte (about 2 MB stored)', async () => {
    const workspace = seedWorkspace();
    const bytes = await writeDeck(deckOfWorkspace(request(workspace, { scenarioIds: workspace.scenarios.map((s) => s.id) })));
    expect(bytes.byteLength).toBeLessThan(400_000);
  });

  it('keeps two scenarios of one name apart, each in a section of its own', async () => {
    const workspace = seedWorkspace();
    workspace.scenarios[1]!.name = workspace.scenarios[0]!.name;
    const deck = await deckOf(deckOfWorkspace(request(workspace, { scenarioIds: workspace.scenarios.map((s) => s.id) })));
    const sections = [...deck.presentation.getElementsByTagName('p14:section')];
    const name = workspace.scenarios[0]!.name;
    expect(sections.map((s) => s.getAttribute('name'))).toEqual([name, `${name} (2)`]);
    const perSection = sections.map((s) => s.getElementsByTagName('p14:sldId').length);
    expect(perSection[0]).toBe(perSection[1]);
    expect(perSection[0]! + perSection[1]!).toBe(deck.slides.length);
  });
});

describe('a deck too large to make', () => {
  it('is refused before any work, saying what fits instead', async () => {
    const workspace = seedWorkspace();
    const one = deckOfWorkspace(request(workspace, { scenarioIds: workspace.scenarios.map((s) => s.id) }));
    // Each seed scenario has a total, four dimensions and a bridge: 6 charts.
    expect(deckChartCount(one)).toBe(12);
    const copies = Math.ceil((MAX_DECK_CHARTS + 1) / 6 / 2);
    const many: DeckContent = { ...one, sections: Array.from({ length: copies }, () => one.sections).flat() };
    expect(deckChartCount(many)).toBeGreaterThan(MAX_DECK_CHARTS);
    const refusal = await writeDeck(many).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DeckTooLargeError);
    expect((refusal as Error).message).toBe(
      `this deck would hold ${deckChartCount(many)} charts, and a deck stops at 200: a deck of the scenario on screen, or of a workspace with fewer scenarios or dimensions, fits`,
    );
  });
});

describe('hostile text', () => {
  const HOSTILE = ['<b>&"x"</b>', ']]>', '=HYPERLINK("http://x")', '🎉 emoji', 'שלום RTL', "it's <script>alert(1)</script>"];

  function hostileWorkspace(): Workspace {
    const workspace = seedWorkspace();
    workspace.title = `${HOSTILE[0]} ${HOSTILE[1]}\u0001\u0008`;
    workspace.scenarios.forEach((scenario, i) => {
      scenario.name = `${HOSTILE[(i + 2) % HOSTILE.length]} ${i}`;
      scenario.model.dimensions.forEach((dimension, d) => {
        dimension.name = `${HOSTILE[d % HOSTILE.length]} dim ${d}`;
        dimension.members.forEach((member, m) => (member.name = `${HOSTILE[(m + d) % HOSTILE.length]} ${m}\u001F`));
      });
      scenario.model.drivers.forEach((driver, k) => (driver.name = `${HOSTILE[k % HOSTILE.length]} driver ${k}`));
      scenario.model.baseSize.source = `${HOSTILE.join(' ')} ${'long source '.repeat(170)}`.slice(0, 2000);
    });
    workspace.claims.forEach((claim, i) => (claim.label = `${HOSTILE[i % HOSTILE.length]} claim ${i}`));
    return workspace;
  }

  it('arrives as the same text everywhere — slides, tables, chart series, categories and workbooks — and never as markup', async () => {
    const workspace = hostileWorkspace();
    const content = deckOfWorkspace(request(workspace, { scenarioIds: workspace.scenarios.map((s) => s.id) }));
    // readDeck parses every XML part of the package and of each embedded workbook: it throws on
    // any that is not well-formed.
    const deck = await deckOf(content);
    const texts = deck.slides.flatMap((s) => s.texts).join('\n');
    expect(texts).toContain(xmlSafeText(workspace.title));
    expect(xmlSafeText(workspace.title)).toBe(`${HOSTILE[0]} ${HOSTILE[1]}`);
    for (const scenario of workspace.scenarios) expect(texts).toContain(scenario.name);
    // The 2,000-character source, whole, in the notes table.
    const cells = deck.slides.flatMap((s) => s.cells);
    expect(cells).toContain(workspace.scenarios[0]!.model.baseSize.source!.replace(/\s+/g, ' ').trim());

    const charts = deck.slides.flatMap((s) => s.charts);
    const seriesNames = charts.flatMap((c) => c.groups.flatMap((g) => g.series.map((s) => s.name)));
    const model = workspace.scenarios[0]!.model;
    for (const dimension of model.dimensions) {
      for (const member of dimension.members) {
        expect(seriesNames).toContain(xmlSafeText(member.name));
        expect(charts.flatMap((c) => c.sharedStrings)).toContain(xmlSafeText(member.name));
      }
    }
    const categories = charts.flatMap((c) => c.groups.flatMap((g) => g.series.flatMap((s) => s.categories)));
    expect(categories).toContain(`${workspace.scenarios[0]!.name}, ${model.endYear}`);
    // Never as markup: no element the text named, and the raw XML holds the escaped form.
    for (const part of [...deck.slides.map((s) => s.xml), ...charts.map((c) => c.xml)]) {
      expect(part).not.toMatch(/<b>|<script>|<\/b>/);
      // eslint-disable-next-line no-control-regex -- no control character may reach the XML
      expect(part).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    }
    expect(deck.slides[0]!.xml).toContain('&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt; ]]&gt;');
  });
});

describe('series names', () => {
  it('are made distinct, ignoring case, and never empty: Excel drops a data table whose column names repeat', () => {
    expect(distinctSeriesNames(['A', 'a', 'A', '', ' ', 'Column1', 'B'])).toEqual(['A', 'a (2)', 'A (3)', 'Series 4', 'Series 5', 'Column1 (2)', 'B']);
  });

  it('of two claims with the same label are distinct in the chart and in its workbook’s table', async () => {
    const workspace = seedWorkspace();
    // The same claim twice: the same label and the same status.
    const sized = workspace.claims.find((c) => c.metric === 'size' && c.member === undefined)!;
    workspace.claims.push({ ...sized, id: `${sized.id}-again` });
    const deck = await deckOf(deckOfWorkspace(request(workspace)));
    const chart = deck.slides[2]!.charts[0]!;
    const names = chart.groups.flatMap((g) => g.series.map((s) => s.name));
    expect(names.filter((n) => n.startsWith(sized.label)).length).toBeGreaterThan(1);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(chart.tableColumns).toEqual(['Column1', ...names]);
  });
});
