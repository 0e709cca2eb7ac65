/**
 * The uncertainty of a forecast in words for people (issue 10): the end year's 80% interval, and
 * how far a run still in progress has got. The headline and the printed summary both say it so.
 */
import { endYearInterval, type SimulationSummary } from '../engine/simulationSummary';
import { formatCountOf, formatSize } from './format';

/** "$20.1 B – $29.3 B": the 10th to the 90th percentile of the end year's total. */
export function endYearIntervalText(summary: SimulationSummary, unit: string): string {
  const { low, high } = endYearInterval(summary);
  return `${formatSize(low, unit)} – ${formatSize(high, unit)}`;
}

/**
 * What the figures of a simulation rest on: "from 50,000 samples" when the run is done, and
 * "provisional, from 3,000 samples" while more samples are coming.
 */
export function samplesBasisText(samples: number, running: boolean): string {
  const from = `from ${formatCountOf(samples, 'sample')}`;
  return running ? `provisional, ${from}` : from;
}
