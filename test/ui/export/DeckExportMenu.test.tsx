// @vitest-environment jsdom
/**
 * The PowerPoint menu on the model screen, with the real store: each item describes the deck of
 * the store as it is (the scenario on screen, or every scenario), hands it to the deck writer and
 * downloads what it writes under the export name, saying "Making the deck…" meanwhile; a finished
 * simulation brings its fan, a run in progress does not; a failure is said in an alert.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { simulate } from '../../../src/engine/simulate';
import type { DeckContent, DeckTotalChartSlide } from '../../../src/io/office/deckContent';
import { writeDeck } from '../../../src/io/office/pptxDeck';
import { activeScenarioOf } from '../../../src/state/scenarioSelectors';
import { resetSlidecastStore, useSlidecast } from '../../../src/state/store';
import { DeckExportMenu } from '../../../src/ui/export/DeckExportMenu';
import { ForecastActions } from '../../../src/ui/export/ForecastActions';
import { computeActiveScenario } from '../screenHarness';
import { captureDownloads, type CapturedDownload } from '../../support/captureDownloads';

vi.mock('../../../src/io/office/pptxDeck', () => ({ PPTX_FILE_TYPE: 'application/test-pptx', writeDeck: vi.fn() }));
const writeDeckMock = vi.mocked(writeDeck);

let downloads: CapturedDownload[] = [];

beforeEach(() => {
  downloads = captureDownloads();
  writeDeckMock.mockReset();
});
afterEach(() => {
  cleanup();
  resetSlidecastStore();
});

const FILE = 'AI in Medical Imaging Diagnosis - Report consensus - deck.pptx';

function setup() {
  const user = userEvent.setup();
  act(() => {
    computeActiveScenario();
  });
  render(<DeckExportMenu />);
  return { user };
}

/** Chooses `item`, then waits for the deck's code to load and the writer to be called. */
async function choose(user: ReturnType<typeof userEvent.setup>, item: string) {
  const calls = writeDeckMock.mock.calls.length;
  await user.click(screen.getByRole('button', { name: 'PowerPoint deck' }));
  await user.click(screen.getByRole('menuitem', { name: item }));
  await vi.waitFor(() => expect(writeDeckMock.mock.calls.length).toBeGreaterThan(calls), { timeout: 5000 });
}

function lastContent(): DeckContent {
  const call = writeDeckMock.mock.calls.at(-1);
  if (!call) throw new Error('the deck writer was not called');
  return call[0];
}

const totalSlide = (content: DeckContent) => content.sections[0]!.slides.find((s): s is DeckTotalChartSlide => s.kind === 'totalChart')!;

describe('DeckExportMenu', () => {
  it('is a menu button showing "PowerPoint deck", beside the forecast’s other exports', () => {
    render(<ForecastActions forecast={computeActiveScenario().forecast} />);
    const button = screen.getByRole('button', { name: 'PowerPoint deck' });
    expect(button).toHaveTextContent('PowerPoint deck');
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button.closest('[role="group"]')).toHaveAccessibleName('Forecast exports');
    // One feedback line for the CSV, the workbook and the deck: never two messages at once.
    expect(screen.getAllByRole('status')).toHaveLength(1);
  });

  it('makes the deck of the scenario on screen, saying so while it is made, and downloads it under the export name', async () => {
    let finish!: (bytes: ArrayBuffer) => void;
    writeDeckMock.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    const { user } = setup();
    await choose(user, 'This scenario');
    expect(screen.getByRole('status')).toHaveTextContent('Making the deck…');
    const { workspace } = useSlidecast.getState();
    const content = lastContent();
    expect(content.sections.map((s) => s.name)).toEqual([activeScenarioOf(workspace).name]);
    expect(content.sections[0]!.slides[0]).toMatchObject({ kind: 'title', workspace: workspace.title, credit: 'Made with Slidecast' });
    // The numbers on screen: the store's result.
    expect(totalSlide(content).total.values).toEqual([...useSlidecast.getState().result!.forecast.total]);
    await act(async () => finish(new Uint8Array([1, 2, 3]).buffer));
    expect(downloads.map((d) => d.name)).toEqual([FILE]);
    expect(downloads[0]!.blob.type).toBe('application/test-pptx');
    expect(screen.getByRole('status')).toHaveTextContent(`Downloaded “${FILE}”.`);
  });

  it('makes every scenario, one section each, in the workspace’s order', async () => {
    writeDeckMock.mockResolvedValue(new ArrayBuffer(4));
    const { user } = setup();
    await choose(user, 'Every scenario, a section each');
    const { workspace } = useSlidecast.getState();
    expect(lastContent().sections.map((s) => s.name)).toEqual(workspace.scenarios.map((s) => s.name));
    expect(await screen.findByText(`Downloaded “${FILE}”.`)).toBeInTheDocument();
  });

  it('draws the fan of a finished simulation of the scenario on screen, never of a run still going', async () => {
    writeDeckMock.mockResolvedValue(new ArrayBuffer(4));
    const { user } = setup();
    const { workspace, setSimulation } = useSlidecast.getState();
    const scenario = activeScenarioOf(workspace);
    const summary = simulate(scenario.model, workspace.claims, { samples: 1000, seed: 3 });
    act(() => setSimulation({ scenarioId: scenario.id, summary, target: 5000, running: true }));
    await choose(user, 'This scenario');
    expect(totalSlide(lastContent()).fan).toBeUndefined();
    act(() => setSimulation({ scenarioId: scenario.id, summary, target: 1000, running: false }));
    await choose(user, 'This scenario');
    expect(totalSlide(lastContent()).fan?.p50).toHaveLength(summary.yearCount);
  });

  it('says in an alert what failed when the deck cannot be made', async () => {
    writeDeckMock.mockRejectedValue(new Error('out of memory'));
    const { user } = setup();
    await choose(user, 'This scenario');
    expect(await screen.findByRole('alert')).toHaveTextContent('The PowerPoint deck could not be made (out of memory).');
    expect(downloads).toEqual([]);
  });
});
