/**
 * Present mode's tornado (its key, src/ui/keymap.ts): the Analysis view's tornado of the scenario
 * on screen, big, in place of the charts. It follows the pinned sliders as the charts do: showing it
 * is what has the engine's worker compute it (src/ui/analysis/useTornado.ts).
 */
import { TornadoChart } from '../analysis/TornadoChart';
import { useTornado } from '../analysis/useTornado';
import '../analysis/analysisPanels.css';

/** Bars a projector shows (each readable at 1280×720); the rest are counted. */
const PRESENT_BARS = 8;

export function PresentTornado() {
  const { outcome, title, nameOf, formatValue, formatEnd } = useTornado();
  return (
    <section className="present-tornado" aria-label="Tornado">
      {!outcome && <p>Computing…</p>}
      {outcome && !outcome.ok && <p role="alert">The tornado cannot be drawn: {outcome.message}</p>}
      {outcome?.ok && (
        <TornadoChart title={title} bars={outcome.result.bars} base={outcome.result.base} nameOf={nameOf} formatValue={formatValue} formatEnd={formatEnd} topCount={PRESENT_BARS} expandable={false} />
      )}
    </section>
  );
}
