/**
 * Present mode: the live model on a projector. Full screen, big type, the presenter's pinned
 * sliders, and the keyboard alone drives it. Its keys are the present-mode rows of the keymap
 * (src/ui/keymap.ts): the handler below dispatches from it, and the footer and the key list (?)
 * are drawn from it. Tab and Shift+Tab stay inside: they cycle the pinned sliders and the Leave
 * button (every control of the dialog is reachable from the keyboard, and Leave is one press away
 * for whoever does not know Esc). The layout follows the window (present.css): 1024×768 to 4K.
 * Every forecast still comes from the worker, so nothing here can freeze the screen.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Workspace } from '../../model/types';
import { totalCagr } from '../../engine/cagr';
import { countClaims } from '../../engine/claimStatus';
import { seriesValues } from '../../engine/seriesAccess';
import { useSlidecast } from '../../state/store';
import { activeScenarioOf } from '../../state/scenarioSelectors';
import { resetMeeting, snapshotScenario } from '../../model/presentationEdits';
import { TotalChart } from '../charts/TotalChart';
import { StackedAreaChart } from '../charts/StackedAreaChart';
import { formatPercent, formatSize, formatSizeRange } from '../format';
import { claimMarkers } from '../forecast/ForecastView';
import { useScenarioResult } from '../forecast/useScenarioResult';
import { useTotalFan } from '../forecast/useFan';
import { keyBindingFor, type PresentAction } from '../keymap';
import { PresentSlider } from './PresentSlider';
import { PresentKeys, PresentKeyList } from './PresentKeys';
import { FitChart } from './FitChart';
import { PresentTornado } from './PresentTornado';
import { useAnimatedNumber } from './useAnimatedNumber';
import { quantityKey, type QuantityRef } from '../../model/quantityRef';
import './present.css';

const DEFAULT_PINS: QuantityRef[] = [{ kind: 'baseSize' }, { kind: 'baseGrowth' }];

function timeLabel(date: Date): string {
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

export function PresentMode({ onLeave }: { onLeave: () => void }) {
  const result = useScenarioResult();
  const fan = useTotalFan(result?.forecast);
  const workspace = useSlidecast((s) => s.workspace);
  const baseResult = useSlidecast((s) => s.compareResult);
  const editWorkspace = useSlidecast((s) => s.editWorkspace);
  const switchScenario = useSlidecast((s) => s.switchScenario);
  const [ghost, setGhost] = useState(true);
  const [dimensionIndex, setDimensionIndex] = useState(0);
  const [notice, setNotice] = useState<string>('');
  const [helpOpen, setHelpOpen] = useState(false);
  const [tornadoOpen, setTornadoOpen] = useState(false);
  const atStart = useRef<Workspace>(workspace);
  const root = useRef<HTMLDivElement>(null);
  const leave = useRef<HTMLButtonElement>(null);
  const scenario = activeScenarioOf(workspace);
  const unit = scenario.model.unit;
  const pins = workspace.presentation?.pins.length ? workspace.presentation.pins : DEFAULT_PINS;

  /** The Tab cycle: the pinned sliders that can move, then Leave. */
  const moveFocus = useCallback((step: 1 | -1) => {
    const sliders = [...(root.current?.querySelectorAll<HTMLElement>('.present-pins input[type="range"]:not(:disabled)') ?? [])];
    const cycle = leave.current ? [...sliders, leave.current] : sliders;
    if (cycle.length === 0) return;
    const index = cycle.indexOf(document.activeElement as HTMLElement);
    const next = index < 0 ? (step > 0 ? 0 : cycle.length - 1) : (index + step + cycle.length) % cycle.length;
    cycle[next]!.focus();
  }, []);

  // Full screen where the browser allows it; leaving full screen (the browser's own Esc) leaves.
  useEffect(() => {
    const element = root.current;
    const first = element?.querySelector<HTMLElement>('.present-pins input[type="range"]:not(:disabled)') ?? leave.current;
    first?.focus();
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

  // The meeting's keys, from the keymap. Arrows stay with the focused slider (native behaviour).
  useEffect(() => {
    const actions: Record<PresentAction, (event: KeyboardEvent) => void> = {
      nextSlider: () => moveFocus(1),
      previousSlider: () => moveFocus(-1),
      nudge: () => undefined,
      showScenario: (event) => {
        const target = useSlidecast.getState().workspace.scenarios[Number(event.key) - 1];
        if (target) {
          switchScenario(target.id);
          setNotice(`Showing ${target.name}`);
        }
      },
      toggleGhost: () => setGhost((on) => !on),
      nextBreakdown: () => setDimensionIndex((i) => i + 1),
      tornado: () => setTornadoOpen((open) => !open),
      resetMeeting: () => {
        editWorkspace('meeting-reset', (draft) => resetMeeting(draft, atStart.current));
        setNotice('Live edits of this meeting reset');
      },
      keepScenario: () => {
        const name = `Meeting snapshot ${timeLabel(new Date())}`;
        let error: string | undefined;
        editWorkspace('meeting-snapshot', (draft) => {
          error = snapshotScenario(draft, name);
        });
        setNotice(error ?? `Kept as scenario “${name}”`);
      },
      help: () => setHelpOpen((open) => !open),
      leave: () => {
        if (helpOpen) setHelpOpen(false);
        else if (tornadoOpen) setTornadoOpen(false);
        else onLeave();
      },
    };
    const onKey = (event: KeyboardEvent) => {
      const binding = keyBindingFor(event, 'present', false);
      if (binding?.scope !== 'present' || binding.native) return;
      event.preventDefault();
      actions[binding.action](event);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editWorkspace, onLeave, switchScenario, moveFocus, helpOpen, tornadoOpen]);

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
  const formatValue = useCallback((v: number) => formatSize(v, unit), [unit]);
  const formatRange = useCallback((low: number, high: number) => formatSizeRange(low, high, unit), [unit]);
  const { met, missed } = countClaims(result?.claims ?? []);
  const years = layout?.years ?? [];

  return (
    <div className="present" ref={root} role="dialog" aria-modal="true" aria-label="Present mode" data-testid="present-mode">
      <header className="present-head">
        <div className="present-names">
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
        <button type="button" className="present-leave" ref={leave} onClick={onLeave}>
          Leave (Esc)
        </button>
      </header>
      <main className="present-body">
        {tornadoOpen ? (
          <PresentTornado />
        ) : (
          <section className={`present-charts${dimension ? '' : ' present-charts-total-only'}`} aria-label="Charts">
            {result && (
              <>
                <FitChart>
                  {({ height, fontSize }) => (
                    <TotalChart
                      years={result.forecast.layout.years}
                      total={result.forecast.total}
                      formatValue={formatValue}
                      markers={markers}
                      fan={fan}
                      formatRange={formatRange}
                      ghosts={ghosts}
                      unit={unit}
                      animate
                      fontSize={fontSize}
                      height={height}
                    />
                  )}
                </FitChart>
                {dimension && (
                  <>
                    <div className="present-breakdown">
                      <h2>By {dimension.name.toLowerCase()}</h2>
                    </div>
                    <FitChart>
                      {({ height, fontSize }) => (
                        <StackedAreaChart
                          years={result.forecast.layout.years}
                          series={series}
                          mode="values"
                          formatValue={formatValue}
                          unit={unit}
                          animate
                          fontSize={fontSize}
                          height={height}
                        />
                      )}
                    </FitChart>
                  </>
                )}
              </>
            )}
          </section>
        )}
        <aside className="present-pins" aria-label="Pinned assumptions">
          {pins.map((pin) => (
            <PresentSlider key={quantityKey(pin)} quantityRef={pin} />
          ))}
          {!workspace.presentation?.pins.length && <p className="present-hint">Pin assumptions with the pin button in the Model view to show them here.</p>}
        </aside>
        {helpOpen && <PresentKeyList />}
      </main>
      <footer className="present-keys">
        <PresentKeys states={{ toggleGhost: ghost ? 'on' : 'off', tornado: tornadoOpen ? 'on' : 'off' }} />
        <span role="status" className="present-notice">
          {notice}
        </span>
      </footer>
    </div>
  );
}
