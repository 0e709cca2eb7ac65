/**
 * Shared by the Compare component tests: the comparison computed by the real engine and put in the
 * store the way the engine client would (no worker), a ResizeObserver for the charts (jsdom has
 * none), and a workspace with a third scenario whose structure differs from the seed's.
 */
import { compareRequestOf, compareScenarios, type CompareResult } from '../../../src/engine/compareScenarios';
import { seedWorkspace } from '../../../src/model/seedWorkspace';
import type { Workspace } from '../../../src/model/types';
import { useSlidecast } from '../../../src/state/store';
import { stubResizeObserver as stubResizeObserverAt } from '../screenHarness';

/** The harness's ResizeObserver, 1000 px wide by default: the Compare screen's charts need room. */
export function stubResizeObserver(width = 1000): void {
  stubResizeObserverAt(width);
}

/** Computes what the store asks to compare, with the real engine, and stores the result. */
export function computeComparison(): CompareResult {
  const { workspace, compareSelection, bridgePair, setCompareResult } = useSlidecast.getState();
  const result = compareScenarios(compareRequestOf(workspace, compareSelection, bridgePair));
  setCompareResult(result);
  return result;
}

/**
 * The seed plus a "Bull" copy of the consensus that ends in 2035, drops a restraint, adds a driver
 * and, in Europe, has Spain instead of Russia.
 */
export function workspaceWithBull(): Workspace {
  const workspace = seedWorkspace();
  const bull = structuredClone(workspace.scenarios[0]!);
  bull.id = 'bull';
  bull.name = 'Bull';
  bull.model.endYear = 2035;
  bull.model.baseGrowth = { value: 0.01 };
  bull.model.drivers = bull.model.drivers.filter((d) => d.id !== 'regulatory-hurdles');
  bull.model.drivers.push({ id: 'gen-ai', name: 'Generative AI', impact: { value: 0.01 }, startYear: 2027 });
  const europe = bull.model.dimensions[2]!.members[1]!;
  europe.children = [...europe.children!.filter((c) => c.id !== 'ru'), { id: 'es', name: 'Spain', share: { value: 0.13 } }];
  workspace.scenarios.push(bull);
  return workspace;
}
