import { describe, expect, it } from 'vitest';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import { parseWorkspaceFile, serializeWorkspace } from '../../src/model/workspaceFile';
import { evaluateScenario } from '../../src/engine/evaluateScenario';
import { isSourced } from '../../src/model/quantity';
import { uncheckedStatements } from '../../src/model/uncheckedStatements';
import type { Member, Scenario } from '../../src/model/types';

const workspace = seedWorkspace();
const scenario = (id: string): Scenario => workspace.scenarios.find((s) => s.id === id)!;
const statusOf = (scenarioId: string, claimId: string) =>
  evaluateScenario(scenario(scenarioId).model, workspace.claims).claims.find((c) => c.claimId === claimId)!;

function allMembers(members: readonly Member[]): Member[] {
  return members.flatMap((m) => [m, ...allMembers(m.children ?? [])]);
}

describe('the seed workspace (AI in Medical Imaging Diagnosis)', () => {
  it('is a valid workspace file that round-trips', () => {
    const loaded = parseWorkspaceFile(serializeWorkspace(workspace));
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.workspace).toEqual(workspace);
  });

  it('opens on the report consensus, which meets the 5.2% CAGR and the over-$20 B-by-2028 claims', () => {
    expect(workspace.activeScenario).toBe('consensus');
    const model = scenario('consensus').model;
    expect([model.baseYear, model.endYear]).toEqual([2025, 2032]);
    expect(model.baseSize.value).toBeCloseTo(20 / 1.052 ** 3, 2);
    expect(statusOf('consensus', 'cagr-headline').status).toBe('met');
    expect(statusOf('consensus', 'cagr-headline').actual).toBeCloseTo(0.052, 12);
    expect(statusOf('consensus', 'size-2028-over-20').status).toBe('met');
  });

  it('keeps the "$6 B by 2028, over 30% from 2023" definition as its own scenario, which meets those claims', () => {
    const model = scenario('narrow').model;
    expect(model.baseYear).toBe(2023);
    expect(statusOf('narrow', 'size-2028-about-6').status).toBe('met');
    expect(statusOf('narrow', 'cagr-2023-2028-over-30').status).toBe('met');
    // The conflict is shown, not averaged away: each scenario misses the other's size claim.
    expect(statusOf('consensus', 'size-2028-about-6').status).toBe('missed');
    expect(statusOf('narrow', 'size-2028-over-20').status).toBe('missed');
    // A claim from before the consensus's base year is not checkable there.
    expect(statusOf('consensus', 'cagr-2023-2028-over-30').status).toBe('notCheckable');
  });

  it('has the report’s regional shares, with China read as half of Asia-Pacific', () => {
    const region = scenario('consensus').model.dimensions.find((d) => d.id === 'region')!;
    const share = (id: string) => region.members.find((m) => m.id === id)!.share;
    expect(share('na').value).toBe(0.4);
    expect(share('europe').value).toBe(0.3);
    expect(share('apac').value).toBe(0.2);
    expect(share('latam').value + share('mea').value).toBeCloseTo(0.1, 12);
    const china = region.members.find((m) => m.id === 'apac')!.children!.find((c) => c.id === 'cn')!;
    expect(china.share.value * share('apac').value).toBeCloseTo(0.1, 12);
    for (const id of ['na', 'europe', 'apac']) expect(isSourced(share(id))).toBe(true);
    for (const id of ['latam', 'mea']) expect(isSourced(share(id))).toBe(false);
    for (const id of ['share-north-america', 'share-europe', 'share-asia-pacific', 'share-china']) {
      expect(statusOf('consensus', id).status).toBe('met');
    }
  });

  it('cleans the report’s country typos and records each fix', () => {
    const region = scenario('consensus').model.dimensions.find((d) => d.id === 'region')!;
    const countries = allMembers(region.members).filter((m) => !m.children);
    const names = countries.map((c) => c.name);
    expect(names).toContain('Argentina');
    expect(names).toContain('Saudi Arabia');
    expect(names).not.toContain('Argentina Korea');
    expect(names).not.toContain('Saudi');
    expect(names).not.toContain('Arabia');
    expect(names.filter((n) => /Korea/.test(n))).toEqual(['South Korea']);
    expect(countries.find((c) => c.name === 'Argentina')!.share.note).toMatch(/Argentina Korea/);
    expect(countries.find((c) => c.name === 'Saudi Arabia')!.share.note).toMatch(/“Saudi” and “Arabia”/);
    expect(region.members.find((m) => m.id === 'mea')!.share.note).toMatch(/duplicate of South Korea/);
  });

  it('names the report’s seven drivers and two restraints, each one a switchable assumption', () => {
    const drivers = scenario('consensus').model.drivers;
    expect(drivers).toHaveLength(9);
    expect(drivers.filter((d) => d.impact.value < 0).map((d) => d.name)).toEqual(['Regulatory hurdles', 'Integration into existing workflows']);
    const net = drivers.reduce((sum, d) => sum + d.impact.value, 0) + scenario('consensus').model.baseGrowth.value;
    expect(net).toBeCloseTo(0.052, 12);
    for (const d of drivers) {
      expect(isSourced(d.impact)).toBe(false);
      expect(d.impact.note).toMatch(/^Assumption/);
    }
  });

  it('marks every number the report does not give as an assumption with a note', () => {
    for (const { model } of workspace.scenarios) {
      const members = model.dimensions.flatMap((d) => allMembers(d.members));
      const quantities = [model.baseSize, model.baseGrowth, ...model.drivers.map((d) => d.impact), ...members.flatMap((m) => [m.share, ...(m.growthDelta ? [m.growthDelta] : [])])];
      for (const q of quantities) {
        if (!isSourced(q)) expect(q.note, JSON.stringify(q)).toMatch(/\S/);
      }
    }
  });

  describe('the report’s key players', () => {
    const VENDORS = [
      'GE Healthcare',
      'IBM Watson Health',
      'Philips Healthcare',
      'Samsung',
      'Medtronic',
      'NVIDIA',
      'Alibaba Cloud',
      'SenseTime',
      'Pvmed',
      'Neusoft',
      'PereDoc',
      'Others',
    ];
    /** The report's revenue figures, word for word (key-players section). None is an AI-imaging revenue. */
    const REVENUES: [vendor: string, quote: string][] = [
      ['GE Healthcare', 'They reported sales revenue of approximately $19 billion in 2022'],
      ['IBM Watson Health', 'The division generated an estimated $4 billion in revenue'],
      ['Philips Healthcare', 'reported approximately $22 billion in revenue for 2022'],
      ['NVIDIA', "NVIDIA's revenues reached about $26 billion in 2022"],
      ['Alibaba Cloud', "Alibaba's cloud revenue, around $10 billion"],
    ];
    const vendorsOf = (id: string) => scenario(id).model.dimensions.find((d) => d.id === 'vendor');

    it('are a Vendor dimension of the eleven named players and Others, summing to 1, in both scenarios', () => {
      for (const id of ['consensus', 'narrow']) {
        const vendor = vendorsOf(id);
        expect(vendor?.name, id).toBe('Vendor');
        expect(vendor!.members.map((m) => m.name)).toEqual(VENDORS);
        expect(vendor!.members.reduce((sum, m) => sum + m.share.value, 0)).toBeCloseTo(1, 12);
        for (const m of vendor!.members) expect(m.children).toBeUndefined();
      }
    });

    it('gives every vendor share as an assumption with a note that says what it rests on', () => {
      for (const id of ['consensus', 'narrow']) {
        for (const m of vendorsOf(id)!.members) {
          expect(isSourced(m.share), m.name).toBe(false);
          expect(m.share.note, m.name).toMatch(/^Assumption: /);
          // The report gives no vendor's AI-imaging revenue; every note says so.
          expect(m.share.note, m.name).toMatch(/no AI-imaging revenue/);
          expect(m.share.range, m.name).toBeDefined();
        }
      }
      // The vendors are judged against each other, so the reasoning names every one of them …
      const ge = vendorsOf('consensus')!.members[0]!.share.note!;
      for (const name of VENDORS) expect(ge).toContain(name);
      // … and records that the report writes "Sense Time", as the country typos are recorded.
      const senseTime = vendorsOf('consensus')!.members.find((m) => m.name === 'SenseTime')!;
      expect(senseTime.share.note).toMatch(/“Sense Time”/);
    });

    it('quotes the report’s five revenue figures in the notes, each saying why it cannot be a share', () => {
      for (const id of ['consensus', 'narrow']) {
        const members = vendorsOf(id)!.members;
        for (const [vendor, quote] of REVENUES) {
          const note = members.find((m) => m.name === vendor)!.share.note!;
          expect(note, vendor).toContain(`"${quote}"`);
          expect(note, vendor).toContain('major market players');
          expect(note, vendor).toMatch(/, so it cannot be a market share\.$/);
          expect(note, vendor).toMatch(/≈ \$17 B market/);
        }
        // Only those five: the report gives no figure for the others.
        const quoted = members.filter((m) => /\$\d+ billion/.test(m.share.note!)).map((m) => m.name);
        expect(quoted.sort()).toEqual(REVENUES.map(([v]) => v).sort());
      }
    });

    it('lists the five revenue statements as the report’s statements with no check, in both scenarios', () => {
      for (const id of ['consensus', 'narrow']) {
        const statements = uncheckedStatements(scenario(id).model);
        expect(statements.map((s) => s.about)).toEqual(REVENUES.map(([vendor]) => `${vendor} share`));
        statements.forEach((statement, i) => {
          expect(statement.text).toMatch(/^Global AI in Medical Imaging Diagnosis Market, 2025–2032 \(seed report\), major market players: "/);
          expect(statement.text).toContain(`"${REVENUES[i]![1]}"`);
        });
      }
    });
  });
});
