/**
 * How far the simulation of the scenario on screen has come (issue 10, "Views"): "12,000 of 50,000
 * samples" while the estimates are refined, "50,000 samples" once done; nothing when the scenario
 * has no range (nothing is simulated then).
 *
 * Screen readers hear the finished count once, not every refinement: the running count is plain
 * text (read when reached), and only the finished count goes into the polite status region. Text
 * only, no control: it never takes focus or blocks input.
 */
import { formatCount } from '../../model/messageValue';
import { useScenarioProgress } from './useScenarioSimulation';

export function SampleCount() {
  const shown = useScenarioProgress();
  const finished = shown !== undefined && !shown.running ? `${formatCount(shown.summary.samples)} samples` : '';
  return (
    <p className="sample-count" hidden={shown === undefined} data-testid="sample-count">
      {shown?.running === true && <span>{`${formatCount(shown.summary.samples)} of ${formatCount(shown.target)} samples`}</span>}
      {finished !== '' && <span aria-hidden="true">{finished}</span>}
      <span role="status" className="visually-hidden">
        {finished}
      </span>
    </p>
  );
}
