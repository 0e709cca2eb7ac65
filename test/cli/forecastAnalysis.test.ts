import { describe, expect, it } from 'vitest';
import { parseGoal, runForecastCli } from '../../src/cli/forecast';
import { forecast } from '../../src/engine/forecast';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import { metricOfEdited } from '../engine/metricOfEdited';

const seed = seedWorkspace();
const consensus = seed.scenarios.find((s) => s.id === 'consensus')!.model;

describe('npm run forecast -- --tornado / --goal', () => {
  it('adds the tornado of the end-year total: every ranged quantity by address, sorted by swing, each end a forecast of the edited model', async () => {
    const { code, stdout, stderr } = await runForecastCli(['--tornado']);
    expect([code, stderr]).toEqual([0, '']);
    const json = JSON.parse(stdout);
    const plain = JSON.parse((await runForecastCli([])).stdout);
    expect({ ...json, tornado: undefined }).toEqual({ ...plain, tornado: undefined });
    const bars: { quantity: string; low: number; high: number; swing: number }[] = json.tornado;
    expect(bars[0]).toEqual({ quantity: 'baseGrowth', low: expect.any(Number), high: expect.any(Number), swing: expect.any(Number) });
    expect(bars.map((b) => b.swing)).toEqual([...bars.map((b) => b.swing)].sort((a, b) => b - a));
    expect(bars.some((b) => b.quantity === 'driver:ai-advances')).toBe(true);
    expect(bars.some((b) => b.quantity === 'share:region/apac/cn')).toBe(true);
    const end = { kind: 'total' as const, year: consensus.endYear };
    expect(bars[0]!.low).toBeCloseTo(metricOfEdited(consensus, end, { kind: 'baseGrowth' }, consensus.baseGrowth.range!.low), 9);
    const size = bars.find((b) => b.quantity === 'baseSize')!;
    expect(size.high).toBeCloseTo(metricOfEdited(consensus, end, { kind: 'baseSize' }, consensus.baseSize.range!.high), 9);
    for (const bar of bars) expect(bar.swing).toBe(Math.abs(bar.high - bar.low));
  });

  it('solves --goal for the --vary quantity, in another --scenario too', async () => {
    const { code, stdout } = await runForecastCli(['--goal', 'total@2028=25', '--vary', 'baseGrowth']);
    expect(code).toBe(0);
    const { goal } = JSON.parse(stdout);
    expect(goal).toEqual({ vary: 'baseGrowth', value: expect.any(Number), reached: true, achieved: expect.any(Number) });
    expect(Math.abs(goal.achieved - 25) / 25).toBeLessThanOrEqual(1e-9);
    expect(goal.value).toBeCloseTo((25 / 17.18) ** (1 / 3) - 1.052, 9);

    const narrow = await runForecastCli(['--scenario', 'narrow', '--goal', 'region/na@2030=4', '--vary', 'share:region/na']);
    expect(narrow.code).toBe(0);
    expect(JSON.parse(narrow.stdout).goal.achieved).toBeCloseTo(4, 8);
    const cagr = await runForecastCli(['--goal', 'cagr@2025-2032=0.06', '--vary', 'driver:ai-advances']);
    expect(cagr.code).toBe(0);
    expect(JSON.parse(cagr.stdout).goal.achieved).toBeCloseTo(0.06, 10);
  });

  it('solves a member’s CAGR and a claim of the workspace, the targets the Analysis view offers', async () => {
    const member = await runForecastCli(['--goal', 'cagr:region/apac@2025-2032=0.08', '--vary', 'growthDelta:region/apac']);
    expect(member.code).toBe(0);
    const memberGoal = JSON.parse(member.stdout).goal;
    expect(memberGoal).toMatchObject({ vary: 'growthDelta:region/apac', reached: true });
    expect(Math.abs(memberGoal.achieved - 0.08) / 0.08).toBeLessThanOrEqual(1e-9);
    const before: number[] = JSON.parse((await runForecastCli([])).stdout).members['region/apac'];
    expect(((before.at(-1)! / before[0]!) ** (1 / 7) - 1)).not.toBeCloseTo(0.08, 3);

    const claim = await runForecastCli(['--goal', 'claim:size-2028-over-20', '--vary', 'baseSize']);
    expect(claim.code).toBe(0);
    const claimGoal = JSON.parse(claim.stdout).goal;
    expect(claimGoal).toMatchObject({ vary: 'baseSize', reached: true });
    expect(Math.abs(claimGoal.achieved - 20) / 20).toBeLessThanOrEqual(1e-9);
  });

  it('exits 3 with the same JSON, the closest value and what it reaches, when no value reaches the goal', async () => {
    const { code, stdout, stderr } = await runForecastCli(['--goal', 'region/na@2025=100', '--vary', 'share:region/na']);
    expect(code).toBe(3);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout);
    expect(json.total[0]).toBe(17.18);
    expect(json.goal.reached).toBe(false);
    expect(json.goal.value).toBeCloseTo(1, 9);
    expect(json.goal.achieved).toBeCloseTo(forecast(consensus).total[0]!, 9);
  });

  it('exits 2 naming the flag for bad expressions, unknown quantities and a goal without --vary, writing nothing to stdout', async () => {
    const cases: [string[], string][] = [
      [['--goal', 'total@2028=25'], '--goal: needs --vary'],
      [['--vary', 'baseGrowth'], '--vary: only with --goal'],
      [['--goal', 'total=25', '--vary', 'baseGrowth'], '--goal: "total=25" is not a target'],
      [['--goal', 'total@2028=lots', '--vary', 'baseGrowth'], '--goal: "total@2028=lots": "lots" is not a number'],
      [['--goal', 'total@20x8=1', '--vary', 'baseGrowth'], '"20x8" is not a year'],
      [['--goal', 'cagr@2025=0.1', '--vary', 'baseGrowth'], "a CAGR's years are Y0-Y1"],
      [['--goal', 'total@2040=25', '--vary', 'baseGrowth'], "--goal: 2040 is outside this scenario's years 2025–2032"],
      [['--goal', 'region/mars@2028=1', '--vary', 'baseGrowth'], '--goal: this scenario has no member region/mars'],
      [['--goal', 'total@2028=25', '--vary', 'growth'], '--vary: "growth" is not a quantity'],
      [['--goal', 'total@2028=25', '--vary', 'driver:nope'], '--vary: "driver:nope": this model has no driver "nope"'],
      [['--tornado', '--format', 'csv'], '--tornado: only with --format json'],
      [['--goal', 'claim:nope', '--vary', 'baseSize'], '--goal: there is no claim nope'],
      [['--goal', 'claim:', '--vary', 'baseSize'], '--goal: "claim:": name the claim to meet'],
      [['--goal', 'cagr:region@2025-2032=0.1', '--vary', 'baseGrowth'], '--goal: "cagr:region@2025-2032=0.1": "cagr:region" is not cagr:<dimension>/<member>'],
      [['--goal', 'claim:cagr-2023-2028-over-30', '--vary', 'baseGrowth'], "--goal: claim cagr-2023-2028-over-30 is not checkable in this model: 2023 is outside this scenario's years"],
    ];
    for (const [args, message] of cases) {
      const result = await runForecastCli(args);
      expect(result, args.join(' ')).toMatchObject({ code: 2, stdout: '' });
      expect(result.stderr, args.join(' ')).toContain(message);
    }
  });

  it('adds the analysis to a simulated forecast too', async () => {
    const { code, stdout } = await runForecastCli(['--samples', '100', '--workers', '1', '--tornado', '--goal', 'total@2028=25', '--vary', 'baseGrowth']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['tornado', 'goal', 'percentiles', 'claims']));
    expect(json.goal.reached).toBe(true);
  });

  it('keeps the output byte for byte without the new flags', async () => {
    const plain = await runForecastCli([]);
    expect(plain.stdout).not.toContain('tornado');
    expect(plain.stdout).not.toContain('"goal"');
  });

  it('parses the five forms of target', () => {
    expect(parseGoal('cagr:region/apac/cn@2025-2030=0.1')).toEqual({ metric: { kind: 'cagr', path: ['region', 'apac', 'cn'], fromYear: 2025, toYear: 2030 }, value: 0.1 });
    expect(parseGoal('claim:size-2028-over-20')).toEqual({ claimId: 'size-2028-over-20' });
    expect(parseGoal('cagr:@2025-2030=0.1')).toMatch(/is not cagr:<dimension>\/<member>/);
    expect(parseGoal('total@2028=25')).toEqual({ metric: { kind: 'total', year: 2028 }, value: 25 });
    expect(parseGoal('region/apac/cn@2030=1.5e0')).toEqual({ metric: { kind: 'member', path: ['region', 'apac', 'cn'], year: 2030 }, value: 1.5 });
    expect(parseGoal('cagr@2025-2032=0.052')).toEqual({ metric: { kind: 'cagr', path: null, fromYear: 2025, toYear: 2032 }, value: 0.052 });
    expect(parseGoal('region@2030=1')).toMatch(/is not total, cagr or <dimension>\/<member>/);
    expect(parseGoal('total@2030=')).toMatch(/"" is not a number/);
  });
});
