/**
 * The Analysis view's tornado (issue 11): which assumption moves the answer most. The metric is
 * picked (the end-year total unless asked otherwise); the bars follow every slider, computed in the
 * engine's worker while this is on screen. A bar clicked (or Enter on it) brings its quantity's
 * slider — the assumptions panel's own control and binding — beside the chart, focused, so dragging
 * it shows the tornado follow.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { AnalysisMetric } from '../../engine/analysisMetric';
import { quantityKey, type QuantityRef } from '../../model/quantityRef';
import { useSlidecast } from '../../state/store';
import { BoundQuantity } from '../assumptions/BoundQuantity';
import { useScenarioResult } from '../forecast/useScenarioResult';
import { MetricPicker } from './MetricPicker';
import { TornadoChart } from './TornadoChart';
import { useTornado } from './useTornado';
import './analysisPanels.css';

const NO_KEYS: readonly string[] = [];

export function TornadoPanel() {
  const tornado = useTornado();
  const setTornadoMetric = useSlidecast((s) => s.setTornadoMetric);
  const layout = useScenarioResult()?.forecast.layout;
  const memberKeys = layout?.series.map((s) => s.key) ?? NO_KEYS;
  const [selected, setSelected] = useState<QuantityRef | undefined>(undefined);
  // The slider takes the focus once the bar's selection is on screen.
  const focusPending = useRef(false);
  const sliderBox = useRef<HTMLDivElement>(null);
  const { outcome } = tornado;

  useLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    sliderBox.current?.querySelector<HTMLElement>('input[type="range"]:not(.slider-end)')?.focus();
  });

  return (
    <section className="an-section an-tornado" aria-labelledby="an-tornado-title">
      <div className="an-section-head">
        <h3 id="an-tornado-title">Tornado: what moves the answer most</h3>
        <p className="an-hint muted">Each bar: the metric with one quantity at its range’s low and at its high, every other at its value. Select a bar to drag its slider.</p>
      </div>
      <MetricPicker legend="Tornado of" model={tornado.model} memberKeys={memberKeys} metric={tornado.metric} onChange={(m: AnalysisMetric) => setTornadoMetric(m)} />
      <div className="an-tornado-body">
        <div className="an-tornado-chart">
          {!outcome && <p className="muted">Computing…</p>}
          {outcome && !outcome.ok && (
            <p role="alert" className="field-error">
              The tornado cannot be drawn: {outcome.message}
            </p>
          )}
          {outcome?.ok && (
            <TornadoChart
              title={tornado.title}
              bars={outcome.result.bars}
              base={outcome.result.base}
              nameOf={tornado.nameOf}
              formatValue={tornado.formatValue}
              formatEnd={tornado.formatEnd}
              selectedKey={selected && quantityKey(selected)}
              onSelect={(bar) => {
                setSelected({ ...bar.ref });
                focusPending.current = true;
              }}
            />
          )}
        </div>
        <div className="an-tornado-slider" ref={sliderBox} aria-live="polite">
          {selected ? (
            <BoundQuantity key={quantityKey(selected)} quantityRef={selected} />
          ) : (
            <p className="muted">Select a bar to show its slider here.</p>
          )}
        </div>
      </div>
    </section>
  );
}
