/**
 * "PowerPoint deck" on the model screen (issue 12): the scenario on screen as a .pptx, or every
 * scenario, a PowerPoint section each. The deck is described from the store at the moment it is
 * asked for (src/ui/export/office/deckOfWorkspace.ts) and written by pptxgenjs
 * (src/io/office/pptxDeck.ts); all three are loaded only then, never with the app. A simulation
 * goes into the deck only once its run has finished, as in the CSV: never a provisional estimate.
 */
import { downloadBlob } from '../../io/download';
import { errorText } from '../../model/errorText';
import { useSlidecast } from '../../state/store';
import { simulationFor } from '../forecast/useScenarioSimulation';
import { ExportMenu, type ExportMenuItem } from './ExportMenu';
import type { ExportFeedback, FeedbackLine } from './feedback';
import { useExportNames } from './exportNames';

type DeckScope = 'onScreen' | 'every';

/** Makes the deck of the store as it is now and hands it to the browser as a download. */
async function downloadDeck(scope: DeckScope, fileName: string): Promise<ExportFeedback> {
  const state = useSlidecast.getState();
  const { workspace } = state;
  const result = state.resultScenario === workspace.activeScenario ? state.result : undefined;
  if (!result) return { ok: false, message: 'The forecast is still being computed, so there is no deck to make yet. Try again in a moment.' };
  const progress = simulationFor(state.simulation, workspace.activeScenario, result.forecast.layout);
  try {
    // The deck's code — its description, pptxgenjs and the writer — loads when a deck is asked for.
    const [{ deckOfWorkspace }, { PPTX_FILE_TYPE, writeDeck }] = await Promise.all([import('./office/deckOfWorkspace'), import('../../io/office/pptxDeck')]);
    const content = deckOfWorkspace({
      workspace,
      scenarioIds: scope === 'every' ? workspace.scenarios.map((s) => s.id) : [workspace.activeScenario],
      activeResult: result,
      simulation: progress && !progress.running ? progress : undefined,
      bridgePair: state.bridgePair,
      today: new Date(),
    });
    const bytes = await writeDeck(content);
    downloadBlob(fileName, new Blob([bytes], { type: PPTX_FILE_TYPE }));
  } catch (error) {
    return { ok: false, message: `The PowerPoint deck could not be made (${errorText(error)}).` };
  }
  return { ok: true, message: `Downloaded “${fileName}”.` };
}

/** `feedbackLine`: the line it shares with the exports beside it (the model screen's). */
export function DeckExportMenu({ feedbackLine }: { feedbackLine?: FeedbackLine }) {
  const names = useExportNames();
  const items: ExportMenuItem[] = [
    { id: 'deck-scenario', label: 'This scenario', pending: 'Making the deck…', run: () => downloadDeck('onScreen', names.fileName('deck', 'pptx')) },
    {
      id: 'deck-every',
      label: 'Every scenario, a section each',
      pending: 'Making the deck…',
      run: () => downloadDeck('every', names.fileName('deck', 'pptx')),
    },
  ];
  return <ExportMenu label="PowerPoint deck" text="PowerPoint deck" items={items} {...(feedbackLine ? { feedbackLine } : {})} />;
}
