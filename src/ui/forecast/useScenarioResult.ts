/** The newest result of the scenario on screen, or undefined while the first one is computed. */
import { useSlidecast } from '../../state/store';
import type { ScenarioResult } from '../../engine/evaluateScenario';

export function useScenarioResult(): ScenarioResult | undefined {
  return useSlidecast((s) => (s.resultScenario === s.workspace.activeScenario ? s.result : undefined));
}
