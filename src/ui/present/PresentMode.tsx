/**
 * Present mode: the live model on a projector. Full screen, big type, the presenter's pinned
 * sliders, and the keyboard alone drives it:
 *   Tab / Shift+Tab  move between pinned sliders;  ← → ↑ ↓  nudge the focused one
 *   1 … 9            show scenario 1 … 9
 *   B                toggle a ghost line of the base (first) scenario
 *   D                show the next breakdown
 *   S                keep the state reached as a new scenario
 *   R                reset the meeting's live edits
 *   Esc              leave
 * Every forecast still comes from the worker, so nothing here can freeze the screen.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Workspace } from '../../model/types';
import { totalCagr } from '../../engine/cagr';
import { countClaims } from '../../engine/claimStatus';
import { seriesValues } from '../../engine/seriesAccess';
import { useSlidecast } from '../../state/store';
import { activeScenarioOf } from '../../state/scenarioSelectors';
import { resetMeeting, snapshotScenario } from '../../model/presentationEdits';
import { TotalChart } from '../charts/TotalChart';
import { StackedAreaChart } from '../charts/StackedAreaChart';
import { formatPercent, formatSize } from '../format';
import { claimMarkers } from '../forecast/ForecastView';
import { useScenarioResult } from '../forecast/useScenarioResult';
import { PresentSlider } from './PresentSlider';
import { useAnimatedNumber } from './useAnimatedNumber';
import { quantityKey, type QuantityRef } from '../../model/quantityRef';
import './present.css';

/** Tick labels readable from the back of a room. */
const CHART_FONT_SIZE = 20;

const DEFAULT_PINS: QuantityRef[] = [{ kind: 'baseSize' }, { kind: 'baseGrowth' }];

function timeLabel(date: Date): string {
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

export function PresentMode({ onLeave }: { onLeave: () => void }) {
  const result = useScenarioResult();
  const workspace = useSlidecast((s) => s.workspace);
  const baseResult = useSlidecast((s) => s.compareResult);
  const editWorkspace = useSlidecast((s) => s.editWorkspace);
  const switchScenario = useSlidecast((s) => s.switchScenario);
  const [ghost, setGhost] = useState(true);
  const [dimensionIndex, setDimensionIndex] = useState(0);
  const [notice, setNotice] = useState<string>('');
  const atStart = useRef<Workspace>(workspace);
  const root = useRef<HTMLDivElement>(null);
  const scenario = activeScenarioOf(workspace);
  const unit = scenario.model.unit;
  const pins = workspace.presentation?.pins.length ? workspace.presentation.pins : DEFAULT_PINS;

  // Full screen where the browser allows it; leaving full screen (the browser's own Esc) leaves.
  useEffect(() => {
    const element = root.current;
    element?.querySelector<HTMLInputElement>('input[type="range"]')?.focus();
    if (element && document.fullscreenEnabled && !document.fullscreenElement) {
      element.requestFullscreen().catch(() => {
        // Refused (not from a user gesture, or a headless browser): present in the window.
      });
    }
    const onFullscreenChange = () => {
      if (!document.fullscreenElement) onLeave();
    };
    document.addEventListener('fullscreenchange', onFullscreenChange);
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreenChange);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, [onLeave]);

  // Keys that drive the meeting. Arrows and Tab stay with the focused slider (native behaviour).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const { workspace: ws } = useSlidecast.getState();
      if (event.key === 'Escape') {
        event.preventDefault();
        onLeave();
      } else if (/^[1-9]$/.test(event.key)) {
        const target = ws.scenarios[Number(event.key) - 1];
        if (target) {
          switchScenario(target.id);
          setNotice(`Showing ${target.name}`);
        }
      } else if (event.key === 'b' || event.key === 'B') {
        setGhost((on) => !on);
      } else if (event.key === 'd' || event.key === 'D') {
        setDimensionIndex((i) => i + 1);
      } else if (event.key === 'r' || event.key === 'R') {
        editWorkspace('meeting-reset', (draft) => resetMeeting(draft, atStart.current));
        setNotice('Live edits of this meeting reset');
      } else if (event.key === 's' || event.key === 'S') {
        const name = `Meeting snapshot ${timeLabel(new Date())}`;
        let error: string | undefined;
        editWorkspace('meeting-snapshot', (draft) => {
          error = snapshotScenario(draft, name);
        });
        setNotice(error ?? `Kept as scenario “${name}”`);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editWorkspace, onLeave, switchScenario]);

  const baseId = workspace.scenarios[0]!.id;
  const baseName = workspace.scenarios[0]!.name;
  const ghostResult = baseResult?.results[baseId];
  const ghosts = useMemo(
    () =>
      ghost && baseId !== scenario.id && ghostResult
        ? [{ id: baseId, label: `${baseName} (base)`, values: ghostResult.forecast.total, years: ghostResult.forecast.layout.years }]
        : [],
    [ghost, baseId, baseName, scenario.id, ghostResult],
  );
  const markers = useMemo(() => (result ? claimMarkers(workspace.claims, result) : []), [result, workspace.claims]);
  const end = result ? result.forecast.total[result.forecast.total.length - 1]! : Number.NaN;
  const shownEnd = useAnimatedNumber(end);
  const layout = result?.forecast.layout;
  const dimension = layout && layout.dimensions.length > 0 ? layout.dimensions[dimensionIndex % layout.dimensions.length] : undefined;
  const series = useMemo(
    () =>
      result && dimension
        ? dimension.members.map((s) => ({ key: result.forecast.layout.series[s]!.key, name: result.forecast.layout.series[s]!.name, values: seriesValues(result.forecast, s) }))
        : [],
    [result, dimension],
  );
  const { met, missed } = countClaims(result?.claims ?? []);
  const years = layout?.years ?? [];

  return (
    <div className="present" ref={root} role="dialog" aria-modal="true" aria-label="Present mode" data-testid="present-mode">
      <header className="present-head">
        <div>
          <p className="present-scenario">{scenario.name}</p>
          <p className="present-title">{workspace.title}</p>
        </div>
        <div className="present-figure">
          <span className="present-caption">Market in {years[years.length - 1]}</span>
          <span className="present-total" data-testid="headline-total" data-value={end}>
            {formatSize(shownEnd, unit)}
          </span>
        </div>
        <div className="present-figure">
          <span className="present-caption">
            CAGR {years[0]}–{years[years.length - 1]}
          </span>
          <span className="present-cagr">{result ? formatPercent(totalCagr(result.forecast)) : '—'}</span>
        </div>
        <div className="present-figure">
          <span className="present-caption">Report’s claims</span>
          <span className="present-claims">
            <span className="status-met">{met} met</span> · <span className="status-missed">{missed} missed</span>
          </span>
        </div>
        <button type="button" className="present-leave" onClick={onLeave}>
          Leave (Esc)
        </button>
      </header>
      <main className="present-body">
        <section className="present-charts" aria-label="Charts">
          {result && (
            <>
              <TotalChart
                years={result.forecast.layout.years}
                total={result.forecast.total}
                formatValue={(v) => formatSize(v, unit)}
                markers={markers}
                ghosts={ghosts}
                unit={unit}
                animate
                fontSize={CHART_FONT_SIZE}
                height={420}
              />
              {dimension && (
                <div className="present-breakdown">
                  <h2>By {dimension.name.toLowerCase()}</h2>
                  <StackedAreaChart years={result.forecast.layout.years} series={series} mode="values" formatValue={(v) => formatSize(v, unit)} unit={unit} animate fontSize={CHART_FONT_SIZE} height={300} />
                </div>
              )}
            </>
          )}
        </section>
        <aside className="present-pins" aria-label="Pinned assumptions">
          {pins.map((pin) => (
            <PresentSlider key={quantityKey(pin)} quantityRef={pin} />
          ))}
          {!workspace.presentation?.pins.length && <p className="present-hint">Pin assumptions with the pin button in the Model view to show them here.</p>}
        </aside>
      </main>
      <footer className="present-keys">
        <span>
          <kbd>Tab</kbd> next slider
        </span>
        <span>
          <kbd>←</kbd>
          <kbd>→</kbd> adjust
        </span>
        <span>
          <kbd>1</kbd>–<kbd>{Math.min(9, workspace.scenarios.length)}</kbd> scenario
        </span>
        <span>
          <kbd>B</kbd> base line {ghost ? 'on' : 'off'}
        </span>
        <span>
          <kbd>D</kbd> breakdown
        </span>
        <span>
          <kbd>S</kbd> keep as scenario
        </span>
        <span>
          <kbd>R</kbd> reset meeting
        </span>
        <span>
          <kbd>Esc</kbd> leave
        </span>
        <span role="status" className="present-notice">
          {notice}
        </span>
      </footer>
    </div>
  );
}
