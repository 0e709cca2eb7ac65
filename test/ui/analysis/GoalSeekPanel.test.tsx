// @vitest-environment jsdom
/**
 * Goal seek on the Analysis view against the real store and engine: the answer in a sentence (the
 * value the command line solves), the forecast it leads to as a ghost line, Apply as one undo
 * step, an unreachable target said plainly with the closest value, a claim as the target, and a
 * target typed wrong refused with the field named.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { runForecastCli } from '../../../src/cli/forecast';
import { goalSeek } from '../../../src/engine/goalSeek';
import { activeModelOf } from '../../../src/state/scenarioSelectors';
import { useSlidecast } from '../../../src/state/store';
import { formatQuantity, formatSize } from '../../../src/ui/format';
import { GoalSeekPanel } from '../../../src/ui/analysis/GoalSeekPanel';
import { formatNumberForMessage } from '../../../src/model/messageValue';
import { renderWithUser } from '../screenHarness';
import { connectMainThreadEngine, disconnectEngine } from './analysisHarness';

beforeEach(connectMainThreadEngine);
afterEach(disconnectEngine);

const model = () => activeModelOf(useSlidecast.getState().workspace);

async function solveFor(user: ReturnType<typeof renderWithUser>['user'], value: string) {
  await user.clear(screen.getByLabelText(/^Target value/));
  await user.type(screen.getByLabelText(/^Target value/), value);
  await user.click(screen.getByRole('button', { name: 'Solve' }));
}

describe('GoalSeekPanel', () => {
  it('answers total 2032 = 30 by trend growth with the value the command line solves, and draws the answer as a ghost line', async () => {
    const { user } = renderWithUser(<GoalSeekPanel />);
    expect((screen.getByLabelText('By varying') as HTMLSelectElement).selectedOptions[0]!.textContent).toBe('Trend growth');
    await solveFor(user, '30');
    const cli = JSON.parse((await runForecastCli(['--goal', 'total@2032=30', '--vary', 'baseGrowth'])).stdout).goal;
    expect(cli.reached).toBe(true);
    const answer = screen.getByRole('status');
    expect(answer.textContent).toBe(`Trend growth of ${formatQuantity(cli.value, 'rate', 'USD bn')} reaches ${formatSize(cli.achieved, 'USD bn')} in 2032.`);
    expect(Number(answer.getAttribute('data-value'))).toBe(cli.value);
    expect(screen.getByRole('button', { name: `Apply Trend growth ${formatQuantity(cli.value, 'rate', 'USD bn')}` })).toBeTruthy();
    // The chart measures its box first (debounced), then draws the ghost with its legend.
    await waitFor(() => expect(document.querySelector('.an-goal-chart')!.textContent).toContain(`With Trend growth ${formatQuantity(cli.value, 'rate', 'USD bn')}`));
  });

  it('Apply sets the quantity as one undo step; Undo restores it', async () => {
    const { user } = renderWithUser(<GoalSeekPanel />);
    await solveFor(user, '30');
    const before = model();
    const steps = useSlidecast.getState().past.length;
    await user.click(screen.getByRole('button', { name: /^Apply Trend growth/ }));
    const solved = goalSeek(before, useSlidecast.getState().workspace.claims, { metric: { kind: 'total', year: 2032 }, value: 30 }, { kind: 'baseGrowth' });
    expect(model().baseGrowth.value).toBe(solved.value);
    expect(useSlidecast.getState().past).toHaveLength(steps + 1);
    const total = useSlidecast.getState().result!.forecast.total;
    expect(Math.abs(total[total.length - 1]! - 30) / 30).toBeLessThanOrEqual(1e-9);
    expect(screen.getByText(/^Applied: Trend growth is now/)).toBeTruthy();
    useSlidecast.getState().undo();
    expect(model()).toBe(before);
  });

  it('says plainly when no value reaches the target, with the closest and what it reaches; Apply sets the closest', async () => {
    const { user } = renderWithUser(<GoalSeekPanel />);
    await user.selectOptions(screen.getByLabelText('By varying'), 'share:region/na');
    await solveFor(user, '5000');
    const solved = goalSeek(model(), [], { metric: { kind: 'total', year: 2032 }, value: 5000 }, { kind: 'memberShare', path: ['region', 'na'] });
    expect(solved.reached).toBe(false);
    const answer = screen.getByRole('status').textContent!;
    expect(answer).toMatch(/^Not reachable: no value of Region: North America share from 0\.0% to 100\.0% reaches \$5,000 B in 2032\./);
    expect(answer).toContain(`The closest, ${formatQuantity(solved.value, 'share', 'USD bn')}, gives ${formatSize(solved.achieved, 'USD bn')}.`);
    await user.click(screen.getByRole('button', { name: /^Apply the closest/ }));
    expect(model().dimensions.find((d) => d.id === 'region')!.members.find((m) => m.id === 'na')!.share.value).toBeCloseTo(solved.value, 12);
  });

  it('tells the closest apart from the target where the screen rounds them alike: a goal of $0 the growth can only approach', async () => {
    const { user } = renderWithUser(<GoalSeekPanel />);
    await solveFor(user, '0');
    const solved = goalSeek(model(), [], { metric: { kind: 'total', year: 2032 }, value: 0 }, { kind: 'baseGrowth' });
    expect(solved.reached).toBe(false);
    expect(formatSize(solved.achieved, 'USD bn')).toBe(formatSize(0, 'USD bn'));
    expect(screen.getByRole('status').textContent).toContain(`gives ${formatSize(solved.achieved, 'USD bn')} (${formatNumberForMessage(solved.achieved)} before rounding).`);
  });

  it('seeks a claim: trend growth that meets “Over $20 B by 2028”', async () => {
    const { user } = renderWithUser(<GoalSeekPanel />);
    await user.click(screen.getByRole('radio', { name: 'Meets a claim' }));
    await user.selectOptions(screen.getByLabelText('Claim to meet'), 'size-2028-over-20');
    await user.click(screen.getByRole('button', { name: 'Solve' }));
    const solved = goalSeek(model(), useSlidecast.getState().workspace.claims, { claimId: 'size-2028-over-20' }, { kind: 'baseGrowth' });
    expect(screen.getByRole('status').textContent).toBe(
      `Trend growth of ${formatQuantity(solved.value, 'rate', 'USD bn')} meets “Over $20 B by 2028” (${formatSize(solved.achieved, 'USD bn')}).`,
    );
  });

  it('refuses a target that is not a number, naming the field, and asks the engine nothing', async () => {
    const { user } = renderWithUser(<GoalSeekPanel />);
    await solveFor(user, 'thirty');
    expect(screen.getByRole('alert').textContent).toBe('Target value: “thirty” is not a number');
    expect(screen.getByLabelText(/^Target value/).getAttribute('aria-invalid')).toBe('true');
    expect(useSlidecast.getState().goalSeekAsk).toBeUndefined();
  });

  it('takes the last answer and its Apply away when the next target is refused: they answered another target', async () => {
    const { user } = renderWithUser(<GoalSeekPanel />);
    await solveFor(user, '30');
    await waitFor(() => expect(screen.getByRole('button', { name: /^Apply Trend growth/ })).toBeInTheDocument());
    await solveFor(user, '1e400');
    expect(screen.getByRole('alert')).toHaveTextContent('Target value: That number is too large');
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Apply/ })).toBeNull();
  });
});
